using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Syntax;

namespace ImpactBot.Sql.Tests.Syntax;

public sealed class SqlTokenTextTests
{
    private static readonly DialectFacts Snowflake = DialectFacts.For(SqlDialect.Snowflake);

    [TestCase("select * from t where d like any ('%__w__%', '__w__')")]
    [TestCase("select * from \"DB\".__w__ union all select * from db.s.__w__")]
    [TestCase("select a from t join __w__.events e on e.id = t.id")]
    [TestCase("select a from t -- __w__ in a comment\n")]
    [TestCase("select a from t")]
    public void OnlyInStringsOrRelations_WordInAStringACommentOrARelationName_IsTrue(string sql)
    {
        Assert.That(SqlTokenText.OnlyInStringsOrRelations(sql, Snowflake, "__w__"), Is.True);
    }

    [TestCase("select __w__ from t")]
    [TestCase("select sum(x) as __w___total from t")]
    [TestCase("select a from t where id in (__w__)")]
    [TestCase("select t.__w__ from t")]
    [TestCase("select \"__w__\" from t")]
    public void OnlyInStringsOrRelations_WordNamingAColumnOrAlias_IsFalse(string sql)
    {
        Assert.That(SqlTokenText.OnlyInStringsOrRelations(sql, Snowflake, "__w__"), Is.False);
    }
}
