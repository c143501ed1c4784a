using System.Collections.Frozen;
using System.Reflection;

namespace ImpactBot.Dbt.Jinja;

/// <summary>
/// ImpactBot's own versions of the most-used package macros (dbt_utils' SQL generators, dbt_date's basics, the fivetran_utils macros Fivetran's packages call), embedded in
/// the assembly and used only when a project calls them without the package installed.
/// </summary>
internal static class BuiltinPackages
{
    private static readonly Lazy<FrozenDictionary<string, FrozenDictionary<string, MacroValue>>> Packages = new(Load);

    public static bool Has(string package) => Packages.Value.ContainsKey(package);

    public static MacroValue? Find(string package, string name) =>
        Packages.Value.TryGetValue(package, out var macros) ? macros.GetValueOrDefault(name) : null;

    private static FrozenDictionary<string, FrozenDictionary<string, MacroValue>> Load()
    {
        var assembly = typeof(BuiltinPackages).Assembly;
        var packages = new Dictionary<string, FrozenDictionary<string, MacroValue>>(StringComparer.Ordinal);
        foreach (var package in new[] { "dbt_utils", "dbt_date", "fivetran_utils" })
        {
            var text = Read(assembly, $"BuiltinPackages.{package}.sql");
            var macros = JinjaMacroLibrary.ParseFiles(package, [new($"(built-in {package})", text)], null, null);
            packages[package] = macros.ToFrozenDictionary(e => e.Key, e => e.Value with { IsBuiltin = true }, StringComparer.Ordinal);
        }

        return packages.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
