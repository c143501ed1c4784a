using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Syntax.Lexing;

/// <summary>One token: a kind and where it is. Text is sliced from the source only when a node needs it.</summary>
internal readonly record struct Token(TokenKind Kind, Keyword Keyword, TokenFlags Flags, int Start, int Length, int Line, int Column)
{
    public int End => Start + Length;

    public SourceSpan Span => new(Start, Length, Line, Column);

    public bool Is(Keyword keyword) => Keyword == keyword && Kind == TokenKind.Word;
}

[Flags]
internal enum TokenFlags : byte
{
    None = 0,

    /// <summary>The closing quote or comment end never came.</summary>
    Unterminated = 1,

    /// <summary>Whitespace or a comment comes right before the token.</summary>
    SpaceBefore = 2,

    /// <summary>A template <c>{% %}</c> or <c>{# #}</c> block rather than a <c>{{ }}</c> expression.</summary>
    TemplateBlock = 4,

    /// <summary>A bracket with no partner of its kind: stray text to skip, not a nesting boundary.</summary>
    Unmatched = 8,
}
