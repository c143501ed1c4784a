using System.Collections.Immutable;
using System.Text;
using ImpactBot.Dbt.Jinja;
using ImpactBot.Dbt.Yaml;
using ImpactBot.Core.Files;

namespace ImpactBot.Dbt;

/// <summary>Builds snapshots (SQL blocks and YAML-defined) and seeds (CSV header plus YAML).</summary>
internal sealed class SnapshotAndSeedBuilder(ProjectLayout layout, DbtProjectFile project, JinjaContext context, IFileSource files, List<FileDiagnostic> diagnostics)
{
    public Dictionary<string, OwnerHints> Hints { get; } = new(StringComparer.Ordinal);

    public List<DbtSnapshot> BuildSnapshots(List<NodePatch> patches)
    {
        var snapshots = new List<DbtSnapshot>();
        foreach (var (path, _, relative) in layout.Under(project.SnapshotPaths, ".sql"))
        {
            var text = files.ReadText(path);
            if (text is null || text.Contains('\0', StringComparison.Ordinal))
            {
                diagnostics.Add(new FileDiagnostic("unreadable-file", "the snapshot file is not text (binary or unreadable)", path, 0, 0));
                continue;
            }

            var render = JinjaRenderer.Render(text, path, context);
            foreach (var block in render.Blocks.Where(b => b.Kind == "snapshot"))
            {
                var patch = patches.FirstOrDefault(p => p.Name == block.Name);
                var fqn = new List<string> { project.Name };
                fqn.AddRange(relative.Split('/')[..^1]);
                fqn.Add(block.Name);
                var config = project.Snapshots.Resolve(fqn);
                config = FolderConfigTree.Apply(config, patch?.Config ?? DbtMap.Empty);
                config = FolderConfigTree.Apply(config, render.Config);
                snapshots.Add(Rendered(Snapshot(block.Name, path, config, patch), text, render, block));
            }
        }

        foreach (var patch in patches.Where(p => p.Relation.Ref is not null || p.Relation.Source is not null))
        {
            if (snapshots.Any(s => s.Name == patch.Name))
            {
                continue;
            }

            var config = FolderConfigTree.Apply(project.Snapshots.Resolve([project.Name, patch.Name]), patch.Config);
            var relation = patch.Relation.Ref?.RelationName ?? patch.Relation.Source!.RelationName;
            snapshots.Add(Snapshot(patch.Name, patch.Path, config, patch) with
            {
                RenderedSql = $"select * from {relation}",
                Refs = patch.Relation.Ref is { } r ? [r] : [],
                Sources = patch.Relation.Source is { } s ? [s] : [],
            });
        }

        return snapshots;
    }

    /// <summary>
    /// The SQL of snapshot block <paramref name="name"/> in an unchanged file, rendered again on its own (the rendering
    /// takes no YAML); null when the file no longer holds that block.
    /// </summary>
    public DbtSnapshot? Render(string path, string name)
    {
        var text = files.ReadText(path);
        if (text is null || text.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var render = JinjaRenderer.Render(text, path, context);
        return render.Blocks.FirstOrDefault(b => b.Kind == "snapshot" && b.Name == name) is { } block
            ? Rendered(new DbtSnapshot { UniqueId = $"snapshot.{project.Name}.{name}", Name = name, Path = path }, text, render, block)
            : null;
    }

    private static DbtSnapshot Rendered(DbtSnapshot snapshot, string text, JinjaRenderResult render, JinjaBlock block) => snapshot with
    {
        RawSql = text,
        RenderedSql = block.Sql,
        SourceMap = block.SourceMap,
        Refs = render.Refs,
        Sources = render.Sources,
        StarMacros = render.StarMacros,
        RenderStatus = render.IsComplete ? RenderStatus.Complete : RenderStatus.Partial,
        Diagnostics = render.Diagnostics,
    };

    private DbtSnapshot Snapshot(string name, string path, DbtMap config, NodePatch? patch)
    {
        var uniqueId = $"snapshot.{project.Name}.{name}";
        var origin = patch is null ? path : $"{patch.Path}:{patch.Line}";
        Hints[uniqueId] = new OwnerHints(patch?.Meta ?? DbtMap.Empty, origin, config.Meta(), origin);
        return new DbtSnapshot
        {
            UniqueId = uniqueId,
            Name = name,
            Path = path,
            UniqueKey = config.List("unique_key"),
            Strategy = config.Str("strategy"),
            UpdatedAt = config.Str("updated_at"),
            CheckCols = config.List("check_cols"),
            Columns = patch?.Columns ?? [],
            Config = config,
            Meta = config.Meta().Merge(patch?.Meta),
            Group = config.Str("group"),
            Enabled = config.Flag("enabled", true),
        };
    }

    public List<DbtSeed> BuildSeeds(List<NodePatch> patches)
    {
        var seeds = new List<DbtSeed>();
        foreach (var (path, _, relative) in layout.Under(project.SeedPaths, ".csv"))
        {
            var name = ProjectLayout.FileName(path);
            var patch = patches.FirstOrDefault(p => p.Name == name);
            var fqn = new List<string> { project.Name };
            fqn.AddRange(relative.Split('/')[..^1]);
            fqn.Add(name);
            var config = FolderConfigTree.Apply(project.Seeds.Resolve(fqn), patch?.Config ?? DbtMap.Empty);
            var columnTypes = config["column_types"] as DbtMap ?? DbtMap.Empty;
            var text = files.ReadText(path);
            var header = text is null || text.Contains('\0', StringComparison.Ordinal) ? [] : HeaderRow(text);
            if (header.IsEmpty)
            {
                diagnostics.Add(new FileDiagnostic("seed-no-header", "the seed has no readable header row; its columns come from YAML only", path, 1, 1));
            }

            var yamlColumns = patch?.Columns ?? [];
            var inferred = header.IsEmpty ? [] : SeedColumnTypes.Infer(text!, header.Length, context.TargetType);
            var table = header.Select((h, i) => new RelationColumn(h, columnTypes[h]?.Text ?? inferred[i])).ToImmutableArray();
            var columns = table.Select(t => (yamlColumns.FirstOrDefault(c => c.Name.Equals(t.Name, StringComparison.OrdinalIgnoreCase)) ?? new DbtColumn { Name = t.Name }) is var c
                    && c.DataType is null ? c with { DataType = t.DataType } : c)
                .Concat(yamlColumns.Where(c => !header.Contains(c.Name, StringComparer.OrdinalIgnoreCase)));
            var uniqueId = $"seed.{project.Name}.{name}";
            var origin = patch is null ? path : $"{patch.Path}:{patch.Line}";
            Hints[uniqueId] = new OwnerHints(patch?.Meta ?? DbtMap.Empty, origin, config.Meta(), origin);
            seeds.Add(new DbtSeed
            {
                UniqueId = uniqueId,
                Name = name,
                Path = path,
                Columns = [.. columns],
                TableColumns = table,
                Config = config,
                Meta = config.Meta().Merge(patch?.Meta),
                Description = patch?.Description,
                Enabled = config.Flag("enabled", true),
                Group = config.Str("group"),
            });
        }

        return seeds;
    }

    /// <summary>The fields of the first CSV record (quoted fields, doubled quotes, BOM).</summary>
    internal static ImmutableArray<string> HeaderRow(string text)
    {
        var fields = ImmutableArray.CreateBuilder<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                break;
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString().Trim());
        }

        return fields.ToImmutable();
    }
}
