using ImpactBot.Core.Changes;

namespace ImpactBot.Core.Report;

/// <summary>Short human wording of changes, shared by the text and markdown renderers.</summary>
internal static class ChangeText
{
    public static string Name(this ColumnChangeKind kind) => kind switch
    {
        ColumnChangeKind.Added => "added",
        ColumnChangeKind.Removed => "removed",
        ColumnChangeKind.Renamed => "renamed",
        ColumnChangeKind.Expression => "expression",
        _ => "type",
    };

    public static string Name(this AssetChangeKind kind) => kind switch
    {
        AssetChangeKind.Added => "added",
        AssetChangeKind.Removed => "removed",
        AssetChangeKind.Renamed => "renamed",
        AssetChangeKind.DocsOnly => "docs",
        AssetChangeKind.OwnersOnly => "owners",
        _ => "modified",
    };

    public static string Describe(ColumnChange column, Func<string, string> code) => column.Kind switch
    {
        ColumnChangeKind.Renamed => $"renamed {code(column.Name)} → {code(column.NewName ?? "?")}",
        ColumnChangeKind.Type => $"type {code(column.Name)} {column.From} → {column.To}",
        _ => $"{column.Kind.Name()} {code(column.Name)}{(column.Inferred ? " (inferred: its columns are not declared)" : "")}",
    };

    public static string Summary(AssetChange change, Func<string, string> code)
    {
        var parts = change.Columns.Select(c => Describe(c, code)).ToList();
        parts.AddRange(change.Rows.Select(r => r == RowChangeKind.Materialization
            ? $"materialized {change.MaterializationFrom ?? "default"} → {change.MaterializationTo ?? "default"}"
            : $"{r.Label()} changed"));
        if (change.RenamedTo is not null)
        {
            parts.Add($"now {code(change.RenamedTo)}");
        }

        return parts.Count == 0 ? change.Kind.Name() : string.Join(", ", parts);
    }
}
