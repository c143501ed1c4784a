using ImpactBot.Dbt.Jinja;
using ImpactBot.Sql.Text;

namespace ImpactBot.Dbt.Tests.Jinja;

/// <summary>Templates that would build gigabytes stop at the render budget with a diagnostic at their line; the refs read so far stay.</summary>
public sealed class JinjaRenderBudgetTests
{
    private static JinjaRenderResult Render(string template) => JinjaRenderer.Render(template, "models/m.sql", JinjaContext.Default);

    private static void AssertStoppedAtLine(JinjaRenderResult result, int line)
    {
        var budget = result.Diagnostics.Where(d => d.Code == "render-budget").ToList();
        Assert.That(budget, Has.Count.EqualTo(1), string.Join("\n", result.Diagnostics));
        Assert.That((budget[0].Line, budget[0].Severity), Is.EqualTo((line, DiagnosticSeverity.Error)));
        Assert.That(result.IsComplete, Is.False);
        Assert.That(result.Sql.Length, Is.LessThanOrEqualTo(8 << 20));
    }

    [Test]
    public void Render_SetDoublingChain_StopsAtTheBudget()
    {
        // Each line doubles the last: 'x' reaches 2^40 characters on line 42 unless stopped; 2^23 is past the budget.
        var template = "select * from {{ ref('orders') }}\n{% set s0 = 'x' %}\n"
            + string.Concat(Enumerable.Range(1, 40).Select(i => $"{{% set s{i} = s{i - 1} ~ s{i - 1} %}}\n")) + "{{ s40 }}";

        var result = Render(template);

        AssertStoppedAtLine(result, 2 + 23);
        Assert.That(result.Refs.Select(r => r.Name), Is.EqualTo(new[] { "orders" }));
    }

    [Test]
    public void Render_ListExtendedByItselfInALoop_StopsAtTheBudget()
    {
        var result = Render("{% set l = [1] %}\n{% for i in range(60) %}{% do l.extend(l) %}{% endfor %}\n{{ l | length }}");

        AssertStoppedAtLine(result, 2);
    }

    [Test]
    public void Render_LargeStringRepetition_StopsAtTheBudget()
    {
        var result = Render("{% set s = 'x' * 1000 %}\n{% set t = s * 1000 %}\n{% set u = t * 1000 %}\n{{ u }}");

        AssertStoppedAtLine(result, 3);
    }

    [Test]
    public void Render_LoopCopyingALargeValue_StopsAtTheBuiltBudget()
    {
        var result = Render("{% set big = 'y' * 1000 %}{% set big = big * 1000 %}\n{% for i in range(10000) %}{% set c = big ~ i %}{% endfor %}\nselect 1");

        AssertStoppedAtLine(result, 2);
    }

    [Test]
    public void Render_OutputGrowingPastTheBudget_IsCutAtTheBudget()
    {
        var result = Render("{% set big = 'z' * 1000 %}{% set big = big * 1000 %}\n{% for i in range(10000) %}{{ big }}{% endfor %}");

        AssertStoppedAtLine(result, 2);
    }

    [Test]
    public void Render_LargeButReasonableModel_IsNotBudgeted()
    {
        var result = Render("select\n{% for i in range(5000) %}  col_{{ i }} as c{{ i }},\n{% endfor %}  1 as one\nfrom {{ ref('wide') }}");

        Assert.That(result.Diagnostics.Where(d => d.Code == "render-budget"), Is.Empty);
        Assert.That(result.IsComplete, Is.True);
    }
}
