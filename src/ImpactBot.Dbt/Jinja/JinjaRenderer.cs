namespace ImpactBot.Dbt.Jinja;

/// <summary>
/// Renders dbt Jinja well enough for lineage, without Python and without a warehouse. Relations render by convention:
/// <c>ref('orders')</c> as <c>__ref__.orders</c>, <c>source('s','t')</c> as <c>__source__.s.t</c>, <c>this</c> as
/// <c>__this__</c>; <c>is_incremental()</c> is false. Deterministic; never throws.
/// </summary>
public static class JinjaRenderer
{
    public static JinjaRenderResult Render(string template, string path, JinjaContext context)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(context);
        var nodes = TemplateParser.Parse(template);
        return new RenderSession(path, template, context).Run(nodes);
    }
}
