using ImpactBot.Dbt.Analysis;
using ImpactBot.Core.Impact;
using ImpactBot.Core.Report;

namespace ImpactBot.Dbt.Tests.Analysis;

/// <summary>Data tests are read at column level: a test is affected only when a column its arguments name changes.</summary>
public sealed class TestArgumentImpactTests
{
    private const string Orders = "select id, amount, status from {{ source('shop', 'raw_orders') }}";

    private const string Tests = """
        models:
          - name: orders
            data_tests:
              - dbt_utils.unique_combination_of_columns:
                  combination_of_columns: [id, status]
              - dbt_utils.expression_is_true:
                  expression: "coalesce(amount, 0) >= 0"
              - accepted_values:
                  column_name: status
                  values: [paid, open]
              - dbt_utils.equal_rowcount:
                  compare_model: ref('orders')
            columns:
              - name: id
                data_tests:
                  - not_null:
                      config:
                        where: "o.status <> 'void'"
        """;

    private static readonly Dictionary<string, string> Base = new(StringComparer.Ordinal)
    {
        ["dbt_project.yml"] = "name: shop\n",
        ["models/sources.yml"] = "sources:\n  - name: shop\n    tables:\n      - name: raw_orders\n        columns:\n          - name: id\n          - name: amount\n          - name: status\n",
        ["models/orders.sql"] = Orders,
        ["models/orders.yml"] = Tests,
    };

    private static ImpactReport Run(string ordersSql)
    {
        var head = new Dictionary<string, string>(Base, StringComparer.Ordinal) { ["models/orders.sql"] = ordersSql };
        var request = new AnalysisRequest(FixtureFiles.Of([.. Base.Select(kv => (kv.Key, kv.Value))]), FixtureFiles.Of([.. head.Select(kv => (kv.Key, kv.Value))]), "base", "head", ["models/orders.sql"]);
        return ImpactAnalysis.Run(request, ProjectOptions.Default).Report;
    }

    private static string[] AffectedTests(ImpactReport report) =>
        [.. report.Impacts.Where(i => i.Type == Core.Graph.AssetType.Test).Select(i => i.Asset).Order(StringComparer.Ordinal)];

    [Test]
    public void Run_AmountChanged_AffectsOnlyTestsNamingAmountAndTheWholeModelTest()
    {
        var report = Run("select id, amount * 100 as amount, status from {{ source('shop', 'raw_orders') }}");

        Assert.That(AffectedTests(report), Is.EqualTo(new[] { "equal_rowcount_orders", "expression_is_true_orders" }));
    }

    [Test]
    public void Run_StatusChanged_AffectsTheCombinationAcceptedValuesAndWhereFilteredTests()
    {
        var report = Run("select id, amount, upper(status) as status from {{ source('shop', 'raw_orders') }}");

        Assert.That(AffectedTests(report), Is.EqualTo(new[]
        {
            "accepted_values_orders", "equal_rowcount_orders", "not_null_orders_id", "unique_combination_of_columns_orders",
        }));
    }

    [Test]
    public void Run_AmountRemoved_BreaksTheExpressionTestButNotTheCombinationTest()
    {
        var report = Run("select id, status from {{ source('shop', 'raw_orders') }}");

        var tests = report.Impacts.Where(i => i.Type == Core.Graph.AssetType.Test).ToDictionary(i => i.Asset, i => i.Severity);
        Assert.That(tests.GetValueOrDefault("expression_is_true_orders"), Is.EqualTo(Severity.Breaking));
        Assert.That(tests.ContainsKey("unique_combination_of_columns_orders"), Is.False);
    }

    [Test]
    public void Identifiers_SqlExpression_KeepsColumnsAndDropsFunctionsKeywordsQualifiersAndLiterals()
    {
        var names = TestColumns.Identifiers("coalesce(o.amount, 0) > 0 and status not in ('void') and \"Created At\" is not null and x::date < current_date");

        Assert.That(names, Is.EqualTo(new[] { "amount", "status", "Created At", "x" }));
    }
}
