namespace ImpactBot.Benchmarks.RealProjects;

/// <summary>
/// The pinned projects. Fetch each repository as a bare mirror under <c>--mirrors</c> (default <c>/work/.mirror</c>, laid
/// out <c>owner+name/repo</c>); a project whose mirror or commit is missing is skipped. None of their files are copied
/// into this repository (spellbook's licence is BSL, and mattermost-data-warehouse states none: test material only).
/// </summary>
internal static class RealProjectList
{
    private const string Spellbook = "duneanalytics/spellbook";
    private const string SpellbookCommit = "91dac121414fe46afdb47690ea5906871373dba5";
    private const string Github = "fivetran/dbt_github";
    private const string GithubCommit = "48ceaa54a3ff3474323612a1b34f3bf39dd82783";
    private const string Jira = "fivetran/dbt_jira";
    private const string JiraCommit = "6b7d33392a306ae41a54b9a111c5d9f14a83dcb5";
    private const string Utils = "dbt-labs/dbt-utils";
    private const string UtilsCommit = "700764ce230b2fb775b5338b6bc77a72233ea34c";
    private const string CalItp = "cal-itp/data-infra";
    private const string CalItpCommit = "f20856f3f4cfe37f9e36f42bfe3ea22f6d4a2cfa";
    private const string Tuva = "tuva-health/tuva";
    private const string TuvaCommit = "6be34c7add402a897dd020fa51c6be586847eb41";
    private const string Mattermost = "mattermost/mattermost-data-warehouse";
    private const string MattermostCommit = "61af2424d790a8f83267f2b9ee12589fd32bcfa9";
    private const string Gitlab = "ktopcuoglu/gitlab-dbt-analytics";
    private const string GitlabCommit = "493752b6d2d4e1e105966236ddd9b014406117b7";
    private const string Ncl = "ncl-icb-analytics/dbt-ncl-analytics";
    private const string NclCommit = "213ca0542d527cc1d0c4e4fe2a5877bd8049a6ca";

    /// <summary>The marts the project's own integration_tests enable (its dbt_project.yml vars).</summary>
    private const string TuvaVars = "{claims_enabled: true, clinical_enabled: true, provider_attribution_enabled: true, semantic_layer_enabled: true, enable_data_quality: true, enable_legacy_data_quality: false}";

    public static IReadOnlyList<RealProject> All { get; } =
    [
        new("spellbook-dex", Spellbook, SpellbookCommit, "dbt_subprojects/dex", "trino", ["dbt_subprojects/dex", "dbt_macros", "sources"]),
        new("spellbook-hourly", Spellbook, SpellbookCommit, "dbt_subprojects/hourly_spellbook", "trino", ["dbt_subprojects/hourly_spellbook", "dbt_macros", "sources"]),
        new("spellbook-solana", Spellbook, SpellbookCommit, "dbt_subprojects/solana", "trino", ["dbt_subprojects/solana", "dbt_macros", "sources"]),
        new("dbt_github", Github, GithubCommit, ".", "bigquery", ["."]),
        new("dbt_github+manifest", Github, GithubCommit, ".", "bigquery", ["."]) { Manifest = "docs/manifest.json" },
        new("dbt_github+manifest+catalog", Github, GithubCommit, ".", "bigquery", ["."]) { Manifest = "docs/manifest.json", Catalog = "docs/catalog.json" },
        // integration_tests is left out: the mirror lacks one of its seed blobs.
        new("dbt_jira", Jira, JiraCommit, ".", "bigquery", ["dbt_project.yml", "packages.yml", "models", "macros"]),
        new("dbt_jira+manifest+catalog", Jira, JiraCommit, ".", "bigquery", ["dbt_project.yml", "packages.yml", "models", "macros", "docs"]) { Manifest = "docs/manifest.json", Catalog = "docs/catalog.json" },
        new("dbt-utils-integration", Utils, UtilsCommit, "integration_tests", "postgres", ["."]),
        new("cal-itp-warehouse", CalItp, CalItpCommit, "warehouse", "bigquery", ["warehouse"]),
        new("tuva", Tuva, TuvaCommit, ".", "snowflake", ["."]),
        new("tuva+vars", Tuva, TuvaCommit, ".", "snowflake", ["."]) { Vars = TuvaVars },
        new("mattermost-analytics", Mattermost, MattermostCommit, "transform/mattermost-analytics", "snowflake", ["transform/mattermost-analytics"]),
        // GitLab's data team project (a GitHub copy of gitlab-data/analytics, MIT): 2,388 models, env_var databases.
        new("gitlab-analytics", Gitlab, GitlabCommit, "transform/snowflake-dbt", "snowflake", ["transform/snowflake-dbt"]),
        // NHS North Central London ICB (MIT): 1,468 models; seeds left out (the mirror lacks one of their blobs).
        new("ncl-analytics", Ncl, NclCommit, ".", "snowflake", ["dbt_project.yml", "packages.yml", "models", "macros", "snapshots"]),
    ];
}
