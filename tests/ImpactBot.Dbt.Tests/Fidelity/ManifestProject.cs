using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ImpactBot.Core.Files;

namespace ImpactBot.Dbt.Tests.Fidelity;

/// <summary>
/// Rebuilds a dbt project's files from a manifest: the root package's models (raw code) and macros, one
/// <c>dbt_packages/</c> folder per installed package, and the sources and model columns as properties YAML. dbt's own
/// macros (packages <c>dbt</c> and <c>dbt_&lt;adapter&gt;</c>) are left out: the renderer must know them itself.
/// </summary>
internal sealed partial record ManifestProject(InMemoryFileSource Project, InMemoryFileSource Packages, IReadOnlyList<string> ModelNames)
{
    public static ManifestProject From(string manifestText)
    {
        using var json = JsonDocument.Parse(manifestText);
        var root = json.RootElement;
        var adapter = root.GetProperty("metadata").GetProperty("adapter_type").GetString()!;
        var models = root.GetProperty("nodes").EnumerateObject().Select(n => n.Value)
            .Where(n => n.GetProperty("resource_type").GetString() == "model")
            .ToList();
        var projectName = models[0].GetProperty("package_name").GetString()!;
        var project = new Dictionary<string, string>(StringComparer.Ordinal);
        var packages = new Dictionary<string, string>(StringComparer.Ordinal);
        var enablingVars = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var model in models)
        {
            var raw = model.GetProperty("raw_code").GetString()!;
            project[model.GetProperty("original_file_path").GetString()!] = raw;
            // The docs build enabled every model of the manifest: vars that default to false in `enabled=` were set.
            foreach (Match enabled in EnabledConfig().Matches(raw))
            {
                foreach (Match m in FalseVar().Matches(enabled.Value))
                {
                    enablingVars.Add(m.Groups[1].Value);
                }
            }
        }

        foreach (var macro in root.GetProperty("macros").EnumerateObject().Select(m => m.Value))
        {
            var package = macro.GetProperty("package_name").GetString()!;
            if (package == "dbt" || package == "dbt_" + adapter)
            {
                continue;
            }

            var path = macro.GetProperty("original_file_path").GetString()!;
            var files = package == projectName ? project : packages;
            var key = package == projectName ? path : $"{package}/{path}";
            files[key] = files.TryGetValue(key, out var text) ? text + "\n" + MacroSql(macro) : MacroSql(macro);
            if (package != projectName)
            {
                packages[$"{package}/dbt_project.yml"] = $"name: {package}\nversion: '1.0.0'\nmacro-paths: [\"macros\"]\n";
            }
        }

        var vars = string.Concat(enablingVars.Select(v => $"  {v}: true\n"));
        project["dbt_project.yml"] = $"name: {projectName}\nversion: '1.0.0'\nprofile: {projectName}\nvars:\n{vars}";
        project["profiles.yml"] = $"{projectName}:\n  target: dev\n  outputs:\n    dev:\n      type: {adapter}\n";
        project["models/_sources.yml"] = SourcesYaml(root.GetProperty("sources"));
        project["models/_models.yml"] = ModelsYaml(models);
        return new ManifestProject(
            new InMemoryFileSource(project),
            new InMemoryFileSource(packages),
            [.. models.Select(m => m.GetProperty("name").GetString()!).Order(StringComparer.Ordinal)]);
    }

    /// <summary>A manifest keeps one macro's text; files holding several are written back as their concatenation.</summary>
    private static string MacroSql(JsonElement macro) => macro.GetProperty("macro_sql").GetString()!;

    private static string SourcesYaml(JsonElement sources)
    {
        var sb = new StringBuilder("version: 2\nsources:\n");
        foreach (var group in sources.EnumerateObject().Select(s => s.Value).GroupBy(s => s.GetProperty("source_name").GetString()!))
        {
            sb.Append($"  - name: {group.Key}\n    tables:\n");
            foreach (var table in group)
            {
                sb.Append($"      - name: {table.GetProperty("name").GetString()}\n");
                AppendColumns(sb, table.GetProperty("columns"), "        ");
            }
        }

        return sb.ToString();
    }

    private static string ModelsYaml(List<JsonElement> models)
    {
        var sb = new StringBuilder("version: 2\nmodels:\n");
        foreach (var model in models)
        {
            sb.Append($"  - name: {model.GetProperty("name").GetString()}\n");
            AppendColumns(sb, model.GetProperty("columns"), "    ");
        }

        return sb.ToString();
    }

    private static void AppendColumns(StringBuilder sb, JsonElement columns, string indent)
    {
        var names = columns.EnumerateObject().Select(c => c.Value.GetProperty("name").GetString()!).ToList();
        if (names.Count == 0)
        {
            return;
        }

        sb.Append($"{indent}columns:\n");
        foreach (var name in names)
        {
            sb.Append($"{indent}  - name: \"{name}\"\n");
        }
    }

    [GeneratedRegex(@"enabled\s*=.*")]
    private static partial Regex EnabledConfig();

    [GeneratedRegex(@"var\(\s*'(\w+)'\s*,\s*(?:false|False)\s*\)")]
    private static partial Regex FalseVar();
}
