namespace ImpactBot.Dbt.Jinja;

/// <summary>An undefined name: renders as nothing and is false, as in Jinja.</summary>
internal sealed class Undefined
{
    public static readonly Undefined Instance = new();

    private Undefined()
    {
    }
}

/// <summary>A value the renderer cannot know (result of an unknown macro, a query, the environment). Renders as <see cref="Sql"/>.</summary>
internal sealed record UnknownValue(string Sql)
{
    /// <summary>Items a list only partly known holds for certain (<c>warehouse_relations + [ref('x')]</c>).</summary>
    public System.Collections.Immutable.ImmutableArray<object?> Known { get; init; } = [];

    /// <summary>The call that needs a warehouse to answer (<c>dbt_utils.get_column_values</c>), for the diagnostics of what depends on it.</summary>
    public string? Origin { get; init; }

    /// <summary>
    /// The number of items of the warehouse answer <see cref="Origin"/> names: at least one, as the answer is taken to
    /// be there (see <c>RenderSession.Holds</c>), so comparing it with 0 or 1 is decided.
    /// </summary>
    public bool IsCount { get; init; }

    /// <summary>Its <see cref="Sql"/> is a name that stands in for it in the SQL without changing lineage (an unset <c>env_var</c>'s).</summary>
    public bool StandsIn { get; init; }
}

/// <summary>
/// A relation: what <c>ref()</c>, <c>source()</c> and <c>this</c> return. <see cref="Sql"/> is its name by convention
/// (<c>__source__.s.t</c>, the key of what is known about it); <see cref="Text"/> is how it prints into SQL, with the
/// parts that are not plain identifiers quoted.
/// </summary>
internal sealed record RelationValue(string Sql, string Identifier, DbtRef? Ref, DbtSourceRef? Source)
{
    public string Text { get; init; } = Sql;
}

/// <summary>Jinja's <c>namespace()</c>: attributes a <c>{% set ns.x = ... %}</c> inside a loop can change.</summary>
internal sealed record NamespaceValue(Dictionary<string, object?> Attributes);

/// <summary>A name path not bound to a value (<c>dbt_utils.star</c>): resolved when called.</summary>
internal sealed record FunctionValue(string Name);

/// <summary>A method of a value (<c>x.items</c>, <c>'a'.upper</c>, <c>config.get</c>).</summary>
internal sealed record BoundMethod(object? Target, string Name);

/// <summary>
/// A macro defined in the template itself, the project, an installed package, or ImpactBot's built-in copy of a
/// well-known package (<see cref="IsBuiltin"/>). <see cref="Package"/> is where its unqualified calls resolve first.
/// </summary>
internal sealed record MacroValue(MacroNode Node, string Path, string Package = "")
{
    public bool IsBuiltin { get; init; }
}

/// <summary>A package's macro namespace (<c>dbt_utils</c>, the project's own name, <c>dbt</c>): its attributes are its macros.</summary>
internal sealed record PackageNamespace(string Package);
