using System.Collections.Frozen;
using System.Collections.Immutable;
using ImpactBot.Core.Files;

namespace ImpactBot.Dbt.Jinja;

/// <summary>
/// The <c>{% macro %}</c> definitions a render can call, parsed once and shared by every render: the root project's,
/// installed packages', and the <c>dispatch:</c> search orders of dbt_project.yml. Names resolve as dbt does: an
/// unqualified name in the calling macro's own package, then in the root project (dbt's own macros are built in);
/// a qualified name (<c>dbt_utils.star</c>) in that package, else in ImpactBot's built-in copy of it.
/// </summary>
public sealed class JinjaMacroLibrary
{
    public static readonly JinjaMacroLibrary Empty = new("", FrozenDictionary<string, MacroValue>.Empty, FrozenDictionary<string, FrozenDictionary<string, MacroValue>>.Empty, [], []);

    private readonly FrozenDictionary<string, MacroValue> _root;
    private readonly FrozenDictionary<string, FrozenDictionary<string, MacroValue>> _packages;

    private JinjaMacroLibrary(
        string rootPackage,
        FrozenDictionary<string, MacroValue> root,
        FrozenDictionary<string, FrozenDictionary<string, MacroValue>> packages,
        ImmutableArray<DbtMacro> definitions,
        ImmutableArray<FileDiagnostic> diagnostics)
    {
        RootPackage = rootPackage;
        _root = root;
        _packages = packages;
        Definitions = definitions;
        Diagnostics = diagnostics;
    }

    /// <summary>The root project's name ('' when unknown).</summary>
    public string RootPackage { get; }

    /// <summary>Every macro the root project defines, in file order (installed packages' are not the project's).</summary>
    public ImmutableArray<DbtMacro> Definitions { get; }

    public ImmutableArray<FileDiagnostic> Diagnostics { get; }

    /// <summary>Names of the installed packages.</summary>
    public IEnumerable<string> Packages => _packages.Keys;

    /// <summary><c>dispatch:</c> of dbt_project.yml: per macro namespace, the packages to search in order.</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> DispatchOrder { get; init; } = ImmutableDictionary<string, ImmutableArray<string>>.Empty;

    /// <summary>Parses root project macro files given as (path, text). A later definition of the same name replaces an earlier one.</summary>
    public static JinjaMacroLibrary Parse(IEnumerable<KeyValuePair<string, string>> files) => Parse("", files, []);

    /// <summary>Parses the root project's macro files and those of installed packages.</summary>
    public static JinjaMacroLibrary Parse(
        string rootPackage,
        IEnumerable<KeyValuePair<string, string>> files,
        IEnumerable<MacroPackage> packages,
        ImmutableDictionary<string, ImmutableArray<string>>? dispatch = null)
    {
        ArgumentNullException.ThrowIfNull(packages);
        var definitions = ImmutableArray.CreateBuilder<DbtMacro>();
        var diagnostics = ImmutableArray.CreateBuilder<FileDiagnostic>();
        var root = ParseFiles(rootPackage, files, definitions, diagnostics);
        var installed = new Dictionary<string, FrozenDictionary<string, MacroValue>>(StringComparer.Ordinal);
        foreach (var package in packages.Where(p => p.Name != rootPackage))
        {
            installed[package.Name] = ParseFiles(package.Name, package.Files, null, diagnostics);
        }

        return new JinjaMacroLibrary(rootPackage, root, installed.ToFrozenDictionary(StringComparer.Ordinal), definitions.ToImmutable(), diagnostics.ToImmutable())
        {
            DispatchOrder = dispatch ?? ImmutableDictionary<string, ImmutableArray<string>>.Empty,
        };
    }

    internal static FrozenDictionary<string, MacroValue> ParseFiles(
        string package, IEnumerable<KeyValuePair<string, string>> files, ImmutableArray<DbtMacro>.Builder? definitions, ImmutableArray<FileDiagnostic>.Builder? diagnostics)
    {
        var macros = new Dictionary<string, MacroValue>(StringComparer.Ordinal);
        foreach (var (path, text) in files)
        {
            var lines = new LineMap(text);
            foreach (var node in TemplateParser.Parse(text))
            {
                var (line, column) = lines.Locate(node.Pos);
                if (node is MacroNode macro)
                {
                    macros[macro.Name] = new MacroValue(macro, path, package);
                    definitions?.Add(new DbtMacro(macro.Name, path, line, [.. macro.Parameters.Select(p => p.Name)]));
                }
                else if (node is ErrorNode error)
                {
                    diagnostics?.Add(new FileDiagnostic("jinja-syntax", error.Message, path, line, column));
                }
            }
        }

        return macros.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>An unqualified name: the calling package's macro, then the root project's.</summary>
    internal MacroValue? Find(string name, string? localPackage = null) =>
        (localPackage is not null && localPackage != RootPackage && _packages.TryGetValue(localPackage, out var local) ? local.GetValueOrDefault(name) : null)
        ?? _root.GetValueOrDefault(name);

    /// <summary>A qualified name: the package's own macro (the root project's under its name), else the built-in copy.</summary>
    internal MacroValue? FindIn(string package, string name) =>
        package == RootPackage ? _root.GetValueOrDefault(name)
        : _packages.TryGetValue(package, out var macros) && macros.TryGetValue(name, out var macro) ? macro
        : BuiltinPackages.Find(package, name);

    /// <summary>True for a package name a template can use as a namespace.</summary>
    internal bool IsNamespace(string name) =>
        name.Length > 0 && (name == RootPackage || _packages.ContainsKey(name) || BuiltinPackages.Has(name));

    internal bool IsInstalled(string package) => package == RootPackage || _packages.ContainsKey(package);
}
