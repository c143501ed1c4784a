namespace ImpactBot.Sql.Tests.Lineage;

public sealed partial class SqlLineageTests
{
    private const string FingerprintBase = """
        with paid as (
          select customer_id, amount from shop.payments where status = 'paid'
        )
        select c.id, sum(p.amount) as revenue
        from shop.customers c
        join paid p on p.customer_id = c.id
        group by c.id
        """;

    private static (string[] Columns, Sql.Lineage.ClauseFingerprints Clauses) Prints(string sql, Dialects.DialectFacts? dialect = null)
    {
        var lineage = SqlLineageTests.Analyze(dialect ?? Postgres, sql);
        return ([.. lineage.Columns.Select(c => c.Fingerprint)], lineage.Clauses);
    }

    [TestCase("WITH PAID AS (SELECT CUSTOMER_ID, AMOUNT FROM SHOP.PAYMENTS WHERE STATUS = 'paid') SELECT C.ID, SUM(P.AMOUNT) AS REVENUE FROM SHOP.CUSTOMERS C JOIN PAID P ON P.CUSTOMER_ID = C.ID GROUP BY C.ID", TestName = "Analyze_KeywordAndIdentifierCase_SameFingerprints")]
    [TestCase("with paid as (select customer_id, amount from shop.payments where status = 'paid') -- comment\nselect c.id, /* note */ sum(p.amount) as revenue from shop.customers c join paid p on p.customer_id = c.id group by c.id", TestName = "Analyze_WhitespaceAndComments_SameFingerprints")]
    [TestCase("with settled as (select customer_id, amount from shop.payments where status = 'paid') select c.id, sum(s.amount) as revenue from shop.customers c join settled s on s.customer_id = c.id group by c.id", TestName = "Analyze_CteAndAliasRename_SameFingerprints")]
    [TestCase("with paid as (select customer_id, amount as amt from shop.payments where status = 'paid') select c.id, sum(p.amt) as revenue from shop.customers c join paid p on p.customer_id = c.id group by c.id", TestName = "Analyze_InnerColumnAliasRename_SameFingerprints")]
    public void Analyze_CosmeticEdit_KeepsFingerprints(string edited)
    {
        var (columns, clauses) = Prints(FingerprintBase);
        var (editedColumns, editedClauses) = Prints(edited);
        Assert.That(editedColumns, Is.EqualTo(columns));
        Assert.That(editedClauses, Is.EqualTo(clauses));
    }

    [Test]
    public void Analyze_OutputRename_KeepsColumnFingerprint()
    {
        var a = Prints("select sum(amount) as revenue from t");
        var b = Prints("select sum(amount) as total from t");
        Assert.That(b.Columns, Is.EqualTo(a.Columns));
    }

    [Test]
    public void Analyze_ExpressionChangeInsideCte_ChangesOnlyThatColumn()
    {
        var (columns, clauses) = Prints(FingerprintBase);
        var (edited, editedClauses) = Prints(FingerprintBase.Replace("select customer_id, amount from", "select customer_id, amount * 100 as amount from", StringComparison.Ordinal));
        Assert.That(edited[0], Is.EqualTo(columns[0]));
        Assert.That(edited[1], Is.Not.EqualTo(columns[1]));
        Assert.That(editedClauses, Is.EqualTo(clauses));
    }

    [Test]
    public void Analyze_AggregateChange_ChangesFingerprint() =>
        Assert.That(Prints("select max(amount) as a from t").Columns, Is.Not.EqualTo(Prints("select sum(amount) as a from t").Columns));

    [Test]
    public void Analyze_SourceColumnChange_ChangesFingerprint() =>
        Assert.That(Prints("select a as x from t").Columns, Is.Not.EqualTo(Prints("select b as x from t").Columns));

    [Test]
    public void Analyze_SourceTableChange_ChangesFingerprintAndSources()
    {
        var a = Prints("select a from t1");
        var b = Prints("select a from t2");
        Assert.That(b.Columns, Is.Not.EqualTo(a.Columns));
        Assert.That(b.Clauses.Sources, Is.Not.EqualTo(a.Clauses.Sources));
    }

    [Test]
    public void Analyze_LiteralChange_ChangesFingerprint() =>
        Assert.That(Prints("select a * 2 as x from t").Columns, Is.Not.EqualTo(Prints("select a * 3 as x from t").Columns));

    [Test]
    public void Analyze_CastTypeChange_ChangesFingerprint() =>
        Assert.That(Prints("select a::int as x from t").Columns, Is.Not.EqualTo(Prints("select a::bigint as x from t").Columns));

    [Test]
    public void Analyze_FilterChangeInCte_ChangesFilterClauseOnly()
    {
        var (columns, clauses) = Prints(FingerprintBase);
        var (edited, editedClauses) = Prints(FingerprintBase.Replace("'paid'", "'settled'", StringComparison.Ordinal));
        Assert.That(edited, Is.EqualTo(columns));
        Assert.That(editedClauses.Filter, Is.Not.EqualTo(clauses.Filter));
        Assert.That(editedClauses.Join, Is.EqualTo(clauses.Join));
        Assert.That(editedClauses.Grain, Is.EqualTo(clauses.Grain));
    }

    [Test]
    public void Analyze_JoinKindChange_ChangesJoinClause() =>
        Assert.That(Prints("select a.x from a join b on a.id = b.id").Clauses.Join, Is.Not.EqualTo(Prints("select a.x from a left join b on a.id = b.id").Clauses.Join));

    [Test]
    public void Analyze_JoinKeyChange_ChangesJoinClause() =>
        Assert.That(Prints("select a.x from a join b on a.id = b.id").Clauses.Join, Is.Not.EqualTo(Prints("select a.x from a join b on a.id = b.a_id").Clauses.Join));

    [Test]
    public void Analyze_GroupByChange_ChangesGrainClause() =>
        Assert.That(Prints("select a, count(*) as n from t group by a").Clauses.Grain, Is.Not.EqualTo(Prints("select a, count(*) as n from t group by a, b").Clauses.Grain));

    [Test]
    public void Analyze_DistinctAdded_ChangesGrainClause() =>
        Assert.That(Prints("select a from t").Clauses.Grain, Is.Not.EqualTo(Prints("select distinct a from t").Clauses.Grain));

    [Test]
    public void Analyze_LimitChange_ChangesLimitClause() =>
        Assert.That(Prints("select a from t order by b limit 10").Clauses.Limit, Is.Not.EqualTo(Prints("select a from t order by b limit 20").Clauses.Limit));

    [Test]
    public void Analyze_UnionAllToUnion_ChangesGrainClause() =>
        Assert.That(Prints("select a from t1 union all select a from t2").Clauses.Grain, Is.Not.EqualTo(Prints("select a from t1 union select a from t2").Clauses.Grain));

    [Test]
    public void Analyze_ColumnsReordered_FingerprintsMoveWithColumns()
    {
        var a = Prints("select x, y from t").Columns;
        var b = Prints("select y, x from t").Columns;
        Assert.That(b, Is.EqualTo(new[] { a[1], a[0] }));
    }

    [Test]
    public void Analyze_QuotedVersusUnquotedSameName_Snowflake_SameFingerprint() =>
        Assert.That(Prints("select \"ID\" from t", Snowflake).Columns, Is.EqualTo(Prints("select id from t", Snowflake).Columns));

    [Test]
    public void Analyze_QuotedLowerVersusUnquoted_Snowflake_DifferentFingerprint() =>
        Assert.That(Prints("select \"id\" from t", Snowflake).Columns, Is.Not.EqualTo(Prints("select id from t", Snowflake).Columns));
}
