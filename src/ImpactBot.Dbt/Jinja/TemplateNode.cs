using System.Collections.Immutable;

namespace ImpactBot.Dbt.Jinja;

/// <summary>A node of a parsed template. <see cref="Pos"/> is the offset of its tag in the template text.</summary>
internal abstract record TemplateNode(int Pos);

internal sealed record TextNode(string Text, int Pos) : TemplateNode(Pos);

internal sealed record OutputNode(Expr Value, int Pos) : TemplateNode(Pos);

/// <summary>One branch of an if; <see cref="Condition"/> is null for else.</summary>
internal sealed record IfBranch(Expr? Condition, ImmutableArray<TemplateNode> Body);

internal sealed record IfNode(ImmutableArray<IfBranch> Branches, int Pos) : TemplateNode(Pos);

internal sealed record ForNode(
    ImmutableArray<string> Targets, Expr Iterable, Expr? Filter, ImmutableArray<TemplateNode> Body, ImmutableArray<TemplateNode> Else, int Pos)
    : TemplateNode(Pos);

internal sealed record SetNode(ImmutableArray<string> Targets, Expr Value, int Pos) : TemplateNode(Pos);

internal sealed record SetBlockNode(string Target, ImmutableArray<TemplateNode> Body, int Pos) : TemplateNode(Pos);

internal sealed record MacroParameter(string Name, Expr? Default);

internal sealed record MacroNode(string Name, ImmutableArray<MacroParameter> Parameters, ImmutableArray<TemplateNode> Body, int Pos)
    : TemplateNode(Pos);

internal sealed record DoNode(Expr Value, int Pos) : TemplateNode(Pos);

/// <summary>A <c>{% call %}</c> block: it runs a statement or a caller macro; only its expressions matter here.</summary>
internal sealed record CallBlockNode(Expr Call, ImmutableArray<TemplateNode> Body, int Pos) : TemplateNode(Pos);

/// <summary>A named block (<c>snapshot</c>, <c>test</c>, <c>docs</c>, <c>materialization</c>...).</summary>
internal sealed record BlockNode(string Kind, string Name, ImmutableArray<TemplateNode> Body, int Pos) : TemplateNode(Pos);

/// <summary>A tag that could not be parsed: it renders as nothing and the render becomes partial.</summary>
internal sealed record ErrorNode(string Message, int Pos) : TemplateNode(Pos);
