using System.Text;
using ImpactBot.Core.Files;
using ImpactBot.Sql.Text;

namespace ImpactBot.Dbt.Jinja;

/// <summary>dbt's <c>adapter</c> object at compile time: <c>dispatch</c>, quoting, and the column questions answered from what is known.</summary>
internal sealed partial class RenderSession
{
    private object? Adapter(string name, EvaluatedArgs args, int pos)
    {
        switch (name)
        {
            case "dispatch":
                return Dispatch(args, pos);
            case "type":
                return _context.TargetType;
            case "quote" or "quote_seed_column" or "quote_as_configured":
                var identifier = JinjaValues.Print(args.Get(0, "identifier"));
                return name == "quote" ? Quote(identifier) : identifier;
            case "get_columns_in_relation" or "get_columns_in_table":
                return Columns(args.Get(0, "relation"), name, pos);
            case "get_relation" or "load_relation" or "load_cached_relation":
                return Relation(name, args, pos);
            case "get_missing_columns" or "already_exists" or "check_schema_exists" or "list_relations_without_caching"
                or "list_relations" or "get_partitions_metadata" or "execute" or "get_table_options" or "get_view_options":
                return NeedsWarehouse("adapter." + name, pos);
            case "expand_target_column_types" or "drop_relation" or "create_schema" or "drop_schema" or "rename_relation" or "truncate_relation"
                or "cache_added" or "cache_dropped" or "cache_renamed" or "commit" or "add_query":
                return "";
            default:
                return Unknown("adapter." + name, args, pos);
        }
    }

    /// <summary>
    /// <c>adapter.get_relation(database, schema, identifier)</c> as <c>dbt compile</c> answers it once the project has
    /// run: the model, seed, snapshot or source of this project with that identifier. The model being compiled is
    /// answered as on its first build (none), as <c>is_incremental()</c> is false; a name the project does not
    /// define needs the warehouse.
    /// </summary>
    private object? Relation(string name, EvaluatedArgs args, int pos)
    {
        var (schema, identifier) = args.Get(0, "relation") is RelationValue given
            ? (JinjaValues.Print(Attribute(given, "schema")), given.Identifier)
            : (args.Get(1, "schema") is string s ? s : null, args.Get(2, "identifier") is string i ? i : null);
        if (identifier is null)
        {
            return NeedsWarehouse("adapter." + name, pos);
        }

        if (string.Equals(identifier, _context.ThisName, StringComparison.OrdinalIgnoreCase)
            && (schema is null || string.Equals(schema, _context.TargetSchema, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return (object?)ProjectRelation(schema, identifier) ?? NeedsWarehouse("adapter." + name, pos);
    }

    private RelationValue? ProjectRelation(string? schema, string identifier)
    {
        _usesGraph = true;
        if (_context.Graph?.Value is not { } graph)
        {
            return null;
        }

        static bool Same(object? value, string? text) => text is null || string.Equals(value as string, text, StringComparison.OrdinalIgnoreCase);
        if (graph["nodes"] is Dictionary<string, object?> nodes)
        {
            // Nodes of one alias in two schemas: the one in the schema asked for, else the first.
            var named = nodes.Values.OfType<Dictionary<string, object?>>()
                .Where(n => n.GetValueOrDefault("resource_type") is "model" or "seed" or "snapshot" && n.GetValueOrDefault("name") is string
                    && (Same(n.GetValueOrDefault("alias"), identifier) || Same(n.GetValueOrDefault("name"), identifier)))
                .ToList();
            if ((named.Find(n => Same(n.GetValueOrDefault("schema"), schema)) ?? named.FirstOrDefault()) is { } node)
            {
                var nodeName = (string)node["name"]!;
                var reference = new DbtRef(nodeName, null, null, 0);
                return Relation(reference.RelationName, nodeName, reference, null);
            }
        }

        if (graph["sources"] is Dictionary<string, object?> sources)
        {
            foreach (var source in sources.Values.OfType<Dictionary<string, object?>>())
            {
                if (source.GetValueOrDefault("source_name") is string sourceName && source.GetValueOrDefault("name") is string table
                    && (Same(Written(source, "identifier"), identifier) || Same(table, identifier))
                    && (Same(Written(source, "schema"), schema) || Same(sourceName, schema)))
                {
                    var reference = new DbtSourceRef(sourceName, table, 0);
                    return Relation(reference.RelationName, table, null, reference);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A seed whose columns this render does not know (a read of the changed files alone reads no seed) is asked for,
    /// as a model's are, so that the caller reads the whole project, where every seed's columns are known.
    /// </summary>
    private void AskIfUnknownSeed(RelationValue relation)
    {
        if (_context.Seeds?.Contains(relation.Sql) == true && !_context.RelationColumns.ContainsKey(relation.Sql))
        {
            _columnsAsked.Add(relation.Sql);
        }
    }

    /// <summary>
    /// <c>dbt_utils.get_relations_by_pattern(schema_pattern, table_pattern, exclude, database)</c> and
    /// <c>get_relations_by_prefix(schema, prefix, exclude, database)</c>: the warehouse's tables whose schema and name
    /// match (<c>ilike</c>). Those this project builds or declares (not the model being compiled, nor an ephemeral one)
    /// are known when their columns are (seeds, catalog.json, declared source columns); the warehouse may hold more, so the answer is a warehouse's with those items known for certain (a
    /// union over it reads them and one stand-in relation for the rest). Null when none of the project's match: the
    /// query then needs the warehouse.
    /// </summary>
    private UnknownValue? RelationsLike(string name, EvaluatedArgs args, int pos)
    {
        var byPrefix = name.EndsWith("prefix", StringComparison.Ordinal);
        if (args.Get(0, byPrefix ? "schema" : "schema_pattern") is not string schemaPattern
            || args.Get(1, byPrefix ? "prefix" : "table_pattern") is not string tablePattern
            || args.Get(2, "exclude") is not (string or null or Undefined) || args.Get(3, "database") is not (string or null or Undefined))
        {
            return null;
        }

        _usesGraph = true;
        var exclude = args.Get(2, "exclude") as string ?? "";
        var database = args.Get(3, "database") as string ?? _context.TargetDatabase;
        var (schema, table) = (Like(schemaPattern), Like(byPrefix ? tablePattern + "%" : tablePattern));
        var excluded = exclude.Length > 0 ? Like(exclude) : null;
        bool Matches(object? db, object? sch, object? identifier) =>
            (db is not string d || string.Equals(d, database, StringComparison.OrdinalIgnoreCase)) && sch is string s && schema.IsMatch(s)
            && identifier is string i && table.IsMatch(i) && excluded?.IsMatch(i) != true;

        var found = new List<RelationValue>();
        if (_context.Graph?.Value is not { } graph || graph["nodes"] is not Dictionary<string, object?> nodes)
        {
            return null;
        }

        foreach (var node in nodes.Values.OfType<Dictionary<string, object?>>().OrderBy(n => n.GetValueOrDefault("name") as string, StringComparer.Ordinal))
        {
            var config = node.GetValueOrDefault("config") as Dictionary<string, object?>;
            if (node.GetValueOrDefault("resource_type") is "model" or "seed" or "snapshot" && node.GetValueOrDefault("name") is string nodeName
                && !string.Equals(nodeName, _context.ThisName, StringComparison.OrdinalIgnoreCase)
                && config?.GetValueOrDefault("enabled") is not false && config?.GetValueOrDefault("materialized") is not "ephemeral"
                && Matches(node.GetValueOrDefault("database"), node.GetValueOrDefault("schema"), node.GetValueOrDefault("alias")))
            {
                var reference = new DbtRef(nodeName, null, null, 0);
                found.Add(Relation(reference.RelationName, nodeName, reference, null));
            }
        }

        foreach (var source in (graph["sources"] as Dictionary<string, object?>)?.Values.OfType<Dictionary<string, object?>>() ?? [])
        {
            if (source.GetValueOrDefault("source_name") is string sourceName && source.GetValueOrDefault("name") is string sourceTable
                && Matches(Written(source, "database"), Written(source, "schema") ?? sourceName, Written(source, "identifier") ?? sourceTable))
            {
                var reference = new DbtSourceRef(sourceName, sourceTable, 0);
                found.Add(Relation(reference.RelationName, sourceTable, null, reference));
            }
        }

        // Relations whose columns only the warehouse has read better as the one stand-in relation a union takes for them.
        if (found.Count == 0 || found.Exists(r => !_context.RelationColumns.ContainsKey(r.Sql)))
        {
            return null;
        }

        Report("needs-warehouse", $"'{name}' is answered with this project's {found.Count} matching relation(s); the warehouse may hold more", pos, partial: false);
        return new UnknownValue("") { Origin = name, Known = [.. found] };
    }

    /// <summary>SQL's <c>ilike</c> pattern (<c>%</c>, <c>_</c>, backslash escapes) as a regular expression.</summary>
    private static System.Text.RegularExpressions.Regex Like(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            regex.Append(pattern[i] switch
            {
                '%' => ".*",
                '_' => ".",
                '\\' when i + 1 < pattern.Length => System.Text.RegularExpressions.Regex.Escape(pattern[++i].ToString()),
                var c => System.Text.RegularExpressions.Regex.Escape(c.ToString()),
            });
        }

        return new System.Text.RegularExpressions.Regex(regex.Append('$').ToString(), System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }

    /// <summary>
    /// A source's schema or identifier as its YAML writes it; one written with Jinja (<c>"{{ var('x_schema', 'x') }}"</c>)
    /// stands for nothing here, and the source is then matched by the names <c>source()</c> answers with.
    /// </summary>
    private static string? Written(Dictionary<string, object?> source, string key) =>
        source.GetValueOrDefault(key) is string text && !text.Contains("{{", StringComparison.Ordinal) && !text.Contains("{%", StringComparison.Ordinal) ? text : null;

    private string Quote(string identifier) =>
        _context.TargetType is "bigquery" or "databricks" or "spark" ? $"`{identifier}`" : $"\"{identifier}\"";

    /// <summary>
    /// A project relation as it prints into SQL: dbt quotes relation names (BigQuery always), so a source table named
    /// <c>2022__agency</c> or <c>my-table</c> reaches the warehouse intact; the placeholder quotes such parts likewise.
    /// </summary>
    private RelationValue Relation(string name, string identifier, DbtRef? reference, DbtSourceRef? source) =>
        new(name, identifier, reference, source)
        {
            Text = string.Join('.', name.Split('.').Select(part => PlainIdentifier(part) ? part : Quote(part))),
        };

    private static bool PlainIdentifier(string part) =>
        part.Length > 0 && (char.IsAsciiLetter(part[0]) || part[0] == '_') && part.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>
    /// <c>adapter.get_columns_in_relation</c>: the columns catalog.json gives, or those of this project's node as bound
    /// (see <see cref="JinjaContext.RelationColumns"/>); without them the answer needs a warehouse, and loops over it are
    /// left out. A project node asked for is recorded, so the model renders again once that node is bound.
    /// </summary>
    private object? Columns(object? relation, string name, int pos)
    {
        if (relation is RelationValue r && _context.RelationColumns.TryGetValue(r.Sql, out var columns))
        {
            return columns.Select(c => (object?)new ColumnValue(c.Name, Quote(c.Name), AdapterTypeNames.Reported(_context.TargetType, c.DataType))).ToList();
        }

        if (relation is RelationValue { Ref: not null } or RelationValue { Source: not null })
        {
            _columnsAsked.Add(((RelationValue)relation).Sql);
        }

        return NeedsWarehouse("adapter." + name, pos);
    }

    /// <summary>
    /// dbt's <c>Column</c> methods. Of a column whose type is unknown (no warehouse), what depends on the type is unknown;
    /// <c>string_size()</c> answers 0 so that comparing sizes keeps the first column seen, as for equal sizes.
    /// </summary>
    private object? ColumnMethod(ColumnValue column, string name, EvaluatedArgs args, int pos)
    {
        switch (name)
        {
            case "string_type":
                return $"character varying({JinjaValues.Print(args.Get(0, "size"))})";
            case "numeric_type":
                var (dtype, precision, scale) = (JinjaValues.Print(args.Get(0, "dtype")), args.Get(1, "precision"), args.Get(2, "scale"));
                return precision is null or Undefined || scale is null or Undefined ? dtype : $"{dtype}({JinjaValues.Print(precision)},{JinjaValues.Print(scale)})";
        }

        if (column.Type is null)
        {
            return name is "is_string" or "is_number" or "is_numeric" or "is_integer" or "is_float" or "can_expand_to" or "literal" ? UnknownResult
                : name == "string_size" ? 0L : Unknown(name, args, pos);
        }

        return name switch
        {
            "is_string" => column.IsString,
            "is_number" => column.IsNumber,
            "is_numeric" => column.IsNumeric,
            "is_integer" => column.IsInteger,
            "is_float" => column.IsFloat,
            "string_size" => column.IsString ? column.StringSize : UnknownResult,
            "can_expand_to" => args.Get(0, "other_column") is ColumnValue { Type: not null } other
                ? column.IsString && other.IsString && other.StringSize > column.StringSize
                : UnknownResult,
            "literal" => $"{JinjaValues.Print(args.Get(0, "value"))}::{column.DataType}",
            _ => Unknown(name, args, pos),
        };
    }

    /// <summary>
    /// <c>adapter.dispatch(name, namespace)</c>: the first <c>&lt;adapter&gt;__name</c> (then its parent adapters',
    /// then <c>default__name</c>) in the namespace's search order (dbt_project.yml's <c>dispatch:</c>, else the root
    /// project then the package, else, for a namespace that names no package, every macro); dbt's own implementations
    /// are built in.
    /// </summary>
    private object? Dispatch(EvaluatedArgs args, int pos)
    {
        if (args.Get(0, "macro_name") is not string name)
        {
            return Unknown("adapter.dispatch", args, pos);
        }

        var ns = args.Get(1, "macro_namespace") is string n && n.Length > 0 ? n : null;
        var prefixes = AdapterPrefixes();
        foreach (var package in SearchOrder(ns))
        {
            foreach (var prefix in prefixes)
            {
                var candidate = $"{prefix}__{name}";
                var macro = package is null ? _context.Macros.Find(candidate, _package) : package == "dbt" ? null : _context.Macros.FindIn(package, candidate);
                if (macro is not null)
                {
                    return macro;
                }
            }
        }

        return ns is null or "dbt" ? new FunctionValue("dbt." + name)
            : BuiltinPackages.Find(ns, name) is { } builtin ? builtin
            : new FunctionValue(ns + "." + name);
    }

    private IEnumerable<string?> SearchOrder(string? ns)
    {
        if (ns is null)
        {
            return [null];
        }

        if (_context.Macros.DispatchOrder.TryGetValue(ns, out var order) && !order.IsEmpty)
        {
            return order;
        }

        if (ns != "dbt" && _context.Macros.IsNamespace(ns))
        {
            return [_context.Macros.RootPackage, ns];
        }

        // A namespace that names no package (`adapter.dispatch('least', 'macros')`): dbt searches every macro, the root
        // project's first, as for no namespace.
        return ns == "dbt" || BuiltinPackages.Has(ns) ? [ns] : [null];
    }

    /// <summary>The adapter's macro prefixes, most specific first: its own, its parents' (dbt's adapter inheritance), then <c>default</c>.</summary>
    private List<string> AdapterPrefixes()
    {
        var prefixes = new List<string>();
        for (var type = _context.TargetType; type.Length > 0; type = ParentAdapter(type))
        {
            prefixes.Add(type);
        }

        prefixes.Add("default");
        return prefixes;
    }

    private static string ParentAdapter(string type) => type switch
    {
        "redshift" or "materialize" or "greenplum" or "alloydb" => "postgres",
        "databricks" => "spark",
        "synapse" or "fabric" => "sqlserver",
        _ => "",
    };

    /// <summary>ImpactBot's own copy of a well-known package macro, for <c>pkg.name</c> when that package is not installed.</summary>
    private MacroValue? BuiltinFallback(string name, int pos)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && !_context.Macros.IsInstalled(name[..dot]) ? BuiltinPackages.Find(name[..dot], name[(dot + 1)..]) : null;
    }

    private void BuiltinUsed(MacroValue macro) =>
        NoteOnce(
            "package-macro-builtin",
            $"'{macro.Package}.{macro.Node.Name}' is ImpactBot's built-in version of the {macro.Package} macro; run `dbt deps` before ImpactBot so the installed package's macros are read and the SQL is exact",
            _callSitePos);
}
