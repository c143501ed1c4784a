using System.Collections.Frozen;

namespace ImpactBot.Sql.Dialects;

/// <summary>
/// What a dialect does differently, kept as data (as sqlglot keeps its dialect flags) so the lexer,
/// parser and binder ask a question instead of testing which dialect they are in.
/// </summary>
public sealed record DialectFacts
{
    public required SqlDialect Dialect { get; init; }

    public required string Name { get; init; }

    // Naming.
    public required IdentifierFolding ColumnFolding { get; init; }

    public required IdentifierFolding TableFolding { get; init; }

    // Lexing.

    /// <summary>Characters that open a quoted identifier, each with its closing character.</summary>
    public required FrozenDictionary<char, char> IdentifierQuotes { get; init; }

    /// <summary>"text" is a string literal, not an identifier (BigQuery, Spark).</summary>
    public bool DoubleQuotedStrings { get; init; }

    /// <summary>Backslash escapes inside '...' strings.</summary>
    public bool BackslashEscapes { get; init; }

    /// <summary>$$ ... $$ and $tag$ ... $tag$ strings.</summary>
    public bool DollarQuotedStrings { get; init; }

    /// <summary>E'...' strings with backslash escapes.</summary>
    public bool EscapeStrings { get; init; }

    /// <summary>/* /* */ */ nests.</summary>
    public bool NestedBlockComments { get; init; }

    /// <summary># starts a line comment.</summary>
    public bool HashComments { get; init; }

    /// <summary>// starts a line comment, as -- does.</summary>
    public bool SlashComments { get; init; }

    /// <summary>$1 refers to the first column of the source (Snowflake staged files, positional refs).</summary>
    public bool PositionalColumnRefs { get; init; }

    /// <summary>'''text''' and """text""" strings (BigQuery).</summary>
    public bool TripleQuotedStrings { get; init; }

    // Parsing.

    /// <summary><c>col:field.sub[0]</c> reads into semi-structured data (Snowflake, Databricks).</summary>
    public bool ColonPathAccess { get; init; }

    /// <summary><c>x -&gt; x + 1</c> inside a call is a lambda; elsewhere <c>-&gt;</c> stays a JSON operator.</summary>
    public bool ArrowLambdas { get; init; }

    /// <summary>A quoted table name with dots names several parts: <c>`proj.ds.t`</c> (BigQuery).</summary>
    public bool QuotedNamesSplitOnDots { get; init; }

    /// <summary>Unquoted table name parts may contain dashes: <c>my-project.ds.t</c> (BigQuery).</summary>
    public bool DashedTableNames { get; init; }

    /// <summary>MINUS means EXCEPT.</summary>
    public bool MinusIsExcept { get; init; }

    /// <summary>SELECT TOP n.</summary>
    public bool SelectTop { get; init; }

    /// <summary>PIVOT and UNPIVOT are statements too: <c>PIVOT t ON col USING sum(x)</c> (DuckDB).</summary>
    public bool PivotStatements { get; init; }

    /// <summary>Any type name before a string is a typed literal: <c>uint256 '0'</c>, <c>varbinary 'x'</c> (Trino, Postgres).</summary>
    public bool GenericTypedLiterals { get; init; }

    /// <summary><c>^</c> is exponentiation, binding tighter than <c>*</c> (Postgres, DuckDB); elsewhere it is XOR.</summary>
    public bool CaretIsPower { get; init; }

    // Binding.

    /// <summary>A select item may use an alias defined earlier in the same select list.</summary>
    public bool LateralColumnAliases { get; init; }

    /// <summary>WHERE may use projection aliases.</summary>
    public bool AliasesInWhere { get; init; }

    /// <summary>GROUP BY / HAVING may use projection aliases.</summary>
    public bool AliasesInGroupBy { get; init; }

    /// <summary>In GROUP BY an input column beats a projection alias of the same name (Postgres).</summary>
    public bool InputColumnsWinInGroupBy { get; init; }

    /// <summary>The alias of UNNEST names the column, not a table (BigQuery).</summary>
    public bool UnnestAliasIsColumn { get; init; }

    /// <summary>UNNEST of an array of rows gives one column per row field, and of a map a key and a value column (Trino).</summary>
    public bool UnnestExpandsRows { get; init; }

    /// <summary>MATCH_RECOGNIZE's ALL ROWS PER MATCH lists the input's columns, then the measures (Snowflake); SQL:2016
    /// and Trino list the partition and order columns, the measures, then the input's other columns.</summary>
    public bool MatchRecognizeInputColumnsFirst { get; init; }

    /// <summary>
    /// Hierarchical queries (Snowflake): <c>START WITH cond CONNECT BY [NOCYCLE] PRIOR a = b</c> after FROM, the
    /// <c>PRIOR</c> and <c>CONNECT_BY_ROOT</c> operators, and the <see cref="HierarchyPseudoColumns"/>.
    /// </summary>
    public bool HierarchicalQueries { get; init; }

    /// <summary>Columns a hierarchical query has of its own, not read from a source: the depth of a row and whether it is a leaf.</summary>
    public FrozenSet<string> HierarchyPseudoColumns { get; init; } = FrozenSet<string>.Empty;

    /// <summary><c>col.field</c> reads a struct field when <c>col</c> is not a source (BigQuery, DuckDB, Spark, Trino, Redshift SUPER).</summary>
    public bool DottedStructFields { get; init; }

    private static readonly FrozenDictionary<char, char> DoubleQuote =
        new Dictionary<char, char> { ['"'] = '"' }.ToFrozenDictionary();

    private static readonly FrozenDictionary<char, char> Backtick =
        new Dictionary<char, char> { ['`'] = '`' }.ToFrozenDictionary();

    private static readonly FrozenDictionary<char, char> DoubleQuoteOrBacktick =
        new Dictionary<char, char> { ['"'] = '"', ['`'] = '`' }.ToFrozenDictionary();

    private static readonly FrozenDictionary<char, char> Brackets =
        new Dictionary<char, char> { ['"'] = '"', ['['] = ']' }.ToFrozenDictionary();

    public static readonly DialectFacts Snowflake = new()
    {
        Dialect = SqlDialect.Snowflake,
        Name = "snowflake",
        SlashComments = true,
        HierarchicalQueries = true,
        HierarchyPseudoColumns = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "LEVEL", "CONNECT_BY_ISLEAF"),
        ColumnFolding = IdentifierFolding.Upper,
        TableFolding = IdentifierFolding.Upper,
        IdentifierQuotes = DoubleQuote,
        BackslashEscapes = true,
        DollarQuotedStrings = true,
        PositionalColumnRefs = true,
        MinusIsExcept = true,
        SelectTop = true,
        ColonPathAccess = true,
        ArrowLambdas = true,
        LateralColumnAliases = true,
        AliasesInWhere = true,
        AliasesInGroupBy = true,
        MatchRecognizeInputColumnsFirst = true,
    };

    public static readonly DialectFacts BigQuery = new()
    {
        Dialect = SqlDialect.BigQuery,
        Name = "bigquery",
        ColumnFolding = IdentifierFolding.CaseInsensitive,
        TableFolding = IdentifierFolding.Exact,
        IdentifierQuotes = Backtick,
        DoubleQuotedStrings = true,
        BackslashEscapes = true,
        HashComments = true,
        TripleQuotedStrings = true,
        QuotedNamesSplitOnDots = true,
        DashedTableNames = true,
        AliasesInGroupBy = true,
        UnnestAliasIsColumn = true,
        DottedStructFields = true,
    };

    public static readonly DialectFacts Postgres = new()
    {
        Dialect = SqlDialect.Postgres,
        Name = "postgres",
        ColumnFolding = IdentifierFolding.Lower,
        TableFolding = IdentifierFolding.Lower,
        IdentifierQuotes = DoubleQuote,
        DollarQuotedStrings = true,
        EscapeStrings = true,
        NestedBlockComments = true,
        AliasesInGroupBy = true,
        InputColumnsWinInGroupBy = true,
        CaretIsPower = true,
        GenericTypedLiterals = true,
    };

    public static readonly DialectFacts Redshift = Postgres with
    {
        Dialect = SqlDialect.Redshift,
        Name = "redshift",
        ColumnFolding = IdentifierFolding.CaseInsensitive,
        TableFolding = IdentifierFolding.CaseInsensitive,
        NestedBlockComments = false,
        MinusIsExcept = true,
        SelectTop = true,
        LateralColumnAliases = true,
        DottedStructFields = true,
    };

    public static readonly DialectFacts DuckDb = new()
    {
        Dialect = SqlDialect.DuckDb,
        Name = "duckdb",
        ColumnFolding = IdentifierFolding.CaseInsensitive,
        TableFolding = IdentifierFolding.CaseInsensitive,
        IdentifierQuotes = DoubleQuote,
        DollarQuotedStrings = true,
        EscapeStrings = true,
        NestedBlockComments = true,
        PositionalColumnRefs = true,
        ArrowLambdas = true,
        CaretIsPower = true,
        PivotStatements = true,
        LateralColumnAliases = true,
        AliasesInWhere = true,
        AliasesInGroupBy = true,
        DottedStructFields = true,
    };

    public static readonly DialectFacts Databricks = new()
    {
        Dialect = SqlDialect.Databricks,
        Name = "databricks",
        ColumnFolding = IdentifierFolding.CaseInsensitive,
        TableFolding = IdentifierFolding.CaseInsensitive,
        IdentifierQuotes = Backtick,
        DoubleQuotedStrings = true,
        BackslashEscapes = true,
        NestedBlockComments = true,
        MinusIsExcept = true,
        ColonPathAccess = true,
        ArrowLambdas = true,
        LateralColumnAliases = true,
        AliasesInGroupBy = true,
        DottedStructFields = true,
    };

    public static readonly DialectFacts Trino = new()
    {
        Dialect = SqlDialect.Trino,
        Name = "trino",
        ColumnFolding = IdentifierFolding.CaseInsensitive,
        TableFolding = IdentifierFolding.CaseInsensitive,
        IdentifierQuotes = DoubleQuote,
        ArrowLambdas = true,
        DottedStructFields = true,
        GenericTypedLiterals = true,
        UnnestExpandsRows = true,
    };

    public static readonly DialectFacts TSql = new()
    {
        Dialect = SqlDialect.TSql,
        Name = "tsql",
        ColumnFolding = IdentifierFolding.CaseInsensitive,
        TableFolding = IdentifierFolding.CaseInsensitive,
        IdentifierQuotes = Brackets,
        SelectTop = true,
        AliasesInGroupBy = false,
    };

    public static IReadOnlyList<DialectFacts> All { get; } =
        [Snowflake, BigQuery, Postgres, Redshift, DuckDb, Databricks, Trino, TSql];

    public static DialectFacts For(SqlDialect dialect) => All[(int)dialect];

    /// <summary>Finds a dialect by any name or alias of <see cref="DialectNames"/> (case-insensitive).</summary>
    public static DialectFacts? FromName(string name) => DialectNames.Parse(name) is { } dialect ? For(dialect) : null;

    /// <summary>The comparison key of a column name under this dialect's rules.</summary>
    public string ColumnKey(string text, bool quoted) => Fold(text, quoted, ColumnFolding);

    /// <summary>The comparison key of one part of a table name under this dialect's rules.</summary>
    public string TableKey(string text, bool quoted) => Fold(text, quoted, TableFolding);

    private static string Fold(string text, bool quoted, IdentifierFolding folding) => folding switch
    {
        IdentifierFolding.Upper => quoted ? text : text.ToUpperInvariant(),
        IdentifierFolding.Lower => quoted ? text : text.ToLowerInvariant(),
        IdentifierFolding.CaseInsensitive => text.ToLowerInvariant(),
        _ => text,
    };
}
