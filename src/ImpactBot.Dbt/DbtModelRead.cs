using System.Collections.Immutable;
using ImpactBot.Core.Files;
using ImpactBot.Sql.Dialects;

namespace ImpactBot.Dbt;

/// <summary>
/// Some models of a dbt project read without the rest (<see cref="DbtProjectReader.ReadModels"/>), and the means to
/// render any other unchanged model or snapshot again on its own.
/// </summary>
public sealed class DbtModelRead
{
    public required ImmutableArray<DbtModel> Models { get; init; }

    /// <summary>The data tests defined in the YAML files read whole.</summary>
    public ImmutableArray<DbtDataTest> Tests { get; init; } = [];

    /// <summary>The YAML files read: those asked for that lie in the project's model, seed and snapshot paths.</summary>
    public ImmutableArray<string> YamlPathsRead { get; init; } = [];

    /// <summary>The project-level problems a full read would report on the files read (missing refs, unreadable files).</summary>
    public required ImmutableArray<FileDiagnostic> Diagnostics { get; init; }

    public SqlDialect? DialectHint { get; init; }

    /// <summary>The folder holding dbt_project.yml ('' for the repository root).</summary>
    public string RootDir { get; init; } = "";

    /// <summary>Fingerprint of the packages the models were rendered with (see <see cref="DbtProject.PackagesFingerprint"/>).</summary>
    public string PackagesFingerprint { get; init; } = "";

    /// <summary>Renders the model file at a path under a dbt name; YAML plays no part in rendering.</summary>
    public required Func<string, string, DbtModel> RenderModel { get; init; }

    /// <summary>Renders one snapshot block of a file; null when the file holds no such block.</summary>
    public required Func<string, string, DbtSnapshot?> RenderSnapshot { get; init; }
}
