using System.Collections.Immutable;
using ImpactBot.Core.Graph;
using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Syntax;

namespace ImpactBot.Dbt;

/// <summary>
/// The fingerprint of what a model's <c>is_incremental()</c> branches add on an incremental run, so that a change
/// there is a change even though the model's SQL is read as a first build. Compared as the dialect's tokens: comments,
/// spacing and the case of words do not count; string literals and quoted names do.
/// </summary>
internal static class IncrementalFilter
{
    public static string? Fingerprint(ImmutableArray<string> predicates, DialectFacts dialect) =>
        predicates.IsEmpty ? null : ContentHash.Of(string.Join("\n", predicates.Select(p => SqlTokenText.Normalize(p, dialect))));
}
