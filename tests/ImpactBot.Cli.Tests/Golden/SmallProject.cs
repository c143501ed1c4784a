using System.Globalization;
using System.Text;
using ImpactBot.Testing.Git;

namespace ImpactBot.Cli.Tests.Golden;

/// <summary>
/// A small generated dbt project for golden files: four staging models over one source, a chain of intermediate models,
/// marts read by exposures, YAML tests (also with arguments) and owners. The head makes the three change kinds a reviewer
/// sees most: a renamed staging column, a changed calculation and a filter on the widest-read mart.
/// </summary>
internal static class SmallProject
{
    public const int Staging = 4;
    public const int Intermediate = 6;
    public const int Marts = 4;

    public static TempGitRepo Create()
    {
        var repo = TempGitRepo.Create();
        repo.Write("dbt_project.yml", "name: small\nversion: '1.0'\nprofile: small\nmodels:\n  small:\n    +materialized: view\n    marts:\n      +materialized: table\n");
        repo.Write(".impactbot.yml", "dialect: snowflake\nfail-on: breaking\nowners:\n  finance@example.com: '@finance'\n");
        repo.Write(".github/CODEOWNERS", "* @platform-a @platform-b\n/models/marts/ @analytics\n");
        repo.Write("models/staging/_sources.yml", "version: 2\nsources:\n  - name: raw\n    tables:\n" + string.Concat(Enumerable.Range(0, Staging).Select(i => $"      - name: t{i}\n        columns:\n          - name: id\n          - name: amount\n          - name: status\n          - name: customer_name\n")));
        var staging = new StringBuilder("version: 2\nmodels:\n");
        for (var i = 0; i < Staging; i++)
        {
            repo.Write($"models/staging/stg_{i}.sql", $"select\n    id,\n    amount,\n    status,\n    customer_name\nfrom {{{{ source('raw', 't{i}') }}}}\n");
            staging.Append(CultureInfo.InvariantCulture, $"  - name: stg_{i}\n    meta:\n      owner: '@staging-team'\n    columns:\n      - name: id\n        data_tests: [unique, not_null]\n      - name: customer_name\n        description: Name as entered.\n        data_tests: [not_null]\n");
        }

        repo.Write("models/staging/_staging.yml", staging.ToString());
        var intermediate = new StringBuilder("version: 2\nmodels:\n");
        for (var i = 0; i < Intermediate; i++)
        {
            var left = i < Staging ? $"stg_{i}" : $"int_{i - Staging}";
            var right = $"stg_{(i + 1) % Staging}";
            repo.Write($"models/intermediate/int_{i}.sql", $"select\n    a.id,\n    a.amount + coalesce(b.amount, 0) as amount,\n    a.status,\n    a.customer_name\nfrom {{{{ ref('{left}') }}}} as a\nleft join {{{{ ref('{right}') }}}} as b on a.id = b.id\n");
            intermediate.Append(CultureInfo.InvariantCulture, $"  - name: int_{i}\n    data_tests:\n      - dbt_utils.unique_combination_of_columns:\n          arguments:\n            combination_of_columns: [id, status]\n    columns:\n      - name: amount\n        data_tests: [not_null]\n");
        }

        repo.Write("models/intermediate/_intermediate.yml", intermediate.ToString());
        var marts = new StringBuilder("version: 2\nmodels:\n");
        for (var i = 0; i < Marts; i++)
        {
            // The last mart is incremental: what its is_incremental() branch adds is changed below.
            var incremental = i == Marts - 1 ? "{{ config(materialized='incremental') }}\n" : "";
            var newRows = i == Marts - 1 ? "{% if is_incremental() %}\nwhere id > (select max(id) from {{ this }})\n{% endif %}\n" : "";
            repo.Write($"models/marts/mart_{i}.sql", $"{incremental}select\n    status,\n    customer_name,\n    sum(amount) as total_amount,\n    count(*) as orders\nfrom {{{{ ref('int_{Intermediate - 1 - i}') }}}}\n{newRows}group by 1, 2\n");
            marts.Append(CultureInfo.InvariantCulture, $"  - name: mart_{i}\n    config:\n      meta:\n        owner: finance@example.com\n    columns:\n      - name: total_amount\n        data_tests: [not_null]\n");
        }

        marts.Append("exposures:\n");
        for (var i = 0; i < Marts; i++)
        {
            marts.Append(CultureInfo.InvariantCulture, $"  - name: dashboard_{i}\n    type: dashboard\n    owner:\n      name: BI\n      email: bi@example.com\n    depends_on:\n      - ref('mart_{i}')\n");
        }

        repo.Write("models/marts/_marts.yml", marts.ToString());
        repo.Commit("base");
        repo.Checkout("change", create: true);
        repo.Replace("models/staging/stg_0.sql", "    customer_name\n", "    customer_name as client_name\n");
        repo.Replace("models/intermediate/int_1.sql", "a.amount + coalesce(b.amount, 0) as amount", "a.amount - coalesce(b.amount, 0) as amount");
        repo.Replace("models/marts/mart_0.sql", "from {{ ref('int_5') }}\n", "from {{ ref('int_5') }}\nwhere status is not null\n");
        repo.Replace($"models/marts/mart_{Marts - 1}.sql", "where id > (select max(id)", "where id >= (select max(id)");
        repo.Commit("rename, calculation, filter, incremental filter");
        return repo;
    }
}
