using System.Text;
using ImpactBot.Sql.Dialects;

namespace ImpactBot.Benchmarks;

/// <summary>One generated dbt-style model: rendered SQL (refs already resolved to relation names) in one dialect.</summary>
internal sealed record SyntheticModel(string Name, DialectFacts Dialect, string Sql);

/// <summary>
/// A deterministic corpus of realistic dbt models: a header comment, three CTEs (typed staging, an aggregate over a join,
/// windows), a final select with CASE, casts and a filter; 60-150 lines; dialects rotate through Snowflake, BigQuery,
/// Postgres, DuckDB and Databricks with their own quoting, casts and functions. The same seed gives the same corpus.
/// </summary>
internal static class SyntheticModels
{
    private static readonly DialectFacts[] Dialects =
        [DialectFacts.Snowflake, DialectFacts.BigQuery, DialectFacts.Postgres, DialectFacts.DuckDb, DialectFacts.Databricks];

    private static readonly string[] Entities = ["orders", "customers", "payments", "sessions", "invoices", "shipments", "products", "subscriptions"];

    private static readonly string[] Measures = ["amount", "quantity", "discount", "tax", "shipping_cost", "unit_price", "refund_amount", "duration_seconds"];

    private static readonly string[] Attributes = ["status", "channel", "country_code", "currency", "segment", "source_system", "plan_tier", "region"];

    private static readonly string[] Dates = ["created_at", "updated_at", "ordered_at", "shipped_at", "paid_at"];

    public static IReadOnlyList<SyntheticModel> Generate(int count, int seed = 20261127)
    {
        var random = new Random(seed);
        var models = new List<SyntheticModel>(count);
        for (var i = 0; i < count; i++)
        {
            var dialect = Dialects[i % Dialects.Length];
            var entity = Entities[random.Next(Entities.Length)];
            var name = $"fct_{entity}_{i:D5}";
            models.Add(new SyntheticModel(name, dialect, new ModelWriter(random, dialect, entity, name).Write()));
        }

        return models;
    }

    /// <summary>Writes one model; each clause draws its columns and flourishes from the shared random source.</summary>
    private sealed class ModelWriter(Random random, DialectFacts dialect, string entity, string name)
    {
        private readonly StringBuilder sql = new();
        private readonly string[] measures = Pick(random, Measures, 3 + random.Next(4));
        private readonly string[] attributes = Pick(random, Attributes, 3 + random.Next(4));
        private readonly string date = Dates[random.Next(Dates.Length)];
        private readonly string other = Entities[random.Next(Entities.Length)];

        public string Write()
        {
            Line($"-- {name}: daily {entity} facts joined with {other}.");
            Line("-- Owner: analytics-engineering. Grain: one row per customer and day.");
            Line($"{{# materialized: incremental, unique_key: {entity}_key #}}");
            Line("with");
            Staging();
            Line(",");
            Aggregated();
            Line(",");
            Windowed();
            Line();
            Final();
            return sql.ToString();
        }

        private void Staging()
        {
            Line("source_rows as (");
            Line("    select");
            Line($"        {Quote("id")} as {entity}_id,");
            Line("        customer_id,");
            foreach (var attribute in attributes)
            {
                Line($"        lower(trim({attribute})) as {attribute},");
            }

            foreach (var measure in measures)
            {
                Line($"        {Cast($"coalesce({measure}, 0)", "decimal(18, 2)")} as {measure},");
            }

            Line($"        {Cast(date, "timestamp")} as {date},");
            Line($"        {Cast(date, "date")} as {date[..^3]}_date,");
            Line($"        {Concat("customer_id", "'-'", $"{Quote("id")}")} as {entity}_key");
            Line($"    from {Relation("staging", $"stg_{entity}")}");
            Line("    -- soft-deleted rows are kept upstream for audits");
            Line($"    where {attributes[0]} is not null");
            Line($"      and {date} >= {DateLiteral("2020-01-01")}");
            if (random.Next(3) == 0)
            {
                Line($"      and {attributes[1]} not in ('test', 'internal', 'sandbox')");
            }

            Line(")");
        }

        private void Aggregated()
        {
            Line("daily as (");
            Line("    select");
            Line("        s.customer_id,");
            Line($"        s.{date[..^3]}_date as activity_date,");
            Line($"        o.{attributes[0]} as {other}_{attributes[0]},");
            Line($"        count(*) as {entity}_count,");
            Line($"        count(distinct s.{entity}_id) as distinct_{entity},");
            foreach (var measure in measures)
            {
                Line($"        sum(s.{measure}) as total_{measure},");
                Line($"        max(s.{measure}) as max_{measure},");
            }

            Line($"        min(s.{date}) as first_{date},");
            Line($"        sum(case when s.{attributes[1]} = 'paid' then s.{measures[0]} else 0 end) as paid_{measures[0]}");
            Line("    from source_rows as s");
            Line($"    left join {Relation("marts", $"dim_{other}")} as o");
            Line("        on o.customer_id = s.customer_id");
            Line($"       and o.valid_from <= s.{date}");
            Line("    group by 1, 2, 3");
            Line(")");
        }

        private void Windowed()
        {
            Line("ranked as (");
            Line("    select");
            Line("        d.*,");
            Line("        row_number() over (partition by d.customer_id order by d.activity_date desc) as recency_rank,");
            foreach (var measure in measures.Take(2))
            {
                Line($"        lag(d.total_{measure}) over (partition by d.customer_id order by d.activity_date) as previous_{measure},");
                Line($"        sum(d.total_{measure}) over (");
                Line("            partition by d.customer_id");
                Line("            order by d.activity_date");
                Line("            rows between 6 preceding and current row");
                Line($"        ) as rolling_7d_{measure},");
            }

            Line($"        avg(d.total_{measures[^1]}) over (partition by d.{other}_{attributes[0]}) as avg_{measures[^1]}_by_{attributes[0]}");
            Line("    from daily as d");
            Line(")");
        }

        private void Final()
        {
            Line("select");
            Line("    r.customer_id,");
            Line("    r.activity_date,");
            Line($"    {DateTrunc("r.activity_date")} as activity_month,");
            Line($"    r.{other}_{attributes[0]},");
            Line($"    r.{entity}_count,");
            foreach (var measure in measures)
            {
                Line($"    r.total_{measure},");
                Line($"    {Cast($"r.total_{measure} / nullif(r.{entity}_count, 0)", "double")} as avg_{measure},");
            }

            Line("    case");
            Line($"        when r.total_{measures[0]} >= 1000 then 'high'");
            Line($"        when r.total_{measures[0]} >= 100 then 'medium'");
            Line("        else 'low'");
            Line("    end as value_band,");
            Line($"    {Conditional($"r.previous_{measures[0]} is null", "true", "false")} as is_first_day,");
            Line($"    r.rolling_7d_{measures[0]} - coalesce(r.previous_{measures[0]}, 0) as delta_{measures[0]},");
            Line("    r.recency_rank");
            Line("from ranked as r");
            Line($"where r.{entity}_count > 0");
            if (random.Next(4) == 0)
            {
                Line("order by r.customer_id, r.activity_date");
                Line("limit 100000");
            }
        }

        private string Quote(string identifier) => dialect.Dialect switch
        {
            SqlDialect.BigQuery or SqlDialect.Databricks => $"`{identifier}`",
            _ => $"\"{identifier}\"",
        };

        private string Relation(string schema, string table) => dialect.Dialect switch
        {
            SqlDialect.BigQuery => $"`analytics-prod.{schema}.{table}`",
            SqlDialect.Databricks => $"analytics.{schema}.{table}",
            SqlDialect.Snowflake => $"ANALYTICS.{schema.ToUpperInvariant()}.{table.ToUpperInvariant()}",
            _ => $"\"analytics\".\"{schema}\".\"{table}\"",
        };

        private string Cast(string expression, string type) => dialect.Dialect switch
        {
            SqlDialect.Snowflake or SqlDialect.Postgres or SqlDialect.DuckDb when random.Next(2) == 0 => $"({expression})::{type}",
            SqlDialect.BigQuery => $"safe_cast({expression} as {(type.StartsWith("decimal", StringComparison.Ordinal) ? "numeric" : type == "double" ? "float64" : type)})",
            _ => $"cast({expression} as {type})",
        };

        private string Concat(params string[] parts) => dialect.Dialect switch
        {
            SqlDialect.BigQuery or SqlDialect.Databricks => $"concat({string.Join(", ", parts.Select(p => Cast(p, "string")))})",
            _ => string.Join(" || ", parts),
        };

        private string DateLiteral(string value) => dialect.Dialect == SqlDialect.BigQuery ? $"date '{value}'" : $"'{value}'";

        private string DateTrunc(string expression) => dialect.Dialect switch
        {
            SqlDialect.BigQuery => $"date_trunc({expression}, month)",
            _ => $"date_trunc('month', {expression})",
        };

        private string Conditional(string condition, string then, string otherwise) => dialect.Dialect switch
        {
            SqlDialect.Snowflake => $"iff({condition}, {then}, {otherwise})",
            SqlDialect.Databricks or SqlDialect.BigQuery => $"if({condition}, {then}, {otherwise})",
            _ => $"case when {condition} then {then} else {otherwise} end",
        };

        private void Line(string text = "") => sql.Append(text).Append('\n');

        private static string[] Pick(Random random, string[] from, int count) =>
            [.. from.OrderBy(_ => random.Next()).Take(Math.Min(count, from.Length))];
    }
}
