using System.Text.RegularExpressions;
using ImpactBot.Core.Files;
using ImpactBot.Dbt.Yaml;
using YamlDotNet.RepresentationModel;

namespace ImpactBot.Dbt.Profiles;

/// <summary>
/// Reads the target a project uses from <c>profiles.yml</c>, as dbt does: the profile named in dbt_project.yml (or the
/// file's only profile), then <c>--target</c> or the profile's <c>target</c>. Anchors, aliases and merge keys
/// (<c>&lt;&lt;: *prod</c>) are resolved; <c>{{ env_var('NAME', 'default') }}</c> is read from the environment given.
/// Problems are diagnostics, never exceptions.
/// </summary>
public static partial class ProfilesReader
{
    public static DbtTarget? Read(
        string text, string path, string? profileName, string? targetName, Func<string, string?> environment, ICollection<FileDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (YamlLoader.LoadMapping(text, path, diagnostics) is not { } root)
        {
            return null;
        }

        var profiles = root.Children.Where(e => e.Value is YamlMappingNode m && Child(m, "outputs") is YamlMappingNode).ToList();
        var entry = profileName is not null
            ? profiles.FirstOrDefault(e => Scalar(e.Key) == profileName)
            : profiles.Count == 1 ? profiles[0] : default;
        if (entry.Value is not YamlMappingNode profile)
        {
            diagnostics.Add(new FileDiagnostic(
                "profile-missing",
                profileName is null
                    ? $"dbt_project.yml names no profile and {path} has {profiles.Count} profiles; set 'profile:' in dbt_project.yml"
                    : $"no profile '{profileName}' in {path} (profiles: {string.Join(", ", profiles.Select(e => Scalar(e.Key)))})",
                path, 1, 1));
            return null;
        }

        var outputs = (YamlMappingNode)Child(profile, "outputs")!;
        var name = targetName ?? Render(Scalar(Child(profile, "target")), environment) ?? "dev";
        if (Child(outputs, name) is not YamlMappingNode output)
        {
            diagnostics.Add(new FileDiagnostic(
                "profile-target-missing",
                $"profile '{Scalar(entry.Key)}' has no target '{name}' (targets: {string.Join(", ", outputs.Children.Select(e => Scalar(e.Key)))}); pass --target NAME",
                path, (int)outputs.Start.Line, (int)outputs.Start.Column));
            return null;
        }

        string? Field(params string[] keys) => keys.Select(k => Render(Scalar(Child(output, k)), environment)).FirstOrDefault(v => v is not null);
        var type = Field("type");
        if (type is null)
        {
            diagnostics.Add(new FileDiagnostic("profile-no-type", $"target '{name}' of profile '{Scalar(entry.Key)}' has no 'type'", path, (int)output.Start.Line, (int)output.Start.Column));
            return null;
        }

        return new DbtTarget(name, type.Trim().ToLowerInvariant())
        {
            Schema = Field("schema", "dataset"),
            Database = Field("database", "project", "dbname", "catalog"),
            Profile = Scalar(entry.Key) ?? "",
            Path = path,
        };
    }

    /// <summary>The value of <paramref name="key"/>; merge keys (<c>&lt;&lt;: *prod</c>) are already resolved by the loader.</summary>
    private static YamlNode? Child(YamlMappingNode map, string key) => map.Children.FirstOrDefault(e => Scalar(e.Key) == key).Value;

    private static string? Scalar(YamlNode? node) => (node as YamlScalarNode)?.Value;

    /// <summary>The value with <c>{{ env_var('X') }}</c> / <c>{{ env_var('X', 'default') }}</c> replaced; null when unresolvable.</summary>
    private static string? Render(string? value, Func<string, string?> environment)
    {
        if (value is null || !value.Contains("{{", StringComparison.Ordinal))
        {
            return value;
        }

        var unresolved = false;
        var rendered = EnvVar().Replace(value, m =>
        {
            var found = environment(m.Groups["name"].Value) ?? (m.Groups["default"].Success ? m.Groups["default"].Value : null);
            unresolved |= found is null;
            return found ?? "";
        });
        return unresolved || rendered.Contains("{{", StringComparison.Ordinal) ? null : rendered.Trim();
    }

    [GeneratedRegex("""\{\{\s*env_var\(\s*['"](?<name>[^'"]+)['"]\s*(?:,\s*['"](?<default>[^'"]*)['"]\s*)?\)\s*\}\}""")]
    private static partial Regex EnvVar();
}
