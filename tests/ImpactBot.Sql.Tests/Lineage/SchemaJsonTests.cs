using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Lineage;

namespace ImpactBot.Sql.Tests.Lineage;

public sealed class SchemaJsonTests
{
    [Test]
    public void Parse_ColumnLists_ReadsTables()
    {
        var (schema, error) = SchemaJson.Parse("""{"shop.orders": ["id", "amount"]}""", DialectFacts.Postgres);
        Assert.That(error, Is.Null);
        Assert.That(schema!.FindColumns(["shop", "orders"]), Is.EqualTo(new[] { "id", "amount" }));
    }

    [Test]
    public void Parse_ColumnTypeObjects_ReadsColumnNamesInOrder()
    {
        var (schema, _) = SchemaJson.Parse("""{"t": {"b": "int", "a": "text"}}""", DialectFacts.Postgres);
        Assert.That(schema!.FindColumns(["t"]), Is.EqualTo(new[] { "b", "a" }));
    }

    [Test]
    public void Parse_InvalidJson_ErrorSaysWhere()
    {
        var (schema, error) = SchemaJson.Parse("{\n  \"t\": [\"a\",\n", DialectFacts.Postgres);
        Assert.That(schema, Is.Null);
        Assert.That(error, Does.StartWith("invalid JSON at line 3"));
    }

    [Test]
    public void Parse_RootArray_ErrorSaysWhatIsExpected()
    {
        var (_, error) = SchemaJson.Parse("[1]", DialectFacts.Postgres);
        Assert.That(error, Does.Contain("the document is a JSON array").And.Contain("expected a JSON object"));
    }

    [Test]
    public void Parse_NonStringColumn_ErrorNamesTable()
    {
        var (_, error) = SchemaJson.Parse("""{"t": [1]}""", DialectFacts.Postgres);
        Assert.That(error, Does.StartWith("table \"t\""));
    }

    [Test]
    public void Parse_TableMapsToNumber_ErrorNamesTable()
    {
        var (_, error) = SchemaJson.Parse("""{"t": 5}""", DialectFacts.Postgres);
        Assert.That(error, Does.StartWith("table \"t\" maps to a number"));
    }
}
