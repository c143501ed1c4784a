using ImpactBot.Dbt.Jinja;

namespace ImpactBot.Dbt.Tests.Jinja;

/// <summary>The source map a render records, checked where it matters: rendered positions led back to the template.</summary>
public sealed class SourceMapBuilderTests
{
    private static JinjaRenderResult Render(string template, JinjaContext? context = null) =>
        JinjaRenderer.Render(template, "models/m.sql", context ?? JinjaContext.Default);

    /// <summary>The 1-based line:column of <paramref name="text"/> in the rendered SQL, led back to the template.</summary>
    private static (int Line, int Column) SourceOf(JinjaRenderResult result, string text)
    {
        var offset = result.Sql.IndexOf(text, StringComparison.Ordinal);
        Assert.That(offset, Is.GreaterThanOrEqualTo(0), $"'{text}' is not in the rendered SQL:\n{result.Sql}");
        var before = result.Sql[..offset];
        var line = before.Count(c => c == '\n') + 1;
        var column = offset - (before.LastIndexOf('\n') + 1) + 1;
        return result.SourceMap.ToSource(line, column);
    }

    [Test]
    public void Build_NoJinja_IsIdentity()
    {
        var result = Render("select a,\n  b\nfrom t\n");

        Assert.That(result.SourceMap.IsIdentity, Is.True);
        Assert.That(result.SourceMap.ToSource(3, 2), Is.EqualTo((3, 2)));
    }

    [Test]
    public void Build_ForLoopOverSeveralLines_LinesAfterTheLoopMapToTheirOwnLines()
    {
        var result = Render("select\n{% for c in ['a', 'b', 'c'] %}\n  {{ c }},\n{% endfor %}\n  d\nfrom t");

        Assert.That(SourceOf(result, "from t"), Is.EqualTo((6, 1)));
        Assert.That(SourceOf(result, "d\n"), Is.EqualTo((5, 3)));
    }

    [Test]
    public void Build_ForLoopBody_EachIterationMapsToTheBodyLine()
    {
        var result = Render("select\n{% for c in ['a', 'b'] %}\n  x_{{ c }},\n{% endfor %}\n  1");

        Assert.That(SourceOf(result, "x_b"), Is.EqualTo((3, 3)));
        Assert.That(SourceOf(result, "b,"), Is.EqualTo((3, 5)));
    }

    [Test]
    public void Build_MultiLineComment_TextAfterItKeepsItsLineAndColumn()
    {
        var result = Render("select a,\n{# one\ntwo\nthree #}\n  b from t");

        Assert.That(result.Sql, Is.EqualTo("select a,\n\n  b from t"));
        Assert.That(SourceOf(result, "b from"), Is.EqualTo((5, 3)));
        Assert.That(SourceOf(result, "a,"), Is.EqualTo((1, 8)));
    }

    [Test]
    public void Build_SetBlock_TextAfterItMapsToItsOwnLine()
    {
        var result = Render("{% set cols %}\na,\nb\n{% endset %}\nselect {{ cols }}\nfrom t");

        Assert.That(SourceOf(result, "from t"), Is.EqualTo((6, 1)));
        Assert.That(SourceOf(result, "select"), Is.EqualTo((5, 1)));
    }

    [Test]
    public void Build_MacroExpandingToSeveralLines_EveryLineMapsToTheCall()
    {
        var macros = JinjaMacroLibrary.Parse([new("macros/cols.sql", "{% macro cols() %}\na,\nb,\nc{% endmacro %}")]);

        var result = Render("select\n  {{ cols() }}\nfrom t", new JinjaContext { Macros = macros });

        Assert.That(SourceOf(result, "b,"), Is.EqualTo((2, 3)));
        Assert.That(SourceOf(result, "c\n"), Is.EqualTo((2, 3)));
        Assert.That(SourceOf(result, "from t"), Is.EqualTo((3, 1)));
    }

    [Test]
    public void Build_WhitespaceControl_JoinedLinesMapToWhereEachPartWasWritten()
    {
        var result = Render("select\n  {%- if true -%}\n  a\n  {%- endif %}\nfrom t");

        Assert.That(result.Sql, Is.EqualTo("selecta\nfrom t"));
        Assert.That(SourceOf(result, "a\n"), Is.EqualTo((3, 3)));
        Assert.That(SourceOf(result, "from t"), Is.EqualTo((5, 1)));
    }

    [Test]
    public void Build_RefOnTheLine_ColumnsAfterItMapToTheirTemplateColumns()
    {
        var result = Render("select * from {{ ref('orders') }} o where o.x");

        Assert.That(SourceOf(result, "__ref__"), Is.EqualTo((1, 15)));
        Assert.That(SourceOf(result, "where"), Is.EqualTo((1, 37)));
    }

    [Test]
    public void Build_ConfigCallFirst_RenderedSqlMapsBelowIt()
    {
        var result = Render("{{\n  config(materialized='table')\n}}\n\nselect 1 as x");

        Assert.That(SourceOf(result, "select"), Is.EqualTo((5, 1)));
    }

    [Test]
    public void Build_SnapshotBlock_BodyHasItsOwnMapFromItsFirstCharacter()
    {
        var result = Render("{% snapshot s %}\n{{ config(unique_key='id') }}\n\n  select id,\n  {{ ref('o') }}.x\nfrom t\n{% endsnapshot %}");

        var block = result.Blocks.Single();
        Assert.That(block.Sql, Is.EqualTo("select id,\n  __ref__.o.x\nfrom t"));
        Assert.That(block.SourceMap.ToSource(1, 1), Is.EqualTo((4, 3)));
        Assert.That(block.SourceMap.ToSource(2, 13), Is.EqualTo((5, 18)));
        Assert.That(block.SourceMap.ToSource(2, 5), Is.EqualTo((5, 3)));
        Assert.That(block.SourceMap.ToSource(3, 1), Is.EqualTo((6, 1)));
    }

    [Test]
    public void ToSource_LineZero_IsLeftAlone()
    {
        var result = Render("{# c #}\nselect 1");

        Assert.That(result.SourceMap.IsIdentity, Is.False);
        Assert.That(result.SourceMap.ToSource(0, 0), Is.EqualTo((0, 0)));
    }
}
