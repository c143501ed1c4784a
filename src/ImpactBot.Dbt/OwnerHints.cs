namespace ImpactBot.Dbt;

/// <summary>The two meta maps of a node kept apart so owners can say where they came from.</summary>
internal sealed record OwnerHints(DbtMap Meta, string MetaOrigin, DbtMap ConfigMeta, string ConfigOrigin);
