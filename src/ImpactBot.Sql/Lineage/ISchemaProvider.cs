namespace ImpactBot.Sql.Lineage;

/// <summary>Known columns of upstream tables, used to expand stars and to decide which table an unqualified name belongs to.</summary>
public interface ISchemaProvider
{
    /// <summary>
    /// Looks a table up by its name parts as written in the query (<c>["shop", "orders"]</c>).
    /// Returns the columns in order, spelled as the table defines them, or null when the table is unknown.
    /// </summary>
    IReadOnlyList<string>? FindColumns(IReadOnlyList<string> nameParts);

    /// <summary>
    /// As <see cref="FindColumns(IReadOnlyList{string})"/>, and per column whether it is only inferred from what readers of
    /// the table read (null when every column is known). Columns passed on unchanged from an inferred one stay inferred.
    /// </summary>
    IReadOnlyList<string>? FindColumns(IReadOnlyList<string> nameParts, out IReadOnlyList<bool>? inferred)
    {
        inferred = null;
        return FindColumns(nameParts);
    }

    /// <summary>
    /// Whether the columns <see cref="FindColumns(IReadOnlyList{string})"/> gives are only some of the table's (documented,
    /// not a schema): a name they do not list may still be one of the table's, read as an open read of it.
    /// </summary>
    bool IsLowerBound(IReadOnlyList<string> nameParts) => false;

    /// <summary>
    /// The owner other queries of the project give an ambiguous name of this query shape (<see cref="NameShape.Key"/>),
    /// from known columns and without conflict; null when nothing (or conflicting evidence) says.
    /// </summary>
    NameOwner? OwnerOf(string shapeKey) => null;
}
