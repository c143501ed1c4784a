using ImpactBot.Dbt;
using ImpactBot.Dbt.Jinja;
using ImpactBot.Sql.Text;

namespace ImpactBot.Dbt.Tests;

public sealed class PythonModelReaderTests
{
    private const string Model = """
        import pandas as pd

        def model(dbt, session):
            dbt.config(materialized="table", packages=["numpy"], tags=["ml"])
            # dbt.ref("commented_out")
            orders = dbt.ref("orders").to_pandas()
            customers = dbt.ref("crm", "customers")
            payments = dbt.ref(
                "payments",  # the old version, on purpose
                v=2,
            )
            charges = dbt.source('stripe', 'charges')
            note = "dbt.ref('in_a_string')"
            doc = '''
            dbt.ref("in_a_docstring")
            '''
            return orders.merge(customers)
        """;

    private static PythonModelCode Read(string code) => PythonModelReader.Read(code, "models/scores.py", JinjaContext.Default);

    [Test]
    public void Read_Model_RefsWithPackageAndVersionAndLines()
    {
        var result = Read(Model);

        Assert.That(result.Refs, Is.EqualTo(new[]
        {
            new DbtRef("orders", null, null, 6),
            new DbtRef("customers", "crm", null, 7),
            new DbtRef("payments", null, "2", 8),
        }));
        Assert.That(result.IsComplete, Is.True);
    }

    [Test]
    public void Read_Model_SourcesAndConfig()
    {
        var result = Read(Model);

        Assert.That(result.Sources, Is.EqualTo(new[] { new DbtSourceRef("stripe", "charges", 12) }));
        Assert.That(result.Config["materialized"]?.Text, Is.EqualTo("table"));
        Assert.That(result.Config["tags"]!.AsStrings(), Is.EqualTo(new[] { "ml" }));
        Assert.That(result.Config["packages"]!.AsStrings(), Is.EqualTo(new[] { "numpy" }));
    }

    [Test]
    public void Read_Model_InfoThatLineageIsModelLevel()
    {
        var diagnostic = Read(Model).Diagnostics.Single();

        Assert.That((diagnostic.Code, diagnostic.Severity, diagnostic.Path, diagnostic.Line), Is.EqualTo(("python-model", DiagnosticSeverity.Info, "models/scores.py", 3)));
    }

    [Test]
    public void Read_OtherArgumentName_CallsOnItAreRead()
    {
        var result = Read("def model(d, session):\n    return d.ref('orders', version=3)\n");

        Assert.That(result.Refs, Is.EqualTo(new[] { new DbtRef("orders", null, "3", 2) }));
    }

    [Test]
    public void Read_RefOfAVariable_PartialWithDiagnosticOnItsLine()
    {
        var result = Read("def model(dbt, session):\n    name = 'orders'\n    return dbt.ref(name)\n");

        Assert.That(result.Refs, Is.Empty);
        Assert.That(result.IsComplete, Is.False);
        Assert.That(result.Diagnostics.Single(d => d.Code == "dynamic-ref").Line, Is.EqualTo(3));
    }

    [Test]
    public void Read_ConfigWithNestedDict_IsRead()
    {
        var result = Read("def model(dbt, session):\n    dbt.config(meta={'owner': {'team': 'ml'}}, materialized='table')\n    return dbt.ref('orders')\n");

        Assert.That(result.Config["materialized"]?.Text, Is.EqualTo("table"));
        var owner = (DbtMap)((DbtMap)result.Config["meta"]!)["owner"]!;
        Assert.That(owner["team"]?.Text, Is.EqualTo("ml"));
    }

    [Test]
    public void Read_JinjaLookalikesInStrings_AreNotRendered()
    {
        var result = Read("def model(dbt, session):\n    sql = \"{{ ref('x') }} {% if %}\"\n    return dbt.ref('orders')\n");

        Assert.That(result.Refs.Select(r => r.Name), Is.EqualTo(new[] { "orders" }));
        Assert.That(result.IsComplete, Is.True);
    }
}
