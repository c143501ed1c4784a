using System.Collections.Frozen;
using System.Collections.Immutable;
using ImpactBot.Core.Files;

namespace ImpactBot.Dbt.Jinja;

/// <summary>The <c>{% macro %}</c> definitions of a project's macro files, parsed once and shared by every render.</summary>
public sealed class JinjaMacroLibrary
{
    public static readonly JinjaMacroLibrary Empty = new(FrozenDictionary<string, MacroValue>.Empty, [], []);

    private readonly FrozenDictionary<string, MacroValue> _macros;

    private JinjaMacroLibrary(FrozenDictionary<string, MacroValue> macros, ImmutableArray<DbtMacro> definitions, ImmutableArray<FileDiagnostic> diagnostics)
    {
        _macros = macros;
        Definitions = definitions;
        Diagnostics = diagnostics;
    }

    /// <summary>Every macro defined, in file order.</summary>
    public ImmutableArray<DbtMacro> Definitions { get; }

    public ImmutableArray<FileDiagnostic> Diagnostics { get; }

    /// <summary>Parses macro files given as (path, text). A later definition of the same name replaces an earlier one.</summary>
    public static JinjaMacroLibrary Parse(IEnumerable<KeyValuePair<string, string>> files)
    {
        var macros = new Dictionary<string, MacroValue>(StringComparer.Ordinal);
        var definitions = ImmutableArray.CreateBuilder<DbtMacro>();
        var diagnostics = ImmutableArray.CreateBuilder<FileDiagnostic>();
        foreach (var (path, text) in files)
        {
            var lines = new LineMap(text);
            foreach (var node in TemplateParser.Parse(text))
            {
                var (line, column) = lines.Locate(node.Pos);
                if (node is MacroNode macro)
                {
                    macros[macro.Name] = new MacroValue(macro, path);
                    definitions.Add(new DbtMacro(macro.Name, path, line, [.. macro.Parameters.Select(p => p.Name)]));
                }
                else if (node is ErrorNode error)
                {
                    diagnostics.Add(new FileDiagnostic("jinja-syntax", error.Message, path, line, column));
                }
            }
        }

        return new JinjaMacroLibrary(macros.ToFrozenDictionary(StringComparer.Ordinal), definitions.ToImmutable(), diagnostics.ToImmutable());
    }

    internal MacroValue? Find(string name) => _macros.GetValueOrDefault(name);
}
