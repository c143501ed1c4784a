using System.Collections.Frozen;

namespace ImpactBot.Sql.Syntax.Lexing;

/// <summary>Keyword lookup without allocating, and which keywords the grammar reserves.</summary>
internal static class Keywords
{
    private const byte Reserved = 1;
    private const byte NoAlias = 2;
    private const byte Clause = 4;

    private static readonly FrozenDictionary<string, Keyword> ByName = new Dictionary<string, Keyword>(StringComparer.OrdinalIgnoreCase)
    {
        ["ALL"] = Keyword.All,
        ["AND"] = Keyword.And,
        ["ANTI"] = Keyword.Anti,
        ["ANY"] = Keyword.Any,
        ["ARRAY"] = Keyword.Array,
        ["AS"] = Keyword.As,
        ["ASC"] = Keyword.Asc,
        ["ASOF"] = Keyword.Asof,
        ["AT"] = Keyword.At,
        ["BEFORE"] = Keyword.Before,
        ["BETWEEN"] = Keyword.Between,
        ["BOTH"] = Keyword.Both,
        ["BY"] = Keyword.By,
        ["CASE"] = Keyword.Case,
        ["CAST"] = Keyword.Cast,
        ["CHANGES"] = Keyword.Changes,
        ["COLLATE"] = Keyword.Collate,
        ["CONNECT"] = Keyword.Connect,
        ["CREATE"] = Keyword.Create,
        ["CROSS"] = Keyword.Cross,
        ["CUBE"] = Keyword.Cube,
        ["CURRENT"] = Keyword.Current,
        ["DATE"] = Keyword.Date,
        ["DEFAULT"] = Keyword.Default,
        ["DELETE"] = Keyword.Delete,
        ["DESC"] = Keyword.Desc,
        ["DISTINCT"] = Keyword.Distinct,
        ["DIV"] = Keyword.Div,
        ["ELSE"] = Keyword.Else,
        ["END"] = Keyword.End,
        ["ESCAPE"] = Keyword.Escape,
        ["EXCEPT"] = Keyword.Except,
        ["EXCLUDE"] = Keyword.Exclude,
        ["EXISTS"] = Keyword.Exists,
        ["EXTRACT"] = Keyword.Extract,
        ["FALSE"] = Keyword.False,
        ["FETCH"] = Keyword.Fetch,
        ["FILTER"] = Keyword.Filter,
        ["FIRST"] = Keyword.First,
        ["FOLLOWING"] = Keyword.Following,
        ["FOR"] = Keyword.For,
        ["FROM"] = Keyword.From,
        ["FULL"] = Keyword.Full,
        ["GLOBAL"] = Keyword.Global,
        ["GROUP"] = Keyword.Group,
        ["GROUPING"] = Keyword.Grouping,
        ["GROUPS"] = Keyword.Groups,
        ["HAVING"] = Keyword.Having,
        ["IF"] = Keyword.If,
        ["IGNORE"] = Keyword.Ignore,
        ["ILIKE"] = Keyword.Ilike,
        ["IN"] = Keyword.In,
        ["INCLUDE"] = Keyword.Include,
        ["INNER"] = Keyword.Inner,
        ["INSERT"] = Keyword.Insert,
        ["INTERSECT"] = Keyword.Intersect,
        ["INTERVAL"] = Keyword.Interval,
        ["INTO"] = Keyword.Into,
        ["IS"] = Keyword.Is,
        ["ISNULL"] = Keyword.Isnull,
        ["JOIN"] = Keyword.Join,
        ["LAST"] = Keyword.Last,
        ["LATERAL"] = Keyword.Lateral,
        ["LEADING"] = Keyword.Leading,
        ["LEFT"] = Keyword.Left,
        ["LIKE"] = Keyword.Like,
        ["LIMIT"] = Keyword.Limit,
        ["LOCAL"] = Keyword.Local,
        ["MATCHED"] = Keyword.Matched,
        ["MATERIALIZED"] = Keyword.Materialized,
        ["MERGE"] = Keyword.Merge,
        ["MINUS"] = Keyword.Minus,
        ["NAME"] = Keyword.Name,
        ["NATURAL"] = Keyword.Natural,
        ["NEXT"] = Keyword.Next,
        ["NOT"] = Keyword.Not,
        ["NOTNULL"] = Keyword.Notnull,
        ["NULL"] = Keyword.Null,
        ["NULLS"] = Keyword.Nulls,
        ["OF"] = Keyword.Of,
        ["OFFSET"] = Keyword.Offset,
        ["ON"] = Keyword.On,
        ["ONLY"] = Keyword.Only,
        ["OR"] = Keyword.Or,
        ["ORDER"] = Keyword.Order,
        ["ORDINALITY"] = Keyword.Ordinality,
        ["OUTER"] = Keyword.Outer,
        ["OVER"] = Keyword.Over,
        ["OVERWRITE"] = Keyword.Overwrite,
        ["PARTITION"] = Keyword.Partition,
        ["PERCENT"] = Keyword.Percent,
        ["PIVOT"] = Keyword.Pivot,
        ["PRECEDING"] = Keyword.Preceding,
        ["QUALIFY"] = Keyword.Qualify,
        ["RANGE"] = Keyword.Range,
        ["RECURSIVE"] = Keyword.Recursive,
        ["REGEXP"] = Keyword.Regexp,
        ["RENAME"] = Keyword.Rename,
        ["REPLACE"] = Keyword.Replace,
        ["RESPECT"] = Keyword.Respect,
        ["RIGHT"] = Keyword.Right,
        ["RLIKE"] = Keyword.Rlike,
        ["ROLLUP"] = Keyword.Rollup,
        ["ROW"] = Keyword.Row,
        ["ROWS"] = Keyword.Rows,
        ["SAFE_CAST"] = Keyword.SafeCast,
        ["SAMPLE"] = Keyword.Sample,
        ["SECURE"] = Keyword.Secure,
        ["SELECT"] = Keyword.Select,
        ["SEMI"] = Keyword.Semi,
        ["SET"] = Keyword.Set,
        ["SETS"] = Keyword.Sets,
        ["SIMILAR"] = Keyword.Similar,
        ["SOME"] = Keyword.Some,
        ["SOURCE"] = Keyword.Source,
        ["STRUCT"] = Keyword.Struct,
        ["SYSTEM_TIME"] = Keyword.SystemTime,
        ["SYSTEM_VERSION"] = Keyword.SystemVersion,
        ["TABLE"] = Keyword.Table,
        ["TABLESAMPLE"] = Keyword.Tablesample,
        ["TARGET"] = Keyword.Target,
        ["TEMP"] = Keyword.Temp,
        ["TEMPORARY"] = Keyword.Temporary,
        ["THEN"] = Keyword.Then,
        ["TIES"] = Keyword.Ties,
        ["TIME"] = Keyword.Time,
        ["TIMESTAMP"] = Keyword.Timestamp,
        ["TO"] = Keyword.To,
        ["TOP"] = Keyword.Top,
        ["TRAILING"] = Keyword.Trailing,
        ["TRANSIENT"] = Keyword.Transient,
        ["TRUE"] = Keyword.True,
        ["TRY_CAST"] = Keyword.TryCast,
        ["UNBOUNDED"] = Keyword.Unbounded,
        ["UNION"] = Keyword.Union,
        ["UNKNOWN"] = Keyword.Unknown,
        ["UNNEST"] = Keyword.Unnest,
        ["UNPIVOT"] = Keyword.Unpivot,
        ["UPDATE"] = Keyword.Update,
        ["USING"] = Keyword.Using,
        ["VALUE"] = Keyword.Value,
        ["VALUES"] = Keyword.Values,
        ["VERSION"] = Keyword.Version,
        ["VIEW"] = Keyword.View,
        ["VOLATILE"] = Keyword.Volatile,
        ["WHEN"] = Keyword.When,
        ["WHERE"] = Keyword.Where,
        ["WINDOW"] = Keyword.Window,
        ["WITH"] = Keyword.With,
        ["WITHIN"] = Keyword.Within,
        ["WITHOUT"] = Keyword.Without,
        ["ZONE"] = Keyword.Zone,
        ["APPLY"] = Keyword.Apply,
        ["GLOB"] = Keyword.Glob,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, Keyword>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly int MaxLength = ByName.Keys.Max(k => k.Length);

    private static readonly byte[] Flags = BuildFlags();

    public static Keyword Lookup(ReadOnlySpan<char> word) =>
        word.Length <= MaxLength && BySpan.TryGetValue(word, out var keyword) ? keyword : Keyword.None;

    /// <summary>Never a bare column name nor an implicit alias.</summary>
    public static bool IsReserved(Keyword keyword) => (Flags[(int)keyword] & Reserved) != 0;

    /// <summary>May not be taken as an alias written without AS.</summary>
    public static bool IsNoImplicitAlias(Keyword keyword) => (Flags[(int)keyword] & (Reserved | NoAlias)) != 0;

    /// <summary>Starts a clause or a set operation: a recovery sync point.</summary>
    public static bool IsClause(Keyword keyword) => (Flags[(int)keyword] & Clause) != 0;

    private static byte[] BuildFlags()
    {
        var flags = new byte[Enum.GetValues<Keyword>().Length];
        flags[(int)Keyword.All] |= Reserved;
        flags[(int)Keyword.And] |= Reserved;
        flags[(int)Keyword.Any] |= Reserved;
        flags[(int)Keyword.As] |= Reserved;
        flags[(int)Keyword.Between] |= Reserved;
        flags[(int)Keyword.By] |= Reserved;
        flags[(int)Keyword.Case] |= Reserved;
        flags[(int)Keyword.Cross] |= Reserved;
        flags[(int)Keyword.Distinct] |= Reserved;
        flags[(int)Keyword.Else] |= Reserved;
        flags[(int)Keyword.End] |= Reserved;
        flags[(int)Keyword.Except] |= Reserved;
        flags[(int)Keyword.Exists] |= Reserved;
        flags[(int)Keyword.False] |= Reserved;
        flags[(int)Keyword.For] |= Reserved;
        flags[(int)Keyword.From] |= Reserved;
        flags[(int)Keyword.Full] |= Reserved;
        flags[(int)Keyword.Glob] |= Reserved;
        flags[(int)Keyword.Group] |= Reserved;
        flags[(int)Keyword.Having] |= Reserved;
        flags[(int)Keyword.Ilike] |= Reserved;
        flags[(int)Keyword.In] |= Reserved;
        flags[(int)Keyword.Inner] |= Reserved;
        flags[(int)Keyword.Intersect] |= Reserved;
        flags[(int)Keyword.Into] |= Reserved;
        flags[(int)Keyword.Is] |= Reserved;
        flags[(int)Keyword.Join] |= Reserved;
        flags[(int)Keyword.Lateral] |= Reserved;
        flags[(int)Keyword.Left] |= Reserved;
        flags[(int)Keyword.Like] |= Reserved;
        flags[(int)Keyword.Limit] |= Reserved;
        flags[(int)Keyword.Natural] |= Reserved;
        flags[(int)Keyword.Not] |= Reserved;
        flags[(int)Keyword.Null] |= Reserved;
        flags[(int)Keyword.On] |= Reserved;
        flags[(int)Keyword.Or] |= Reserved;
        flags[(int)Keyword.Order] |= Reserved;
        flags[(int)Keyword.Outer] |= Reserved;
        flags[(int)Keyword.Pivot] |= Reserved;
        flags[(int)Keyword.Qualify] |= Reserved;
        flags[(int)Keyword.Regexp] |= Reserved;
        flags[(int)Keyword.Right] |= Reserved;
        flags[(int)Keyword.Rlike] |= Reserved;
        flags[(int)Keyword.Select] |= Reserved;
        flags[(int)Keyword.Similar] |= Reserved;
        flags[(int)Keyword.Some] |= Reserved;
        flags[(int)Keyword.Then] |= Reserved;
        flags[(int)Keyword.True] |= Reserved;
        flags[(int)Keyword.Union] |= Reserved;
        flags[(int)Keyword.Unpivot] |= Reserved;
        flags[(int)Keyword.Using] |= Reserved;
        flags[(int)Keyword.When] |= Reserved;
        flags[(int)Keyword.Where] |= Reserved;
        flags[(int)Keyword.Window] |= Reserved;
        flags[(int)Keyword.With] |= Reserved;
        flags[(int)Keyword.Asc] |= NoAlias;
        flags[(int)Keyword.Desc] |= NoAlias;
        flags[(int)Keyword.Nulls] |= NoAlias;
        flags[(int)Keyword.Over] |= NoAlias;
        flags[(int)Keyword.Within] |= NoAlias;
        flags[(int)Keyword.Fetch] |= NoAlias;
        flags[(int)Keyword.Offset] |= NoAlias;
        flags[(int)Keyword.Sample] |= NoAlias;
        flags[(int)Keyword.Tablesample] |= NoAlias;
        flags[(int)Keyword.Escape] |= NoAlias;
        flags[(int)Keyword.Collate] |= NoAlias;
        flags[(int)Keyword.Connect] |= NoAlias;
        flags[(int)Keyword.Semi] |= NoAlias;
        flags[(int)Keyword.Anti] |= NoAlias;
        flags[(int)Keyword.Asof] |= NoAlias;
        flags[(int)Keyword.Apply] |= NoAlias;
        flags[(int)Keyword.Filter] |= NoAlias;
        flags[(int)Keyword.Values] |= NoAlias;
        flags[(int)Keyword.Top] |= NoAlias;
        flags[(int)Keyword.Default] |= NoAlias;
        flags[(int)Keyword.Interval] |= NoAlias;
        flags[(int)Keyword.Exclude] |= NoAlias;
        flags[(int)Keyword.Rename] |= NoAlias;
        flags[(int)Keyword.Replace] |= NoAlias;
        flags[(int)Keyword.Ignore] |= NoAlias;
        flags[(int)Keyword.Respect] |= NoAlias;
        flags[(int)Keyword.Isnull] |= NoAlias;
        flags[(int)Keyword.Notnull] |= NoAlias;
        flags[(int)Keyword.Div] |= NoAlias;
        flags[(int)Keyword.Select] |= Clause;
        flags[(int)Keyword.From] |= Clause;
        flags[(int)Keyword.Where] |= Clause;
        flags[(int)Keyword.Group] |= Clause;
        flags[(int)Keyword.Having] |= Clause;
        flags[(int)Keyword.Qualify] |= Clause;
        flags[(int)Keyword.Window] |= Clause;
        flags[(int)Keyword.Order] |= Clause;
        flags[(int)Keyword.Limit] |= Clause;
        flags[(int)Keyword.Offset] |= Clause;
        flags[(int)Keyword.Fetch] |= Clause;
        flags[(int)Keyword.Union] |= Clause;
        flags[(int)Keyword.Intersect] |= Clause;
        flags[(int)Keyword.Except] |= Clause;
        return flags;
    }
}
