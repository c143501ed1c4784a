using System.Collections.Immutable;
using ImpactBot.Core.Files;

namespace ImpactBot.Dbt;

/// <summary>What a dbt Python model declares through its <c>dbt</c> argument: refs, sources and config.</summary>
internal sealed record PythonModelCode(
    ImmutableArray<DbtRef> Refs, ImmutableArray<DbtSourceRef> Sources, DbtMap Config, bool IsComplete, ImmutableArray<FileDiagnostic> Diagnostics)
{
    /// <summary>The model with what its code declares; it has no SQL, so it keeps <see cref="DbtModel.RenderedSql"/> empty.</summary>
    public DbtModel ApplyTo(DbtModel model, string code) => model with
    {
        Language = DbtModel.Python,
        RawSql = code,
        ContentHash = PlainSqlReader.Hash(code),
        Refs = Refs,
        Sources = Sources,
        RenderStatus = IsComplete ? RenderStatus.Complete : RenderStatus.Partial,
        Diagnostics = Diagnostics,
    };
}
