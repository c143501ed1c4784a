using System.Collections.Immutable;
using ImpactBot.Core.Files;

namespace ImpactBot.Dbt.Analysis;

/// <summary>The repository's configuration cannot be used; the diagnostics name the file, line and key.</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(ImmutableArray<FileDiagnostic> diagnostics)
        : base(string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()))) => Diagnostics = diagnostics;

    public ConfigurationException()
    {
    }

    public ConfigurationException(string message)
        : base(message)
    {
    }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ImmutableArray<FileDiagnostic> Diagnostics { get; } = [];
}
