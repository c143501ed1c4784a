namespace ImpactBot.Sql.Syntax.Lexing;

internal enum TokenKind : byte
{
    EndOfInput,

    /// <summary>An unquoted word: a keyword or an identifier; <see cref="Token.Keyword"/> says which keyword, if any.</summary>
    Word,
    QuotedIdentifier,
    String,
    Number,

    /// <summary>A leftover Jinja <c>{{ }}</c>, <c>{% %}</c> or <c>{# #}</c>.</summary>
    Template,

    /// <summary><c>?</c>, <c>@name</c>, <c>$name</c>.</summary>
    Parameter,

    /// <summary><c>$1</c>.</summary>
    Positional,
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Comma,
    Dot,
    Semicolon,
    Colon,
    DoubleColon,
    ColonEquals,
    Star,
    Plus,
    Minus,
    Slash,
    Percent,
    Concat,
    Eq,
    NotEq,
    Lt,
    Le,
    Gt,
    Ge,

    /// <summary><c>-&gt;</c>: a lambda or a JSON operator.</summary>
    Arrow,

    /// <summary><c>-&gt;&gt;</c>.</summary>
    DoubleArrow,

    /// <summary><c>=&gt;</c>: a named argument.</summary>
    FatArrow,

    /// <summary>Any other operator (<c>~ ^ &amp; | &lt;&lt; &gt;&gt; #&gt; #&gt;&gt; @&gt; &lt;@ &lt;=&gt; !~</c> ...); the text is the operator.</summary>
    Operator,

    /// <summary>A character no dialect rule accepts.</summary>
    Error,
}
