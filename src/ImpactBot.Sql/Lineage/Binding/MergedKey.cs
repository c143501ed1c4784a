using ImpactBot.Sql.Syntax.Ast;

namespace ImpactBot.Sql.Lineage.Binding;

/// <summary>A USING/NATURAL join key: an unqualified reference reads it from the sides <see cref="ResolvesTo"/> lists.</summary>
internal sealed class MergedKey(Identifier name, List<Edge> resolvesTo, string fingerprint)
{
    public Identifier Name { get; } = name;

    public List<Edge> ResolvesTo { get; } = resolvesTo;

    public string Fingerprint { get; } = fingerprint;

    /// <summary>Source indexes that hold the key; SELECT * lists it once, first, and skips it in these sources.</summary>
    public List<int> Holders { get; } = [];
}
