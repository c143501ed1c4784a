namespace ImpactBot.Sql.Lineage;

/// <summary>
/// Hashes of the model-wide parts of a query, resolved like <see cref="OutputColumn.Fingerprint"/>: a change in one of
/// them changes which rows every output column holds (BRIEF.md section 4).
/// </summary>
public sealed record ClauseFingerprints(string Filter, string Join, string Grain, string Sources, string Limit)
{
    public static readonly ClauseFingerprints Empty = new("", "", "", "", "");
}
