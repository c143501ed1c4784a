namespace ImpactBot.Dbt;

public enum DbtProjectKind
{
    /// <summary>No dbt_project.yml and no SQL file creating an object.</summary>
    Empty,

    /// <summary>A dbt project (from files, a manifest, or both).</summary>
    Dbt,

    /// <summary>A repository of plain SQL files (for example an SSDT database project).</summary>
    PlainSql,
}
