using ImpactBot.Dbt.Analysis;

namespace ImpactBot.Cli.Analysis;

/// <summary>
/// How a CI job asks for the project to be read (action inputs, <c>IMPACTBOT_*</c> variables): the same choices as
/// <c>analyze</c>'s <c>--project-dir</c>, <c>--dialect</c>, <c>--manifest</c>, <c>--target</c>, <c>--vars</c>,
/// <c>--profiles-dir</c> and <c>--packages-dir</c>. Paths are absolute.
/// </summary>
internal sealed record CiReadInputs
{
    public string? ProjectDir { get; init; }

    public string? Dialect { get; init; }

    public string? Manifest { get; init; }

    public string? Target { get; init; }

    /// <summary>YAML or JSON, as <c>--vars</c> takes them.</summary>
    public string? Vars { get; init; }

    public string? ProfilesDir { get; init; }

    public string? PackagesDir { get; init; }

    /// <summary>
    /// The reader options, with the given packages; without <see cref="PackagesDir"/> the working tree's are found later,
    /// once (<see cref="InstalledPackageFiles"/>).
    /// </summary>
    public async Task<ProjectOptions> ProjectOptionsAsync(string repoDir, CancellationToken cancellationToken)
    {
        var options = await RepositoryAnalysis.ProjectOptionsAsync(ProjectDir, Dialect, Manifest, null, cancellationToken, Target, Vars, ProfilesDir).ConfigureAwait(false);
        return PackagesDir is null ? options : InstalledPackageFiles.Attach(options, repoDir, PackagesDir);
    }
}
