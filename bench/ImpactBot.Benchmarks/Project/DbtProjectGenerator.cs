using System.Globalization;
using System.Text;

namespace ImpactBot.Benchmarks.Project;

/// <summary>
/// A deterministic, realistic dbt project of N models: sources with yml columns, staging models over them, intermediate
/// models joining earlier models, marts aggregating or windowing them, schema.yml files with tests and owners, exposures.
/// Every model outputs the same ten columns, so ten columns per model and joins between any two models stay valid.
/// </summary>
internal static class DbtProjectGenerator
{
    public static readonly string[] Columns = ["id", "fk_a", "fk_b", "amount", "qty", "status", "created_at", "updated_at", "name", "category"];

    private const int ModelsPerYaml = 100;

    public static Dictionary<string, string> Base(int models)
    {
        var layout = Layout.For(models);
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["dbt_project.yml"] = "name: bench\nversion: '1.0'\nprofile: bench\nmodels:\n  bench:\n    +materialized: view\n    marts:\n      +materialized: table\n",
            [".impactbot.yml"] = "dialect: snowflake\nowners:\n  analytics@example.com: '@analytics'\n",
        };
        files["models/staging/_sources.yml"] = Sources(layout);
        for (var i = 0; i < layout.Staging; i++)
        {
            files[$"models/staging/{Name("stg", i)}.sql"] = Staging(i);
        }

        for (var i = 0; i < layout.Intermediate; i++)
        {
            files[$"models/intermediate/{Name("int", i)}.sql"] = Intermediate(i, layout);
        }

        for (var i = 0; i < layout.Marts; i++)
        {
            files[$"models/marts/{Name("mart", i)}.sql"] = Mart(i, layout);
        }

        AddSchemaFiles(files, "staging", "stg", layout.Staging);
        AddSchemaFiles(files, "intermediate", "int", layout.Intermediate);
        AddSchemaFiles(files, "marts", "mart", layout.Marts);
        files["models/marts/_exposures.yml"] = Exposures(layout);
        return files;
    }

    /// <summary>The head commit: 20 models changed: removed and renamed columns, expression and filter changes.</summary>
    public static Dictionary<string, string> Head(Dictionary<string, string> baseFiles, int models)
    {
        var layout = Layout.For(models);
        var files = new Dictionary<string, string>(baseFiles, StringComparer.Ordinal);
        var step = Math.Max(1, layout.Staging / 10);
        for (var k = 0; k < 5; k++)
        {
            Edit(files, $"models/staging/{Name("stg", k * step)}.sql", "        c_name as name,\n", "");
            Edit(files, $"models/staging/{Name("stg", (k * step) + 1)}.sql", "c_category as category", "c_category as product_category");
        }

        var intStep = Math.Max(1, layout.Intermediate / 10);
        for (var k = 0; k < 5; k++)
        {
            Edit(files, $"models/intermediate/{Name("int", k * intStep)}.sql", "a.amount + coalesce(b.amount, 0) as amount", "a.amount - coalesce(b.amount, 0) as amount");
            Edit(files, $"models/intermediate/{Name("int", (k * intStep) + 1)}.sql", "where a.status <> 'void'", "where a.status not in ('void', 'test')");
        }

        return files;
    }

    private static void Edit(Dictionary<string, string> files, string path, string from, string to)
    {
        var text = files[path];
        files[path] = text.Contains(from, StringComparison.Ordinal)
            ? text.Replace(from, to, StringComparison.Ordinal)
            : throw new InvalidOperationException($"'{from}' is not in {path}");
    }

    private static string Name(string prefix, int i) => string.Create(CultureInfo.InvariantCulture, $"{prefix}_{i:D5}");

    private static string Sources(Layout layout)
    {
        var text = new StringBuilder("version: 2\n\nsources:\n");
        for (var s = 0; s < Layout.Systems; s++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - name: src_{s:D2}\n    schema: raw_{s:D2}\n    tables:\n");
            for (var t = s; t < layout.Staging; t += Layout.Systems)
            {
                text.Append(CultureInfo.InvariantCulture, $"      - name: table_{t:D5}\n        columns:\n");
                foreach (var column in Columns)
                {
                    text.Append(CultureInfo.InvariantCulture, $"          - name: c_{column}\n");
                }

                text.Append("          - name: c_deleted_at\n");
            }
        }

        return text.ToString();
    }

    private static string Staging(int i) => $$$"""
        with source as (
            select * from {{ source('src_{{{i % Layout.Systems:D2}}}', 'table_{{{i:D5}}}') }}
        ),

        renamed as (
            select
                c_id as id,
                c_fk_a as fk_a,
                c_fk_b as fk_b,
                cast(c_amount as numeric(18, 2)) as amount,
                c_qty as qty,
                lower(c_status) as status,
                c_created_at as created_at,
                c_updated_at as updated_at,
                c_name as name,
                c_category as category
            from source
            where c_deleted_at is null
        )

        select * from renamed

        """;

    private static string Intermediate(int i, Layout layout)
    {
        var random = new Random(i);
        var left = Upstream(random, "stg", layout.Staging, "int", i);
        var right = Upstream(random, "stg", layout.Staging, "int", i);
        return $$$"""
            -- joins {{{left}}} with {{{right}}}
            with a as (
                select * from {{ ref('{{{left}}}') }}
            ),

            b as (
                select id, amount, qty, category from {{ ref('{{{right}}}') }}
            )

            select
                a.id,
                a.fk_a,
                a.fk_b,
                a.amount + coalesce(b.amount, 0) as amount,
                a.qty * 2 as qty,
                case when b.id is null then 'orphan' else a.status end as status,
                a.created_at,
                greatest(a.updated_at, a.created_at) as updated_at,
                upper(a.name) as name,
                coalesce(b.category, a.category) as category
            from a
            left join b on a.fk_a = b.id
            where a.status <> 'void'

            """;
    }

    private static string Mart(int i, Layout layout)
    {
        var random = new Random(100_000 + i);
        var upstream = Upstream(random, "int", layout.Intermediate, "mart", i);
        return i % 2 == 0
            ? $$$"""
                with base as (
                    select * from {{ ref('{{{upstream}}}') }}
                )

                select
                    fk_a as id,
                    min(fk_b) as fk_b,
                    max(fk_a) as fk_a,
                    sum(amount) as amount,
                    count(*) as qty,
                    max(status) as status,
                    min(created_at) as created_at,
                    max(updated_at) as updated_at,
                    max(name) as name,
                    max(category) as category
                from base
                group by fk_a

                """
            : $$$"""
                select
                    id,
                    fk_a,
                    fk_b,
                    sum(amount) over (partition by fk_a order by created_at) as amount,
                    row_number() over (partition by fk_a order by created_at desc) as qty,
                    status,
                    created_at,
                    updated_at,
                    name,
                    category
                from {{ ref('{{{upstream}}}') }}
                where created_at >= '2020-01-01'

                """;
    }

    /// <summary>An upstream of model i in its own layer: mostly the layer below, sometimes an earlier model of the same layer.</summary>
    private static string Upstream(Random random, string lowerPrefix, int lowerCount, string ownPrefix, int i)
        => i > 10 && random.Next(4) == 0
            ? Name(ownPrefix, random.Next(i))
            : Name(lowerPrefix, random.Next(lowerCount));

    private static void AddSchemaFiles(Dictionary<string, string> files, string folder, string prefix, int count)
    {
        for (var start = 0; start < count; start += ModelsPerYaml)
        {
            var text = new StringBuilder("version: 2\n\nmodels:\n");
            for (var i = start; i < Math.Min(count, start + ModelsPerYaml); i++)
            {
                var owner = i % 3 == 0 ? "analytics@example.com" : $"team-{i % 7}";
                text.Append(CultureInfo.InvariantCulture, $"  - name: {Name(prefix, i)}\n    description: The {folder} model number {i}.\n    meta:\n      owner: {owner}\n    columns:\n");
                text.Append("      - name: id\n        description: Primary key.\n        data_tests: [unique, not_null]\n");
                text.Append("      - name: status\n        data_tests:\n          - accepted_values:\n              values: ['open', 'closed', 'orphan']\n");
                text.Append("      - name: amount\n        description: Money.\n");
            }

            files[$"models/{folder}/_{folder}_{start / ModelsPerYaml:D3}.yml"] = text.ToString();
        }
    }

    private static string Exposures(Layout layout)
    {
        var text = new StringBuilder("version: 2\n\nexposures:\n");
        for (var e = 0; e < 50; e++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - name: dashboard_{e:D2}\n    type: dashboard\n    owner:\n      email: bi{e % 5}@example.com\n    depends_on:\n");
            for (var k = 0; k < 3; k++)
            {
                text.Append(CultureInfo.InvariantCulture, $"      - ref('{Name("mart", ((e * 37) + (k * 11)) % layout.Marts)}')\n");
            }
        }

        return text.ToString();
    }

    private sealed record Layout(int Staging, int Intermediate, int Marts)
    {
        public const int Systems = 10;

        public static Layout For(int models)
        {
            var staging = Math.Max(20, models / 20);
            var intermediate = Math.Max(20, models * 45 / 100);
            return new Layout(staging, intermediate, Math.Max(20, models - staging - intermediate));
        }
    }
}
