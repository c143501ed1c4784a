namespace ImpactBot.Core.Snapshot;

/// <summary>
/// Layout of a lineage snapshot file: the magic, a format version, the engine version that built it, a string table, then
/// the assets with their columns, edges and reader inputs in length-prefixed chunks (decoded side by side), all integers
/// 7-bit encoded, and last the SHA-256 of everything before it (a cache file damaged on disk or in transit is rebuilt,
/// never misread). Binary because a 5,000-model graph must load in well under a second; versioned because old files must
/// be refused with a clear message, not misread.
/// </summary>
public static class SnapshotFormat
{
    public const string Magic = "IMPACTBOT-SNAPSHOT";

    public const int Version = 10;

    public const int ChecksumLength = 32;

    /// <summary>Assets per chunk: enough to keep a core busy, few enough to spread a large graph over every core.</summary>
    public const int AssetsPerChunk = 2048;

    /// <summary>Bump when lineage rules change, so cached snapshots built by older rules are rebuilt rather than trusted.</summary>
    public const string EngineVersion = "lineage-13";
}
