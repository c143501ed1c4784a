using System.Collections.Frozen;
using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Syntax.Lexing;

namespace ImpactBot.Sql.Syntax.Parsing;

// The clauses of the SQL/JSON functions (JSON_QUERY, JSON_VALUE, JSON_EXISTS, JSON_OBJECT, JSON_ARRAY), as Trino writes them.
internal sealed partial class Parser
{
    /// <summary>Words of the SQL/JSON clauses: FORMAT JSON, RETURNING, WITH ARRAY WRAPPER, OMIT QUOTES, NULL ON EMPTY...</summary>
    private static readonly FrozenSet<string> SqlJsonClauseWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "FORMAT", "JSON", "ENCODING", "UTF8", "UTF16", "UTF32", "WITH", "WITHOUT", "CONDITIONAL", "UNCONDITIONAL", "ARRAY",
        "WRAPPER", "KEEP", "OMIT", "QUOTES", "ON", "SCALAR", "STRING", "NULL", "ERROR", "EMPTY", "TRUE", "FALSE", "UNKNOWN",
        "ABSENT", "UNIQUE", "KEYS");

    private static bool IsSqlJsonFunction(string name) =>
        name.StartsWith("JSON_", StringComparison.OrdinalIgnoreCase) &&
        name.ToUpperInvariant() is "JSON_QUERY" or "JSON_VALUE" or "JSON_EXISTS" or "JSON_OBJECT" or "JSON_ARRAY";

    /// <summary>
    /// Reads the clauses after an argument of a SQL/JSON function: their words carry no columns, while the values of
    /// PASSING and DEFAULT ... ON EMPTY/ERROR are arguments.
    /// </summary>
    private void ParseSqlJsonClauses(ImmutableArray<Expr>.Builder args)
    {
        while (Current.Kind == TokenKind.Word)
        {
            if (TextIs(Current, "PASSING"))
            {
                do
                {
                    Advance();
                    args.Add(ParseExpr());
                    if (At(Keyword.As) && IsAnyName(Peek()))
                    {
                        Advance();
                        Advance();
                    }
                }
                while (At(TokenKind.Comma));
            }
            else if (At(Keyword.Default))
            {
                Advance();
                args.Add(ParseExpr());
            }
            else if (TextIs(Current, "RETURNING"))
            {
                Advance();
                while (Current.Kind == TokenKind.Word && !SqlJsonClauseWords.Contains(TextOf(Current)))
                {
                    Advance();
                }

                SkipParenthesised();
            }
            else if (SqlJsonClauseWords.Contains(TextOf(Current)))
            {
                Advance();
            }
            else
            {
                return;
            }
        }
    }
}
