namespace ImpactBot.Core.Changes;

/// <summary>One column of a changed asset. For a rename <see cref="Name"/> is the old name and <see cref="NewName"/> the new one.</summary>
public sealed record ColumnChange(string Name, ColumnChangeKind Kind)
{
    public string? NewName { get; init; }

    /// <summary>For type changes: the old and new type.</summary>
    public string? From { get; init; }

    public string? To { get; init; }

    /// <summary>The column was only inferred from what readers read (its asset declares no columns).</summary>
    public bool Inferred { get; init; }
}
