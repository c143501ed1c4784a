namespace ImpactBot.Dbt.Jinja;

/// <summary>A Python <c>datetime</c> (or <c>date</c> when <see cref="IsDate"/>); <see cref="Zone"/> is null for a naive one.</summary>
internal sealed record DateTimeValue(DateTime Local, TimeZoneInfo? Zone, bool IsDate = false)
{
    public DateTimeOffset Instant => new(Local, Zone?.GetUtcOffset(Local) ?? TimeSpan.Zero);
}

/// <summary>A Python <c>timedelta</c>.</summary>
internal sealed record TimeDeltaValue(TimeSpan Span);

/// <summary>A time zone from <c>modules.pytz.timezone()</c>.</summary>
internal sealed record TimeZoneValue(TimeZoneInfo Zone, string Name);

/// <summary>A compiled regular expression (<c>modules.re.compile()</c>).</summary>
internal sealed record RegexValue(System.Text.RegularExpressions.Regex Regex);

/// <summary>A regular expression match (<c>modules.re.match()</c>).</summary>
internal sealed record RegexMatchValue(System.Text.RegularExpressions.Match Match);

/// <summary>dbt's <c>adapter</c> object: its methods are <see cref="BoundMethod"/>s resolved by name.</summary>
internal sealed record AdapterValue
{
    public static readonly AdapterValue Instance = new();
}

/// <summary>The body of a <c>{% call macro() %}...{% endcall %}</c> block, which the macro renders with <c>caller()</c>.</summary>
internal sealed record CallerValue(System.Collections.Immutable.ImmutableArray<TemplateNode> Body);

