using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Syntax.Lexing;
using ImpactBot.Sql.Syntax.Parsing;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Tests.Syntax;

public sealed class LexerTests
{
    private static (List<Token> Tokens, List<Diagnostic> Diagnostics) Lex(string text, DialectFacts dialect)
    {
        var diagnostics = new List<Diagnostic>();
        var tokens = Lexer.Tokenize(text, dialect, diagnostics, out var count);
        return (tokens.Take(count).ToList(), diagnostics);
    }

    private static List<TokenKind> Kinds(string text, DialectFacts dialect) =>
        Lex(text, dialect).Tokens.Select(t => t.Kind).ToList();

    private static string TextOf(string text, Token token) => text.Substring(token.Start, token.Length);

    [Test]
    public void Tokenize_Empty_OnlyEndOfInput() =>
        Assert.That(Kinds(string.Empty, DialectFacts.Postgres), Is.EqualTo(new[] { TokenKind.EndOfInput }));

    [Test]
    public void Tokenize_Keywords_AreCaseInsensitive()
    {
        var (tokens, _) = Lex("SeLeCt x FROM", DialectFacts.Snowflake);
        Assert.That(tokens.Select(t => t.Keyword), Is.EqualTo(new[] { Keyword.Select, Keyword.None, Keyword.From, Keyword.None }));
    }

    [Test]
    public void Tokenize_DoubleQuotesInPostgres_AreIdentifiers() =>
        Assert.That(Kinds("\"My Col\"", DialectFacts.Postgres)[0], Is.EqualTo(TokenKind.QuotedIdentifier));

    [Test]
    public void Tokenize_DoubleQuotesInBigQuery_AreStrings() =>
        Assert.That(Kinds("\"text\"", DialectFacts.BigQuery)[0], Is.EqualTo(TokenKind.String));

    [Test]
    public void Tokenize_BackticksInDatabricks_AreIdentifiers() =>
        Assert.That(Kinds("`my col`", DialectFacts.Databricks)[0], Is.EqualTo(TokenKind.QuotedIdentifier));

    [Test]
    public void Tokenize_BracketsInTSql_AreIdentifiers() =>
        Assert.That(Kinds("[my col]", DialectFacts.TSql)[0], Is.EqualTo(TokenKind.QuotedIdentifier));

    [Test]
    public void Tokenize_BracketsInSnowflake_AreArrayBrackets() =>
        Assert.That(Kinds("[1]", DialectFacts.Snowflake), Is.EqualTo(new[] { TokenKind.LBracket, TokenKind.Number, TokenKind.RBracket, TokenKind.EndOfInput }));

    [Test]
    public void Tokenize_DoubledQuoteInString_StaysOneToken()
    {
        var (tokens, diagnostics) = Lex("'it''s' x", DialectFacts.Postgres);
        Assert.That(tokens[0].Kind, Is.EqualTo(TokenKind.String));
        Assert.That(tokens[0].Length, Is.EqualTo(7));
        Assert.That(diagnostics, Is.Empty);
    }

    [Test]
    public void Tokenize_BackslashEscapeInSnowflake_DoesNotCloseString()
    {
        const string sql = @"'a\'b' c";
        var (tokens, _) = Lex(sql, DialectFacts.Snowflake);
        Assert.That(TextOf(sql, tokens[0]), Is.EqualTo(@"'a\'b'"));
    }

    [Test]
    public void Tokenize_BackslashInPostgres_IsPlainCharacter()
    {
        const string sql = @"'a\' b";
        var (tokens, _) = Lex(sql, DialectFacts.Postgres);
        Assert.That(TextOf(sql, tokens[0]), Is.EqualTo(@"'a\'"));
        Assert.That(tokens[1].Kind, Is.EqualTo(TokenKind.Word));
    }

    [Test]
    public void Tokenize_EscapeStringInPostgres_HonoursBackslash()
    {
        const string sql = @"E'a\'b' c";
        var (tokens, _) = Lex(sql, DialectFacts.Postgres);
        Assert.That(TextOf(sql, tokens[0]), Is.EqualTo(@"E'a\'b'"));
    }

    [TestCase("$$a 'b' c$$ x")]
    [TestCase("$fn$a $$ c$fn$ x")]
    public void Tokenize_DollarQuotedString_IsOneToken(string sql)
    {
        var (tokens, _) = Lex(sql, DialectFacts.Postgres);
        Assert.That(tokens.Select(t => t.Kind), Is.EqualTo(new[] { TokenKind.String, TokenKind.Word, TokenKind.EndOfInput }));
    }

    [Test]
    public void Tokenize_DollarNumber_IsPositional() =>
        Assert.That(Kinds("$1", DialectFacts.Snowflake)[0], Is.EqualTo(TokenKind.Positional));

    [Test]
    public void Tokenize_TripleQuotedBigQueryString_IsOneToken()
    {
        var (tokens, _) = Lex("'''a 'b' c''' x", DialectFacts.BigQuery);
        Assert.That(tokens[0].Length, Is.EqualTo(13));
    }

    [Test]
    public void Tokenize_Comments_AreSkipped() =>
        Assert.That(Kinds("a -- line\n/* block */ b", DialectFacts.Snowflake), Is.EqualTo(new[] { TokenKind.Word, TokenKind.Word, TokenKind.EndOfInput }));

    [Test]
    public void Tokenize_NestedCommentInPostgres_ClosesAtOuterEnd() =>
        Assert.That(Kinds("/* a /* b */ c */ x", DialectFacts.Postgres), Is.EqualTo(new[] { TokenKind.Word, TokenKind.EndOfInput }));

    [Test]
    public void Tokenize_NestedCommentInSnowflake_ClosesAtFirstEnd() =>
        Assert.That(Kinds("/* a /* b */ c */ x", DialectFacts.Snowflake)[0], Is.EqualTo(TokenKind.Word));

    [Test]
    public void Tokenize_HashInBigQuery_StartsComment() =>
        Assert.That(Kinds("a # comment\nb", DialectFacts.BigQuery), Is.EqualTo(new[] { TokenKind.Word, TokenKind.Word, TokenKind.EndOfInput }));

    [Test]
    public void Tokenize_DoubleSlashInSnowflake_StartsComment() =>
        Assert.That(Kinds("a, // note\nb", DialectFacts.Snowflake), Is.EqualTo(new[] { TokenKind.Word, TokenKind.Comma, TokenKind.Word, TokenKind.EndOfInput }));

    [Test]
    public void Tokenize_DoubleSlashInPostgres_IsTwoOperators() =>
        Assert.That(Kinds("a // b", DialectFacts.Postgres), Is.EqualTo(new[] { TokenKind.Word, TokenKind.Slash, TokenKind.Slash, TokenKind.Word, TokenKind.EndOfInput }));

    [Test]
    public void Tokenize_HashArrowInPostgres_IsOperator()
    {
        const string sql = "a #>> b";
        var (tokens, _) = Lex(sql, DialectFacts.Postgres);
        Assert.That(TextOf(sql, tokens[1]), Is.EqualTo("#>>"));
    }

    [TestCase("1", 1)]
    [TestCase("1.5e-3", 6)]
    [TestCase(".5", 2)]
    [TestCase("1E10", 4)]
    [TestCase("0xFF", 4)]
    public void Tokenize_Number_TakesWholeLiteral(string sql, int length)
    {
        var (tokens, _) = Lex(sql, DialectFacts.Snowflake);
        Assert.That((tokens[0].Kind, tokens[0].Length), Is.EqualTo((TokenKind.Number, length)));
    }

    [TestCase("{{ ref('x') }}", false)]
    [TestCase("{% if x %}", true)]
    [TestCase("{# note #}", true)]
    public void Tokenize_Jinja_IsTemplateToken(string sql, bool block)
    {
        var (tokens, _) = Lex(sql, DialectFacts.Snowflake);
        Assert.That(tokens[0].Kind, Is.EqualTo(TokenKind.Template));
        Assert.That(tokens[0].Length, Is.EqualTo(sql.Length));
        Assert.That((tokens[0].Flags & TokenFlags.TemplateBlock) != 0, Is.EqualTo(block));
    }

    [Test]
    public void Tokenize_Operators_TakeLongestMatch()
    {
        const string sql = "a::b -> c ->> d => e := f || g <> h != i <= j >= k";
        var (tokens, _) = Lex(sql, DialectFacts.Postgres);
        var ops = tokens.Where(t => t.Kind is not (TokenKind.Word or TokenKind.EndOfInput)).Select(t => TextOf(sql, t));
        Assert.That(ops, Is.EqualTo(new[] { "::", "->", "->>", "=>", ":=", "||", "<>", "!=", "<=", ">=" }));
    }

    [Test]
    public void Tokenize_UnterminatedString_RunsToEndWithDiagnostic()
    {
        var (tokens, diagnostics) = Lex("select 'abc\nxyz", DialectFacts.Snowflake);
        Assert.That(tokens[1].Kind, Is.EqualTo(TokenKind.String));
        Assert.That(tokens[1].Flags & TokenFlags.Unterminated, Is.EqualTo(TokenFlags.Unterminated));
        Assert.That(diagnostics.Single().ToString(), Is.EqualTo("1:8: unterminated-string: string literal is never closed"));
    }

    [Test]
    public void Tokenize_UnterminatedComment_ReportsWhereItStarts()
    {
        var (_, diagnostics) = Lex("a\n  /* open", DialectFacts.Snowflake);
        Assert.That(diagnostics.Single().ToString(), Is.EqualTo("2:3: unterminated-comment: block comment is never closed"));
    }

    [Test]
    public void Tokenize_GarbageCharacter_BecomesErrorToken()
    {
        var (tokens, diagnostics) = Lex("a § b", DialectFacts.Snowflake);
        Assert.That(tokens[1].Kind, Is.EqualTo(TokenKind.Error));
        Assert.That(diagnostics.Single().Code, Is.EqualTo("invalid-character"));
    }

    [Test]
    public void Tokenize_MultiLine_TracksLineAndColumn()
    {
        var (tokens, _) = Lex("select\n  a,\n\t'x\ny' b", DialectFacts.Snowflake);
        Assert.That(tokens.Select(t => (t.Line, t.Column)), Is.EqualTo(new[] { (1, 1), (2, 3), (2, 4), (3, 2), (4, 4), (4, 5) }));
    }

    [Test]
    public void Tokenize_UnicodeIdentifier_IsOneWord() =>
        Assert.That(Kinds("größe", DialectFacts.DuckDb), Is.EqualTo(new[] { TokenKind.Word, TokenKind.EndOfInput }));

    [Test]
    public void DecodeString_DoubledQuotesAndEscapes_AreUnescaped()
    {
        const string sql = @"'it''s\n'";
        var (tokens, _) = Lex(sql, DialectFacts.Snowflake);
        Assert.That(Literals.DecodeString(sql, tokens[0], DialectFacts.Snowflake), Is.EqualTo("it's\n"));
    }

    [Test]
    public void DecodeQuotedIdentifier_DoubledQuote_IsUnescaped()
    {
        const string sql = "\"a\"\"b\"";
        var (tokens, _) = Lex(sql, DialectFacts.Postgres);
        Assert.That(Literals.DecodeQuotedIdentifier(sql, tokens[0]), Is.EqualTo("a\"b"));
    }
}
