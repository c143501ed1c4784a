using ImpactBot.Sql.Syntax.Ast;
using static ImpactBot.Sql.Tests.Syntax.SqlParserTestHelpers;

namespace ImpactBot.Sql.Tests.Syntax;

public sealed class ParserSmokeTests
{
    [Test]
    public void Parse_PlainQuery_ReadsEveryClause()
    {
        var query = Query("""
            with a as (select id, amount from raw.orders where amount > 0)
            select a.id, sum(a.amount) as total
            from a join b on a.id = b.id
            where a.id is not null
            group by 1
            order by total desc
            limit 10
            """);
        Assert.That(query.With!.Ctes, Has.Length.EqualTo(1));
        var select = (SelectQuery)query;
        Assert.That(select.Items, Has.Length.EqualTo(2));
        Assert.That(select.From[0], Is.TypeOf<JoinItem>());
        Assert.That(select.GroupBy!.Items, Has.Length.EqualTo(1));
        Assert.That(select.OrderBy[0].Descending, Is.True);
        Assert.That(select.Limit!.Count, Is.TypeOf<Literal>());
    }
}
