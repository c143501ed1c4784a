using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Text;
using static ImpactBot.Sql.Tests.Syntax.SqlParserTestHelpers;

namespace ImpactBot.Sql.Tests.Syntax;

public sealed class ParserStatementTests
{
    private static Statement Single(string sql, DialectFacts? dialect = null)
    {
        var result = Parse(sql, dialect);
        Assert.That(Problems(result), Is.Empty);
        return result.Statements.Single();
    }

    [TestCase("create table t as select 1 as a", "TABLE")]
    [TestCase("create or replace transient table db.s.t as select 1 as a", "TABLE")]
    [TestCase("create temporary view if not exists t as select 1 as a", "VIEW")]
    [TestCase("create or replace secure view t as select 1 as a", "VIEW")]
    [TestCase("create materialized view t as select 1 as a", "MATERIALIZED VIEW")]
    [TestCase("create or replace table t cluster by (a) copy grants as (select 1 as a)", "TABLE")]
    public void Parse_CreateAs_ReadsKindAndQuery(string sql, string kind)
    {
        var statement = (CreateAsStatement)Single(sql);
        Assert.That(statement.ObjectKind, Is.EqualTo(kind));
        Assert.That(statement.Query, Is.TypeOf<SelectQuery>());
    }

    [Test]
    public void Parse_CreateViewWithColumnsAndOptions_KeepsColumnNames()
    {
        var statement = (CreateAsStatement)Single(
            "create or replace view v (a, b) comment 'x' tblproperties ('k' = 'v') as select 1, 2", DialectFacts.Databricks);
        Assert.That(statement.Columns.Select(c => c.Text), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(statement.Target.ToString(), Is.EqualTo("v"));
    }

    [Test]
    public void Parse_CreateTableWithTypedColumns_TakesNamesOnly()
    {
        var statement = (CreateAsStatement)Single("create table t (a int not null, b varchar(10), primary key (a)) as select 1, 'x'", DialectFacts.Postgres);
        Assert.That(statement.Columns.Select(c => c.Text), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void Parse_CreateTableWithoutQuery_IsOpaque()
    {
        var result = Parse("create table t (a int)");
        Assert.That(((OpaqueStatement)result.Statements.Single()).Keyword, Is.EqualTo("CREATE"));
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("unsupported-statement"));
    }

    [Test]
    public void Parse_InsertWithColumns_ReadsTargetColumnsAndQuery()
    {
        var statement = (InsertStatement)Single("insert into db.t (a, b) select x, y from s");
        Assert.That(statement.Target.ToString(), Is.EqualTo("db.t"));
        Assert.That(statement.Columns, Has.Length.EqualTo(2));
        Assert.That(statement.Query, Is.TypeOf<SelectQuery>());
    }

    [Test]
    public void Parse_InsertOverwriteTablePartition_ReadsQuery()
    {
        var statement = (InsertStatement)Single("insert overwrite table t partition (dt = '2024') select a from s", DialectFacts.Databricks);
        Assert.That(statement.Columns, Is.Empty);
        Assert.That(statement.Query, Is.TypeOf<SelectQuery>());
    }

    [Test]
    public void Parse_InsertValues_IsValuesQuery() =>
        Assert.That(((InsertStatement)Single("insert into t values (1, 2), (3, 4)")).Query, Is.TypeOf<ValuesQuery>());

    [Test]
    public void Parse_InsertWithCte_KeepsWith() =>
        Assert.That(((InsertStatement)Single("insert into t with c as (select 1 a) select a from c")).Query.With, Is.Not.Null);

    [Test]
    public void Parse_Merge_CollectsAssignmentsAndConditions()
    {
        var merge = (MergeStatement)Single("""
            merge into target t using (select * from src) s on t.id = s.id
            when matched and s.deleted then delete
            when matched then update set t.amount = s.amount, status = 'x'
            when not matched then insert (id, amount) values (s.id, s.amount)
            """);
        Assert.That(merge.Target.ToString(), Is.EqualTo("target"));
        Assert.That(merge.TargetAlias!.Text, Is.EqualTo("t"));
        Assert.That(merge.Source, Is.TypeOf<DerivedTable>());
        Assert.That(merge.On, Is.TypeOf<BinaryExpr>());
        Assert.That(merge.Assignments.Select(a => a.Column.Text), Is.EqualTo(new[] { "amount", "status", "id", "amount" }));
        Assert.That(merge.WhenConditions, Has.Length.EqualTo(1));
    }

    [Test]
    public void Parse_MergeInsertStar_IsStarAssignment()
    {
        var merge = (MergeStatement)Single("merge into t using s on t.id = s.id when not matched then insert *", DialectFacts.Databricks);
        Assert.That(merge.Assignments.Single().Value, Is.TypeOf<StarExpr>());
    }

    [Test]
    public void Parse_SeveralStatements_AreSplitOnSemicolons()
    {
        var result = Parse("use warehouse w; select 1;; select 2;");
        Assert.That(result.Statements.Select(s => s.GetType().Name), Is.EqualTo(new[] { "OpaqueStatement", "QueryStatement", "QueryStatement" }));
        Assert.That(result.Diagnostics.Single().Severity, Is.EqualTo(DiagnosticSeverity.Info));
    }

    [Test]
    public void Parse_UnknownStatement_IsOpaqueWithDiagnostic()
    {
        var result = Parse("grant select on t to role r");
        var statement = (OpaqueStatement)result.Statements.Single();
        Assert.That(statement.Keyword, Is.EqualTo("GRANT"));
        Assert.That(statement.Span.Length, Is.EqualTo(27));
        Assert.That(result.Diagnostics.Single().ToString(), Is.EqualTo("1:1: unsupported-statement: statement GRANT is not analysed"));
    }

    [Test]
    public void Parse_StatementSpans_StartAtTheirLine()
    {
        var result = Parse("select 1;\n\nselect 2");
        Assert.That(result.Statements[1].Span.ToString(), Is.EqualTo("3:1"));
    }

    [Test]
    public void Parse_TemplateBlocks_AreDroppedWithInfo()
    {
        var result = Parse("select a {# note #} from t {% if is_incremental() %} where a > 1 {% endif %}");
        var select = (SelectQuery)((QueryStatement)result.Statements.Single()).Query;
        Assert.That(select.Where, Is.Not.Null);
        Assert.That(Problems(result), Is.Empty);
        Assert.That(result.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "template-block", "template-block", "template-block" }));
    }

    [Test]
    public void Parse_WithBeforeInsert_AttachesCtesToInsertedQuery()
    {
        var insert = (InsertStatement)Single("with c as (select 1 as a) insert into t select a from c", DialectFacts.Postgres);
        Assert.That(insert.Query.With!.Ctes.Single().Name.Text, Is.EqualTo("c"));
        Assert.That(insert.Span.Start, Is.EqualTo(0));
    }

    [Test]
    public void Parse_LeadingConfigTemplate_IsSkippedAndQueryParsed()
    {
        var result = Parse("{{ config(materialized='incremental') }}\nselect id from {{ ref('orders') }}");
        Assert.That(result.Statements.Single(), Is.TypeOf<QueryStatement>());
        Assert.That(Problems(result), Is.Empty);
    }

    [Test]
    public void Parse_DuckDbPivotStatement_BecomesStarOverPivotedDataset()
    {
        var query = (SelectQuery)((QueryStatement)Single("pivot cities on year in (2000, 2010) using sum(population) as total group by country order by country", DialectFacts.DuckDb)).Query;
        var pivot = query.From.Single().Pivots.Single();
        Assert.Multiple(() =>
        {
            Assert.That(query.Items.Single(), Is.TypeOf<StarSelectItem>());
            Assert.That(((TableRef)query.From.Single()).Name.ToString(), Is.EqualTo("cities"));
            Assert.That(pivot.ForColumns.Select(c => c.Text), Is.EqualTo(new[] { "year" }));
            Assert.That(pivot.In.Select(v => ((Literal)v.Value).Text), Is.EqualTo(new[] { "2000", "2010" }));
            Assert.That(pivot.Aggregates.Single().Alias!.Text, Is.EqualTo("total"));
            Assert.That(pivot.GroupBy.Select(c => c.Text), Is.EqualTo(new[] { "country" }));
            Assert.That((pivot.Unpivot, pivot.DynamicIn), Is.EqualTo((false, false)));
            Assert.That(query.OrderBy, Has.Length.EqualTo(1));
        });
    }

    [TestCase("pivot cities on year using sum(population)")]
    [TestCase("pivot cities on year in (select y from years) using sum(population)")]
    public void Parse_DuckDbPivotStatementWithoutValueList_IsDynamic(string sql)
    {
        var pivot = ((SelectQuery)((QueryStatement)Single(sql, DialectFacts.DuckDb)).Query).From.Single().Pivots.Single();
        Assert.That((pivot.DynamicIn, pivot.ForColumns.Single().Text), Is.EqualTo((true, "year")));
    }

    [Test]
    public void Parse_DuckDbUnpivotStatement_ReadsNameAndValueColumns()
    {
        var query = (SelectQuery)((QueryStatement)Single("unpivot include nulls monthly on jan, (feb, mar) as q into name month value sales", DialectFacts.DuckDb)).Query;
        var pivot = query.From.Single().Pivots.Single();
        Assert.Multiple(() =>
        {
            Assert.That((pivot.Unpivot, pivot.IncludeNulls), Is.EqualTo((true, true)));
            Assert.That(pivot.ForColumns.Select(c => c.Text), Is.EqualTo(new[] { "month" }));
            Assert.That(pivot.ValueColumns.Select(c => c.Text), Is.EqualTo(new[] { "sales" }));
            Assert.That(pivot.In.Select(v => v.Alias?.Text), Is.EqualTo(new[] { null, "q" }));
        });
    }

    [TestCase("pivot")]
    [TestCase("pivot cities on")]
    [TestCase("pivot cities on year in (")]
    [TestCase("unpivot t on a into name")]
    [TestCase("select * from (pivot t on k using)")]
    public void Parse_TruncatedDuckDbPivotStatement_ReportsWithoutThrowing(string sql)
    {
        var result = Parse(sql, DialectFacts.DuckDb);
        Assert.That(Problems(result), Is.Not.Empty);
        Assert.That(Problems(result).All(d => d.Span.Line >= 1), Is.True);
    }

    [Test]
    public void Parse_SnowflakeInsertFirst_ReadsBranchesTargetsAndQuery()
    {
        var insert = (MultiInsertStatement)Single("""
            insert overwrite first
              when a > 1 then into t1 (x, y) values (a, default) into t2
              else into db.s.t3
            select a, b from src
            """);
        Assert.Multiple(() =>
        {
            Assert.That(insert.First, Is.True);
            Assert.That(insert.Branches.Select(b => (b.When is not null, b.Else)), Is.EqualTo(new[] { (true, false), (false, true) }));
            Assert.That(insert.Branches.SelectMany(b => b.Intos).Select(i => i.Target.ToString()), Is.EqualTo(new[] { "t1", "t2", "db.s.t3" }));
            Assert.That(insert.Branches[0].Intos[0].Columns.Select(c => c.Text), Is.EqualTo(new[] { "x", "y" }));
            Assert.That(insert.Branches[0].Intos[0].Values, Has.Length.EqualTo(2));
            Assert.That(insert.Branches[0].Intos[1].Values, Is.Empty);
            Assert.That(insert.Query, Is.TypeOf<SelectQuery>());
        });
    }

    [Test]
    public void Parse_UnconditionalInsertAll_OneBranchWithEveryInto()
    {
        var insert = (MultiInsertStatement)Single("insert all into t1 into t2 values (b) (select a, b from src)");
        Assert.That(insert.First, Is.False);
        Assert.That(insert.Branches.Single().Intos.Select(i => i.Target.ToString()), Is.EqualTo(new[] { "t1", "t2" }));
    }
}
