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
        Mark(flags, Reserved,
            Keyword.All, Keyword.And, Keyword.Any, Keyword.As, Keyword.Between, Keyword.By, Keyword.Case,
            Keyword.Cross, Keyword.Distinct, Keyword.Else, Keyword.End, Keyword.Except, Keyword.Exists, Keyword.False,
            Keyword.For, Keyword.From, Keyword.Full, Keyword.Glob, Keyword.Group, Keyword.Having, Keyword.Ilike,
            Keyword.In, Keyword.Inner, Keyword.Intersect, Keyword.Into, Keyword.Is, Keyword.Join, Keyword.Lateral,
            Keyword.Left, Keyword.Like, Keyword.Limit, Keyword.Natural, Keyword.Not, Keyword.Null, Keyword.On,
            Keyword.Or, Keyword.Order, Keyword.Outer, Keyword.Pivot, Keyword.Qualify, Keyword.Regexp, Keyword.Right,
            Keyword.Rlike, Keyword.Select, Keyword.Similar, Keyword.Some, Keyword.Then, Keyword.True, Keyword.Union,
            Keyword.Unpivot, Keyword.Using, Keyword.When, Keyword.Where, Keyword.Window, Keyword.With);
        Mark(flags, NoAlias,
            Keyword.Asc, Keyword.Desc, Keyword.Nulls, Keyword.Over, Keyword.Within, Keyword.Fetch, Keyword.Offset,
            Keyword.Sample, Keyword.Tablesample, Keyword.Escape, Keyword.Collate, Keyword.Connect, Keyword.Semi,
            Keyword.Anti, Keyword.Asof, Keyword.Apply, Keyword.Filter, Keyword.Values, Keyword.Top, Keyword.Default,
            Keyword.Interval, Keyword.Exclude, Keyword.Rename, Keyword.Replace, Keyword.Ignore, Keyword.Respect,
            Keyword.Isnull, Keyword.Notnull, Keyword.Div);
        Mark(flags, Clause,
            Keyword.Select, Keyword.From, Keyword.Where, Keyword.Group, Keyword.Having, Keyword.Qualify,
            Keyword.Window, Keyword.Order, Keyword.Limit, Keyword.Offset, Keyword.Fetch, Keyword.Union,
            Keyword.Intersect, Keyword.Except);
        return flags;
    }

    private static void Mark(byte[] flags, byte flag, params Keyword[] keywords)
    {
        foreach (var keyword in keywords)
        {
            flags[(int)keyword] |= flag;
        }
    }
}
