namespace ImpactBot.Dbt.Jinja;

internal enum SegmentKind
{
    Text,
    Output,
    Statement,
}

/// <summary>
/// A piece of a template: literal text, or the inside of a <c>{{ }}</c>/<c>{% %}</c> tag between
/// <see cref="Start"/> and <see cref="End"/>. <see cref="TagStart"/>/<see cref="TagEnd"/> bound the whole tag.
/// </summary>
internal readonly record struct TemplateSegment(SegmentKind Kind, string Text, int Start, int End, int TagStart, int TagEnd);
