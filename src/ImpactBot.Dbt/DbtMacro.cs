using System.Collections.Immutable;

namespace ImpactBot.Dbt;

/// <summary>A <c>{% macro %}</c> defined in the project's macro paths.</summary>
public sealed record DbtMacro(string Name, string Path, int Line, ImmutableArray<string> Parameters);
