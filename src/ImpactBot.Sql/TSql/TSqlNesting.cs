using Dom = Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ImpactBot.Sql.TSql;

/// <summary>
/// Estimates from the tokens how deeply a script nests (parentheses, CASE .. END, runs of NOT and unary signs).
/// ScriptDom's parser recurses once per level and a stack overflow cannot be caught, so the front end checks this first.
/// </summary>
internal readonly record struct TSqlNesting(int Depth, int DeepestToken)
{
    public static TSqlNesting Measure(IList<Dom.TSqlParserToken> tokens)
    {
        int parentheses = 0, cases = 0, prefixRun = 0, deepest = 0, deepestToken = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            switch (token.TokenType)
            {
                case Dom.TSqlTokenType.WhiteSpace or Dom.TSqlTokenType.SingleLineComment or Dom.TSqlTokenType.MultilineComment:
                    continue;
                case Dom.TSqlTokenType.LeftParenthesis:
                    parentheses++;
                    break;
                case Dom.TSqlTokenType.RightParenthesis:
                    parentheses = Math.Max(0, parentheses - 1);
                    break;
                case Dom.TSqlTokenType.Case:
                    cases++;
                    break;

                // END also closes BEGIN blocks, but a BEGIN cannot sit inside a CASE, so only open CASEs are counted down.
                case Dom.TSqlTokenType.End when cases > 0:
                    cases--;
                    break;
            }

            prefixRun = token.TokenType is Dom.TSqlTokenType.Not or Dom.TSqlTokenType.Minus or Dom.TSqlTokenType.Plus or Dom.TSqlTokenType.Tilde
                ? prefixRun + 1
                : 0;
            var depth = parentheses + cases + prefixRun;
            if (depth > deepest)
            {
                deepest = depth;
                deepestToken = i;
            }
        }

        return new TSqlNesting(deepest, deepestToken);
    }
}
