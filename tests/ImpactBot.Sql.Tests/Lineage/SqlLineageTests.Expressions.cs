namespace ImpactBot.Sql.Tests.Lineage;

public sealed partial class SqlLineageTests
{
    [Test]
    public void Analyze_PlainCopy_IsCopyEdge() =>
        AssertLineage(Postgres, "select id from orders", null, "id: orders.id copy");

    [Test]
    public void Analyze_Rename_IsCopyEdge() =>
        AssertLineage(Postgres, "select id as order_id from orders", null, "order_id: orders.id copy");

    [Test]
    public void Analyze_QualifiedByTableName_ResolvesToTable() =>
        AssertLineage(Postgres, "select orders.id from shop.orders", null, "id: shop.orders.id copy");

    [Test]
    public void Analyze_QualifiedBySchemaAndTable_ResolvesToTable() =>
        AssertLineage(Postgres, "select shop.orders.id from shop.orders", null, "id: shop.orders.id copy");

    [Test]
    public void Analyze_ThreePartTable_KeepsAllParts() =>
        AssertLineage(Snowflake, "select o.id from db.shop.orders o", null, "id: db.shop.orders.id copy");

    [Test]
    public void Analyze_Literal_HasNoSources() =>
        AssertLineage(Postgres, "select 1 as one, 'x' as s, null as n from orders", null, "one:", "s:", "n:");

    [Test]
    public void Analyze_Arithmetic_IsTransform() =>
        AssertLineage(Postgres, "select price * qty as total from lines", null, "total: lines.price transform, lines.qty transform");

    [Test]
    public void Analyze_NestedFunctions_AreTransform() =>
        AssertLineage(Postgres, "select upper(trim(email)) as e from users", null, "e: users.email transform");

    [Test]
    public void Analyze_Concatenation_IsTransform() =>
        AssertLineage(Postgres, "select first_name || ' ' || last_name as full_name from people", null, "full_name: people.first_name transform, people.last_name transform");

    [Test]
    public void Analyze_CastFunction_IsCastWithType()
    {
        var lineage = AssertLineage(Postgres, "select cast(amount as decimal(10,2)) as amount from orders", null, "amount: orders.amount cast");
        Assert.That(lineage.Columns[0].Type, Is.EqualTo("decimal(10,2)"));
    }

    [Test]
    public void Analyze_DoubleColonCast_IsCast() =>
        AssertLineage(Postgres, "select created_at::date as d from orders", null, "d: orders.created_at cast");

    [Test]
    public void Analyze_ColumnsNamedEndAndLimit_AreColumns() =>
        AssertLineage(Snowflake, "select id, end::date as ends_on, limit, \"start\" from plans limit 10", null,
            "id: plans.id copy", "ends_on: plans.end cast", "limit: plans.limit copy", "start: plans.start copy");

    [Test]
    public void Analyze_CastOfTransform_IsTransform() =>
        AssertLineage(Postgres, "select (a + b)::int as s from t", null, "s: t.a transform, t.b transform");

    [Test]
    public void Analyze_TryCast_IsCast() =>
        AssertLineage(Snowflake, "select try_cast(amount as number) as n from orders", null, "n: orders.amount cast");

    [Test]
    public void Analyze_CaseCondition_IsConditionalAndResultTransform() =>
        AssertLineage(Postgres, "select case when status = 'paid' then amount end as paid from orders", null, "paid: orders.amount transform, orders.status conditional");

    [Test]
    public void Analyze_SimpleCaseOperand_IsConditional() =>
        AssertLineage(Postgres, "select case tier when 1 then 'gold' else 'basic' end as label from customers", null, "label: customers.tier conditional");

    [Test]
    public void Analyze_CaseElseBranch_IsTransform() =>
        AssertLineage(Postgres, "select case when a > 0 then b else c end as x from t", null, "x: t.a conditional, t.b transform, t.c transform");

    [Test]
    public void Analyze_ColumnInConditionAndValue_KeepsOnlyValueEdge() =>
        AssertLineage(Postgres, "select case when amount > 0 then amount else 0 end as pos from t", null, "pos: t.amount transform");

    [Test]
    public void Analyze_Iff_FirstArgumentIsConditional() =>
        AssertLineage(Snowflake, "select iff(is_vip, discount, 0) as d from customers", null, "d: customers.discount transform, customers.is_vip conditional");

    [Test]
    public void Analyze_Coalesce_IsTransform() =>
        AssertLineage(Postgres, "select coalesce(nickname, name) as n from users", null, "n: users.name transform, users.nickname transform");

    [Test]
    public void Analyze_FunctionWithoutColumns_HasNoSources() =>
        AssertLineage(Postgres, "select now() as loaded_at, current_date as d from orders", null, "loaded_at:", "d:");

    [Test]
    public void Analyze_Sum_IsAggregate() =>
        AssertLineage(Postgres, "select sum(amount) as total from orders", null, "total: orders.amount aggregate");

    [Test]
    public void Analyze_CountStar_HasNoColumnSource() =>
        AssertLineage(Postgres, "select count(*) as n from orders", null, "n:");

    [Test]
    public void Analyze_CountDistinct_IsAggregate() =>
        AssertLineage(Postgres, "select count(distinct customer_id) as c from orders", null, "c: orders.customer_id aggregate");

    [Test]
    public void Analyze_AggregateOfExpression_IsAggregate() =>
        AssertLineage(Postgres, "select sum(price * qty) as revenue from lines", null, "revenue: lines.price aggregate, lines.qty aggregate");

    [Test]
    public void Analyze_ExpressionOverAggregate_IsAggregate() =>
        AssertLineage(Postgres, "select round(avg(amount), 2) as avg_amount from orders", null, "avg_amount: orders.amount aggregate");

    [Test]
    public void Analyze_AggregateFilter_IsConditional() =>
        AssertLineage(Postgres, "select count(*) filter (where status = 'paid') as paid from orders", null, "paid: orders.status conditional");

    [Test]
    public void Analyze_ArrayAggOrderBy_OrderIsConditional() =>
        AssertLineage(Postgres, "select array_agg(sku order by created_at) as skus from lines", null, "skus: lines.created_at conditional, lines.sku aggregate");

    [Test]
    public void Analyze_ListaggWithinGroup_OrderIsConditional() =>
        AssertLineage(Snowflake, "select listagg(name, ',') within group (order by name_rank) as names from t", null, "names: t.name aggregate, t.name_rank conditional");

    [Test]
    public void Analyze_PercentileContWithinGroup_IsAggregate() =>
        AssertLineage(Postgres, "select percentile_cont(0.5) within group (order by amount) as median from orders", null, "median: orders.amount aggregate");

    [Test]
    public void Analyze_Between_IsTransform() =>
        AssertLineage(Postgres, "select amount between lo and hi as in_range from t", null, "in_range: t.amount transform, t.hi transform, t.lo transform");

    [Test]
    public void Analyze_InList_IsTransform() =>
        AssertLineage(Postgres, "select status in ('a', 'b') as ok from t", null, "ok: t.status transform");

    [Test]
    public void Analyze_Extract_IsTransform() =>
        AssertLineage(Postgres, "select extract(year from created_at) as y from t", null, "y: t.created_at transform");

    [Test]
    public void Analyze_DateArithmeticWithInterval_IsTransform() =>
        AssertLineage(Postgres, "select created_at + interval '1 day' as next_day from t", null, "next_day: t.created_at transform");

    [Test]
    public void Analyze_UnknownFunction_KeepsArgumentLineage() =>
        AssertLineage(Snowflake, "select my_udf(a, b) as x from t", null, "x: t.a transform, t.b transform");

    [Test]
    public void Analyze_Lambda_ParameterIsNotAColumn() =>
        AssertLineage(Databricks, "select transform(items, x -> x * rate) as scaled from t", null, "scaled: t.items transform, t.rate transform");

    [Test]
    public void Analyze_UnaryMinus_IsTransform() =>
        AssertLineage(Postgres, "select -amount as neg from t", null, "neg: t.amount transform");

    [Test]
    public void Analyze_Parameter_HasNoSources() =>
        AssertLineage(Postgres, "select $1 as p, id from t", null, "p:", "id: t.id copy");
}
