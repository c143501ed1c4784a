using ImpactBot.Core.Impact;
using System.Collections.Immutable;
using ImpactBot.Dbt.Yaml;
using ImpactBot.Core.Config;
using ImpactBot.Core.Files;
using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Text;
using YamlDotNet.RepresentationModel;

namespace ImpactBot.Dbt.Config;

/// <summary>
/// Reads <c>.impactbot.yml</c>. A bad value is an error naming the key, the file, the line and what is allowed; the
/// key keeps its default and the rest of the file is still read.
/// </summary>
public static class ImpactBotConfigReader
{
    private static readonly string[] Keys = ["dialect", "project-dir", "ignore", "fail-on", "owners", "acknowledge", "teams", "catalog", "vars", "codeowners"];

    public static ConfigReadResult Read(string? text, string path)
    {
        var diagnostics = new List<FileDiagnostic>();
        var config = ImpactBotConfig.Default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ConfigReadResult(config, []);
        }

        var root = YamlLoader.Load(text, path, diagnostics, strict: true);
        if (root is YamlMappingNode mapping)
        {
            config = ReadRoot(mapping, path, diagnostics);
        }
        else if (root is not null && !YamlNodes.IsNull(root))
        {
            diagnostics.Add(Error(path, root, "the file must be a mapping of settings (for example 'fail-on: breaking')"));
        }

        return new ConfigReadResult(config, [.. diagnostics]);
    }

    private static ImpactBotConfig ReadRoot(YamlMappingNode root, string path, List<FileDiagnostic> diagnostics)
    {
        var config = ImpactBotConfig.Default;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            switch (key)
            {
                case "dialect":
                    if (Scalar(value, key, path, diagnostics) is { } dialectName)
                    {
                        config = DialectNames.Parse(dialectName) is { } dialect
                            ? config with { Dialect = dialect }
                            : Fail(config, diagnostics, Error(path, value, $"'dialect' is '{dialectName}'; allowed: {DialectNames.Canonical}"));
                    }

                    break;
                case "project-dir":
                    if (Scalar(value, key, path, diagnostics) is { } dir)
                    {
                        config = ProjectDirs.Escapes(dir)
                            ? Fail(config, diagnostics, Error(path, value, $"'project-dir' is '{dir}', which is not a folder inside the repository; give the folder holding dbt_project.yml relative to the repository root (for example 'transform')"))
                            : config with { ProjectDir = dir.Trim().Trim('/') };
                    }

                    break;
                case "ignore":
                    if (StringList(value, key, path, diagnostics) is { } ignore)
                    {
                        config = config with { Ignore = ignore };
                    }

                    break;
                case "fail-on":
                    config = Enum(value, key, path, diagnostics, ["breaking", "values", "any", "never"]) switch
                    {
                        "breaking" => config with { FailOn = FailOn.Breaking },
                        "values" => config with { FailOn = FailOn.Values },
                        "any" => config with { FailOn = FailOn.Any },
                        "never" => config with { FailOn = FailOn.Never },
                        _ => config,
                    };
                    break;
                case "acknowledge":
                    config = Enum(value, key, path, diagnostics, ["owners", "owners-or-maintainers", "anyone-with-write", "owners-only", "anyone"]) switch
                    {
                        "owners" => config with { Acknowledge = AcknowledgePolicy.Owners },
                        "owners-or-maintainers" or "owners-only" => config with { Acknowledge = AcknowledgePolicy.OwnersOrMaintainers },
                        "anyone-with-write" or "anyone" => config with { Acknowledge = AcknowledgePolicy.AnyoneWithWrite },
                        _ => config,
                    };
                    break;
                case "teams":
                    config = config with { Teams = ReadTeams(value, path, diagnostics) };
                    break;
                case "owners":
                    config = config with { OwnerAliases = ReadAliases(value, path, diagnostics) };
                    break;
                case "codeowners":
                    config = Enum(value, key, path, diagnostics, ["fallback", "always", "off"]) switch
                    {
                        "fallback" => config with { CodeOwners = CodeOwnersUse.Fallback },
                        "always" => config with { CodeOwners = CodeOwnersUse.Always },
                        "off" => config with { CodeOwners = CodeOwnersUse.Off },
                        _ => config,
                    };
                    break;
                case "catalog":
                    config = config with { Catalog = CatalogReader.Read(value, path, diagnostics) };
                    break;
                case "vars":
                    config = value is YamlMappingNode vars
                        ? config with { Vars = DbtVars.ToJson((DbtMap)YamlNodes.ToValue(vars)) }
                        : YamlNodes.IsNull(value) ? config : Fail(config, diagnostics, Error(path, value, "'vars' must be a mapping of var names to values, as dbt's --vars"));
                    break;
                default:
                    diagnostics.Add(new FileDiagnostic(
                        "config-unknown-key",
                        $"unknown key '{key}' is ignored; {KeySuggestion.Hint(key, Keys)}",
                        path,
                        keyNode.Line(),
                        keyNode.Column()));
                    break;
            }
        }

        return config;
    }

    private static ImpactBotConfig Fail(ImpactBotConfig config, List<FileDiagnostic> diagnostics, FileDiagnostic error)
    {
        diagnostics.Add(error);
        return config;
    }

    private static ImmutableDictionary<string, string> ReadAliases(YamlNode value, string path, List<FileDiagnostic> diagnostics)
    {
        var aliases = ImpactBotConfig.Default.OwnerAliases;
        if (YamlNodes.IsNull(value))
        {
            return aliases;
        }

        if (value is not YamlMappingNode map)
        {
            diagnostics.Add(Error(path, value, "'owners' must be a mapping of email or name to @handle, for example 'jane@acme.com: \"@jane\"'"));
            return aliases;
        }

        foreach (var (k, v) in map.Children)
        {
            var from = (k as YamlScalarNode)?.Value;
            var to = (v as YamlScalarNode)?.Value?.Trim();
            if (string.IsNullOrWhiteSpace(from) || string.IsNullOrEmpty(to) || to.Contains(' ', StringComparison.Ordinal))
            {
                diagnostics.Add(Error(path, v, $"'owners' entry '{from}' must map to one handle such as \"@jane\" or \"@acme/data\""));
                continue;
            }

            aliases = aliases.SetItem(from.Trim(), to.StartsWith('@') ? to : "@" + to);
        }

        return aliases;
    }

    private static ImmutableDictionary<string, ImmutableArray<string>> ReadTeams(YamlNode value, string path, List<FileDiagnostic> diagnostics)
    {
        var teams = ImpactBotConfig.Default.Teams;
        if (YamlNodes.IsNull(value))
        {
            return teams;
        }

        if (value is not YamlMappingNode map)
        {
            diagnostics.Add(Error(path, value, "'teams' must be a mapping of team handle to member logins, for example '\"@acme/crm\": [ana, bo]'"));
            return teams;
        }

        foreach (var (k, v) in map.Children)
        {
            var team = (k as YamlScalarNode)?.Value?.Trim() ?? "";
            if (!IsHandle(team.TrimStart('@')))
            {
                diagnostics.Add(Error(path, k, $"'teams' key '{team}' must be a team or group handle such as \"@acme/crm\""));
                continue;
            }

            var members = StringList(v, $"teams.{team}", path, diagnostics);
            if (members is null)
            {
                continue;
            }

            var logins = members.Value.Select(m => m.Trim().TrimStart('@')).ToImmutableArray();
            if (logins.FirstOrDefault(l => !IsHandle(l) || l.Contains('/', StringComparison.Ordinal)) is { } bad)
            {
                diagnostics.Add(Error(path, v, $"'teams.{team}' lists '{bad}', which is not a login; list user logins such as 'ana'"));
                continue;
            }

            teams = teams.SetItem("@" + team.TrimStart('@'), logins);
        }

        return teams;
    }

    private static bool IsHandle(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/') && !text.StartsWith('/') && !text.EndsWith('/');

    internal static string? Scalar(YamlNode value, string key, string path, List<FileDiagnostic> diagnostics)
    {
        if (value is YamlScalarNode { Value: { } text } && !YamlNodes.IsNull(value))
        {
            return text;
        }

        if (!YamlNodes.IsNull(value))
        {
            diagnostics.Add(Error(path, value, $"'{key}' must be a single value, not a {Shape(value)}"));
        }

        return null;
    }

    internal static ImmutableArray<string>? StringList(YamlNode value, string key, string path, List<FileDiagnostic> diagnostics)
    {
        switch (value)
        {
            case YamlScalarNode s when YamlNodes.IsNull(s):
                return [];
            case YamlScalarNode { Value: { } one }:
                return [one];
            case YamlSequenceNode seq when seq.Children.All(c => c is YamlScalarNode):
                return [.. seq.Children.Cast<YamlScalarNode>().Select(c => c.Value ?? "").Where(v => v.Length > 0)];
            default:
                diagnostics.Add(Error(path, value, $"'{key}' must be a list of strings"));
                return null;
        }
    }

    private static string? Enum(YamlNode value, string key, string path, List<FileDiagnostic> diagnostics, string[] allowed)
    {
        var text = Scalar(value, key, path, diagnostics)?.Trim().ToLowerInvariant();
        if (text is null || allowed.Contains(text))
        {
            return text;
        }

        diagnostics.Add(Error(path, value, $"'{key}' is '{text}'; allowed: {string.Join(", ", allowed)}"));
        return null;
    }

    internal static FileDiagnostic Error(string path, YamlNode node, string message) =>
        new("config-invalid", message, path, node.Line(), node.Column(), DiagnosticSeverity.Error);

    private static string Shape(YamlNode node) => node switch
    {
        YamlSequenceNode => "list",
        YamlMappingNode => "mapping",
        _ => "value",
    };
}
