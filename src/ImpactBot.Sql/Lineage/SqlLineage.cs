using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Lineage;

public static class SqlLineage
{
    public static QueryLineage Analyze(string sql, DialectFacts dialect, ISchemaProvider? schema = null) =>
        QueryLineage.Failed(new Diagnostic("x", sql + dialect.Name + schema, SourceSpan.None));
}
