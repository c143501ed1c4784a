{#- ImpactBot's own versions of dbt_date's basic date helpers, used only when dbt_date is not installed. -#}

{% macro now(tz=none) -%}
{{ dbt_date.convert_timezone(dbt.current_timestamp(), tz) }}
{%- endmacro %}

{% macro today(tz=none) -%}
cast({{ dbt_date.now(tz) }} as date)
{%- endmacro %}

{% macro yesterday(date=none, tz=none) -%}
{{ dbt_date.n_days_ago(1, date, tz) }}
{%- endmacro %}

{% macro tomorrow(date=none, tz=none) -%}
{{ dbt_date.n_days_away(1, date, tz) }}
{%- endmacro %}

{% macro n_days_ago(n, date=none, tz=none) -%}
{%- set dt = date if date else dbt_date.today(tz) -%}
cast({{ dbt.dateadd('day', -1 * n, dt) }} as date)
{%- endmacro %}

{% macro n_days_away(n, date=none, tz=none) -%}
{{ dbt_date.n_days_ago(-1 * n, date, tz) }}
{%- endmacro %}

{% macro n_weeks_ago(n, tz=none) -%}
{{ dbt.date_trunc('week', dbt.dateadd('week', -1 * n, dbt_date.today(tz))) }}
{%- endmacro %}

{% macro n_months_ago(n, tz=none) -%}
{{ dbt.date_trunc('month', dbt.dateadd('month', -1 * n, dbt_date.today(tz))) }}
{%- endmacro %}

{% macro date_part(datepart, date) -%}
extract({{ datepart }} from {{ date }})
{%- endmacro %}

{% macro day_of_week(date, isoweek=true) -%}
{{ dbt_date.date_part('isodow' if isoweek else 'dow', date) }}
{%- endmacro %}

{% macro day_of_month(date) -%}
{{ dbt_date.date_part('day', date) }}
{%- endmacro %}

{% macro day_of_year(date) -%}
{{ dbt_date.date_part('doy', date) }}
{%- endmacro %}

{% macro day_name(date, short=True) -%}
to_char({{ date }}, '{{ "Dy" if short else "Day" }}')
{%- endmacro %}

{% macro month_name(date, short=True) -%}
to_char({{ date }}, '{{ "Mon" if short else "Month" }}')
{%- endmacro %}

{% macro week_start(date=none, tz=none) -%}
{{ dbt.date_trunc('week', date if date else dbt_date.today(tz)) }}
{%- endmacro %}

{% macro week_end(date=none, tz=none) -%}
{{ dbt.dateadd('day', 6, dbt_date.week_start(date, tz)) }}
{%- endmacro %}

{% macro iso_week_start(date=none, tz=none) -%}
{{ dbt.date_trunc('week', date if date else dbt_date.today(tz)) }}
{%- endmacro %}

{% macro convert_timezone(column, target_tz=none, source_tz=none) -%}
{%- if target_tz -%}
convert_timezone('{{ source_tz or "UTC" }}', '{{ target_tz }}', {{ column }})
{%- else -%}
{{ column }}
{%- endif -%}
{%- endmacro %}

{% macro to_unixtimestamp(timestamp) -%}
extract(epoch from {{ timestamp }})
{%- endmacro %}

{% macro from_unixtimestamp(epochs, format='seconds') -%}
to_timestamp({{ epochs }}{% if format == 'milliseconds' %} / 1000{% endif %})
{%- endmacro %}

{% macro periods_since(date_col, period_name='day', tz=none) -%}
{{ dbt.datediff(date_col, dbt_date.now(tz), period_name) }}
{%- endmacro %}
