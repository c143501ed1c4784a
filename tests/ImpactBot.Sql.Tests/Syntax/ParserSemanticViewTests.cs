using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Syntax.Ast;
using static ImpactBot.Sql.Tests.Syntax.SqlParserTestHelpers;

namespace ImpactBot.Sql.Tests.Syntax;

// Snowflake semantic views, as dbt's semantic_view models write them (the body) and as CREATE SEMANTIC VIEW.
public sealed class ParserSemanticViewTests
{
    private const string Body = """
        TABLES(
            orders AS analytics.core.orders PRIMARY KEY (order_id) WITH SYNONYMS = ('sales') COMMENT = 'one row per order',
            customers AS analytics.core.customers PRIMARY KEY (customer_id) UNIQUE (email),
            analytics.core.calendar
        )
        RELATIONSHIPS(
            order_customer AS orders (customer_id) REFERENCES customers,
            orders (order_date) REFERENCES calendar (ASOF day)
        )
        FACTS(
            PRIVATE orders.net AS amount - discount COMMENT = 'net amount'
        )
        DIMENSIONS(
            -- when the order was placed
            orders.order_date AS order_date WITH SYNONYMS = ('date', 'day') COMMENT = 'order date',
            PUBLIC customers.segment AS upper(customers.segment_code)
        )
        METRICS(
            orders.order_count AS COUNT(orders.order_id) COMMENT = 'orders',
            orders.balance NON ADDITIVE BY (order_date) AS SUM(orders.net)
        )
        COMMENT = 'orders and customers'
        AI_SQL_GENERATION 'group by order_date'
        """;

    [Test]
    public void Parse_SemanticViewBody_ReadsTablesRelationshipsAndEntries()
    {
        var result = Parse(Body);
        Assert.That(Problems(result), Is.Empty);
        var view = (SemanticViewStatement)result.Statements.Single();
        Assert.That(view.Target, Is.Null);
        Assert.That(view.Tables.Select(t => $"{t.Alias.Text}={t.Table}"),
            Is.EqualTo(new[] { "orders=analytics.core.orders", "customers=analytics.core.customers", "calendar=analytics.core.calendar" }));
        Assert.That(view.Tables[0].PrimaryKey.Select(c => c.Text), Is.EqualTo(new[] { "order_id" }));
        Assert.That(view.Tables[1].UniqueKeys.Select(c => c.Text), Is.EqualTo(new[] { "email" }));
        Assert.That(view.Relationships.Select(r => $"{r.Table.Text}({string.Join(",", r.Columns.Select(c => c.Text))})->{r.Referenced.Text}({string.Join(",", r.ReferencedColumns.Select(c => c.Text))})"),
            Is.EqualTo(new[] { "orders(customer_id)->customers()", "orders(order_date)->calendar(day)" }));
        Assert.That(view.Expressions.Select(e => $"{e.Kind} {(e.Private ? "private " : "")}{e.Table.Text}.{e.Name.Text}"),
            Is.EqualTo(new[]
            {
                "Fact private orders.net", "Dimension orders.order_date", "Dimension customers.segment", "Metric orders.order_count", "Metric orders.balance",
            }));
        Assert.That(view.Expressions[3].Expr, Is.TypeOf<FunctionCall>());
        Assert.That(view.Expressions[0].Expr, Is.TypeOf<BinaryExpr>());
    }

    [Test]
    public void Parse_CreateSemanticView_KeepsTheTarget()
    {
        var result = Parse("create or replace semantic view if not exists db.s.sv tables (t as db.s.t primary key (id)) dimensions (t.id as id) copy grants;");
        Assert.That(Problems(result), Is.Empty);
        var view = (SemanticViewStatement)result.Statements.Single();
        Assert.That(view.Target?.ToString(), Is.EqualTo("db.s.sv"));
        Assert.That(view.Expressions.Single().Name.Text, Is.EqualTo("id"));
    }

    [Test]
    public void Parse_SemanticViewBody_IsASemanticViewOnlyWhereTheDialectHasThem()
    {
        const string body = "TABLES (t AS s.t) DIMENSIONS (t.id AS id)";
        Assert.That(Parse(body, DialectFacts.Snowflake).Statements.Single(), Is.TypeOf<SemanticViewStatement>());
        Assert.That(Parse(body, DialectFacts.Postgres).Statements.Single(), Is.TypeOf<OpaqueStatement>());
    }

    [Test]
    public void Parse_SemanticViewWithAnUnknownClauseAndABadEntry_WarnsAndKeepsTheRest()
    {
        var result = Parse("""
            TABLES (t AS s.t PRIMARY KEY (id) FROBNICATE 3)
            VARIABLES (v int)
            DIMENSIONS (t.id AS id, t AS nonsense, t.name AS name)
            """);
        var view = (SemanticViewStatement)result.Statements.Single();
        Assert.That(view.Tables.Single().PrimaryKey.Select(c => c.Text), Is.EqualTo(new[] { "id" }));
        Assert.That(view.Expressions.Select(e => e.Name.Text), Does.Contain("id").And.Contain("name"));
        Assert.That(Problems(result).Select(d => d.Code), Does.Contain("unparsed-span").And.Contain("unexpected-token"));
    }
}
