using System.Text.Json;

namespace ImpactBot.Cli.Tests.Commands;

public sealed class LineageCommandTests
{
    private string _directory = "";

    [SetUp]
    public void SetUp()
    {
        _directory = Path.Combine(Path.GetTempPath(), "impactbot-lineage-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_directory, recursive: true);

    private static async Task<(int Code, string Output, string Error)> Run(string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(stdin);
        var code = await ImpactBotApp.RunAsync(args, input, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [TestCase("t-sql", "[amount]")]
    [TestCase("sparksql", "`amount`")]
    [TestCase("Athena", "\"amount\"")]
    public async Task Lineage_DialectAliasFromTheRegistry_ReadsTheQueryInThatDialect(string alias, string quotedColumn)
    {
        var (code, output, error) = await Run($"select {quotedColumn} from t", "lineage", "--dialect", alias, "-");

        Assert.That(code, Is.Zero, error);
        Assert.That(output, Does.Contain("\"amount\""));
    }

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public async Task Lineage_File_PrintsDocumentedJson()
    {
        var path = WriteFile("m.sql", "select o.id, sum(o.amount) as total from shop.orders o where o.ok group by o.id");

        var (code, output, _) = await Run("", "lineage", "--dialect", "postgres", path);

        Assert.That(code, Is.EqualTo(0));
        Assert.That(output.Trim(), Is.EqualTo(
            """{"columns":[{"name":"id","sources":[{"table":"shop.orders","column":"id","kind":"copy"}]},{"name":"total","sources":[{"table":"shop.orders","column":"amount","kind":"aggregate"}]}],"row":[{"table":"shop.orders","column":"id","kind":"group"},{"table":"shop.orders","column":"ok","kind":"filter"}],"diagnostics":[],"status":"complete"}"""));
    }

    [Test]
    public async Task Lineage_Stdin_ReadsStandardInput()
    {
        var (code, output, _) = await Run("select a from t", "lineage", "--dialect", "duckdb", "-");

        Assert.That(code, Is.EqualTo(0));
        using var json = JsonDocument.Parse(output);
        Assert.That(json.RootElement.GetProperty("columns")[0].GetProperty("sources")[0].GetProperty("table").GetString(), Is.EqualTo("t"));
    }

    [Test]
    public async Task Lineage_SchemaList_ExpandsStar()
    {
        var schema = WriteFile("schema.json", """{"t": ["a", "b"]}""");

        var (code, output, _) = await Run("select * from t", "lineage", "--dialect", "snowflake", "--schema", schema, "-");

        Assert.That(code, Is.EqualTo(0));
        using var json = JsonDocument.Parse(output);
        Assert.That(json.RootElement.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(json.RootElement.GetProperty("status").GetString(), Is.EqualTo("complete"));
    }

    [Test]
    public async Task Lineage_SchemaTypedColumns_Accepted()
    {
        var schema = WriteFile("schema.json", """{"t": {"a": "int"}}""");

        var (code, output, _) = await Run("select * from t", "lineage", "--dialect", "postgres", "--schema", schema, "-");

        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("\"name\":\"a\""));
    }

    [Test]
    public async Task Lineage_UnknownStar_OpaqueAndPartial()
    {
        var (code, output, _) = await Run("select * from t", "lineage", "--dialect", "postgres", "-");

        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("\"opaque\":true").And.Contain("\"status\":\"partial\"").And.Contain("\"code\":\"unknown-star\""));
    }

    [Test]
    public async Task Lineage_NoStatement_ExitsOneWithDiagnostic()
    {
        var (code, output, error) = await Run("-- nothing\n", "lineage", "--dialect", "postgres", "-");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("\"status\":\"failed\""));
        Assert.That(error, Does.StartWith("<stdin>:"));
    }

    [Test]
    public async Task Lineage_UnknownDialect_ExitsTwoListingDialects()
    {
        var (code, _, error) = await Run("select 1", "lineage", "--dialect", "oracle", "-");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("unknown dialect 'oracle'").And.Contain("snowflake"));
    }

    [Test]
    public async Task Lineage_MissingDialect_ExitsTwo()
    {
        var (code, _, error) = await Run("select 1", "lineage", "-");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--dialect"));
    }

    [Test]
    public async Task Lineage_MissingFile_ExitsTwoNamingFile()
    {
        var missing = Path.Combine(_directory, "nope.sql");

        var (code, _, error) = await Run("", "lineage", "--dialect", "postgres", missing);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain(missing).And.Contain("does not exist"));
    }

    [Test]
    public async Task Lineage_MissingSchemaFile_ExitsTwo()
    {
        var (code, _, error) = await Run("select 1", "lineage", "--dialect", "postgres", "--schema", Path.Combine(_directory, "none.json"), "-");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("schema file"));
    }

    [Test]
    public async Task Lineage_BadSchemaJson_ExitsTwoSayingWhere()
    {
        var schema = WriteFile("bad.json", "{\"t\": [\"a\",");

        var (code, _, error) = await Run("select 1", "lineage", "--dialect", "postgres", "--schema", schema, "-");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("bad.json").And.Contain("invalid JSON at line 1").And.Contain("expected a JSON object"));
    }

    [Test]
    public async Task Lineage_TSql_RoutesToScriptDom()
    {
        var (code, output, _) = await Run("SELECT [c].[Name] FROM [dbo].[Customers] AS [c]", "lineage", "--dialect", "tsql", "-");

        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("\"table\":\"dbo.Customers\"").And.Contain("\"column\":\"Name\""));
    }
}
