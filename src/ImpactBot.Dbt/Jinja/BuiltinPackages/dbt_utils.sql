{#- ImpactBot's own versions of dbt_utils' SQL generators, used only when dbt_utils is not installed (no `dbt deps`
    output). They produce the same output columns as dbt_utils; the installed package, when present, is exact. -#}

{% macro group_by(n) -%}
group by {% for i in range(1, n + 1) %}{{ i }}{% if not loop.last %}, {% endif %}{% endfor %}
{%- endmacro %}

{% macro get_powers_of_two(upper_bound) -%}
{%- for i in range(1, 64) -%}{%- if upper_bound <= 2 ** i -%}{{ return(i) }}{%- endif -%}{%- endfor -%}
{{ return(64) }}
{%- endmacro %}

{% macro generate_series(upper_bound) -%}
{%- set n = dbt_utils.get_powers_of_two(upper_bound) if upper_bound is number else 16 -%}
with p as (
    select 0 as generated_number union all select 1
), unioned as (
    select {% for i in range(n) %}p{{ i }}.generated_number * power(2, {{ i }}) + {% endfor %}1 as generated_number
    from {% for i in range(n) %}p as p{{ i }}{% if not loop.last %} cross join {% endif %}{% endfor %}
)
select * from unioned
where generated_number <= {{ upper_bound }}
order by generated_number
{%- endmacro %}

{% macro get_intervals_between(start_date, end_date, datepart) -%}
{{ return(dbt.datediff(start_date, end_date, datepart)) }}
{%- endmacro %}

{% macro date_spine(datepart, start_date, end_date) -%}
with rawdata as (
    {{ dbt_utils.generate_series(dbt_utils.get_intervals_between(start_date, end_date, datepart)) }}
), all_periods as (
    select ({{ dbt.dateadd(datepart, "row_number() over (order by generated_number) - 1", start_date) }}) as date_{{ datepart }}
    from rawdata
), filtered as (
    select * from all_periods
    where date_{{ datepart }} <= {{ end_date }}
)
select * from filtered
{%- endmacro %}

{% macro pivot(column, values, alias=True, agg='sum', cmp='=', prefix='', suffix='', then_value=1, else_value=0, quote_identifiers=True, distinct=False) -%}
{%- for value in values -%}
{{ agg }}({% if distinct %}distinct {% endif %}case when {{ column }} {{ cmp }} '{{ dbt.escape_single_quotes(value) }}' then {{ then_value }} else {{ else_value }} end)
{%- if alias %} as {% if quote_identifiers %}{{ adapter.quote(prefix ~ value ~ suffix) }}{% else %}{{ dbt_utils.slugify(prefix ~ value ~ suffix) }}{% endif %}{% endif %}
{%- if not loop.last %},
{% endif -%}
{%- endfor -%}
{%- endmacro %}

{% macro unpivot(relation=none, cast_to='varchar', exclude=none, remove=none, field_name='field_name', value_name='value', quote_identifiers=False, table=none) -%}
{%- set relation = relation if relation is not none else table -%}
{%- set exclude = exclude if exclude is not none else [] -%}
{%- set remove = remove if remove is not none else [] -%}
{%- set skipped = (exclude + remove) | map('lower') | list -%}
{%- set include_cols = [] -%}
{%- for col in adapter.get_columns_in_relation(relation) -%}
{%- if col.column | lower not in skipped %}{% do include_cols.append(col.column) %}{% endif -%}
{%- endfor -%}
{%- for col in include_cols %}
select
    {% for exclude_col in exclude %}{{ exclude_col }},
    {% endfor %}cast('{{ col }}' as {{ dbt.type_string() }}) as {{ field_name }},
    cast({{ col }} as {{ cast_to }}) as {{ value_name }}
from {{ relation }}
{% if not loop.last %}union all{% endif -%}
{%- endfor -%}
{%- endmacro %}

{% macro union_relations(relations, column_override=none, include=[], exclude=[], source_column_name='_dbt_source_relation', where=none) -%}
{%- set includes = include | map('lower') | list -%}
{%- set excludes = exclude | map('lower') | list -%}
{%- if relations is impactbot_warehouse_only -%}
{#- Relations only the warehouse lists (get_relations_by_pattern, a query of information_schema): one stand-in
    relation with unknown columns takes their place, so the model keeps its place in the graph and its readers infer
    the columns they read; the relations known besides them join by name, as union_relations aligns columns. -#}
{%- set stand_in = '__warehouse__.' ~ this.identifier ~ '__relations' %}
select
    {%- if source_column_name is not none %}
    cast('{{ stand_in }}' as {{ dbt.type_string() }}) as {{ source_column_name }},
    {%- endif %}
    *
from {{ stand_in }}
{% if where %}where {{ where }}{% endif %}
{%- for relation in relations | impactbot_known_items %}
{%- set names = [] -%}
{%- for col in adapter.get_columns_in_relation(relation) -%}
  {%- if (not includes or col.column | lower in includes) and col.column | lower not in excludes %}{% do names.append(col.column) %}{% endif -%}
{%- endfor %}
union all by name
select
    {%- if source_column_name is not none %}
    cast('{{ relation }}' as {{ dbt.type_string() }}) as {{ source_column_name }},
    {%- endif %}
    {% if names %}{{ names | join(', ') }}{% else %}*{% endif %}
from {{ relation }}
{% if where %}where {{ where }}{% endif %}
{%- endfor -%}
{%- else -%}
{%- set relation_columns = {} -%}
{%- set superset = [] -%}
{%- for relation in relations -%}
  {%- set names = [] -%}
  {%- for col in adapter.get_columns_in_relation(relation) -%}
    {%- if (not includes or col.column | lower in includes) and col.column | lower not in excludes -%}
      {%- do names.append(col.column) -%}
      {%- if col.column not in superset %}{% do superset.append(col.column) %}{% endif -%}
    {%- endif -%}
  {%- endfor -%}
  {%- do relation_columns.update({relation: names}) -%}
{%- endfor -%}
{%- for relation in relations %}
(
    select
        {%- if source_column_name is not none %}
        cast('{{ relation }}' as {{ dbt.type_string() }}) as {{ source_column_name }},
        {%- endif %}
        {%- if not superset %}
        *
        {%- endif %}
        {%- for name in superset %}
        {{ name if name in relation_columns[relation] else 'null' }} as {{ name }}{% if not loop.last %},{% endif %}
        {%- endfor %}
    from {{ relation }}
    {% if where %}where {{ where }}{% endif %}
)
{% if not loop.last %}union all{% endif -%}
{%- endfor -%}
{%- endif -%}
{%- endmacro %}

{% macro deduplicate(relation, partition_by, order_by) -%}
{%- if target.type in ['snowflake', 'bigquery', 'databricks', 'spark', 'duckdb'] -%}
select *
from {{ relation }}
qualify row_number() over (partition by {{ partition_by }} order by {{ order_by }}) = 1
{%- elif target.type in ['postgres', 'redshift'] -%}
select distinct on ({{ partition_by }}) *
from {{ relation }} as tt
order by {{ partition_by }}{{ ',' ~ order_by }}
{%- else -%}
with row_numbered as (
    select _inner.*, row_number() over (partition by {{ partition_by }} order by {{ order_by }}) as rn
    from {{ relation }} as _inner
)
select distinct data.*
from {{ relation }} as data
natural join row_numbered
where row_numbered.rn = 1
{%- endif -%}
{%- endmacro %}

{% macro get_filtered_columns_in_relation(from, except=[]) -%}
{%- set excluded = except | map('lower') | list -%}
{%- set names = [] -%}
{%- for col in adapter.get_columns_in_relation(from) -%}
{%- if col.column | lower not in excluded %}{% do names.append(col.column) %}{% endif -%}
{%- endfor -%}
{{ return(names) }}
{%- endmacro %}

{% macro get_column_values(table, column, order_by='count(*) desc', max_records=none, default=none, where=none) -%}
{{ return(run_query('select distinct ' ~ column ~ ' from ' ~ table)) }}
{%- endmacro %}

{% macro get_relations_by_pattern(schema_pattern, table_pattern, exclude='', database=target.database) -%}
{{ return(run_query('information_schema.tables')) }}
{%- endmacro %}

{% macro get_relations_by_prefix(schema, prefix, exclude='', database=target.database) -%}
{{ return(run_query('information_schema.tables')) }}
{%- endmacro %}

{% macro get_single_value(query, default=none) -%}
{{ return(run_query(query)) }}
{%- endmacro %}

{% macro get_query_results_as_dict(query) -%}
{{ return(run_query(query)) }}
{%- endmacro %}

{% macro safe_add(field_list) -%}
{%- for field in field_list -%}coalesce({{ field }}, 0){% if not loop.last %} + {% endif %}{%- endfor -%}
{%- endmacro %}

{% macro safe_subtract(field_list) -%}
{%- for field in field_list -%}coalesce({{ field }}, 0){% if not loop.last %} - {% endif %}{%- endfor -%}
{%- endmacro %}

{% macro safe_divide(numerator, denominator) -%}
( {{ numerator }} ) / nullif( ( {{ denominator }} ), 0)
{%- endmacro %}

{% macro nullcheck(cols) -%}
{%- for col in cols -%}nullif({{ col.name }}, '') as {{ col.name }}{% if not loop.last %},
{% endif %}{%- endfor -%}
{%- endmacro %}

{% macro slugify(string) -%}
{%- set string = modules.re.sub('[ -]+', '_', string) -%}
{%- set string = modules.re.sub('[^a-z0-9_]+', '', string | lower) -%}
{{ return('_' ~ string if modules.re.match('[0-9]', string) else string) }}
{%- endmacro %}

{% macro get_url_host(field) -%}
split_part(split_part(replace(replace(replace({{ field }}, 'android-app://', ''), 'http://', ''), 'https://', ''), '/', 1), '?', 1)
{%- endmacro %}

{% macro get_url_path(field) -%}
split_part(split_part(replace(replace({{ field }}, 'http://', ''), 'https://', ''), '?', 1), '/', 2)
{%- endmacro %}

{% macro get_url_parameter(field, url_parameter) -%}
nullif(split_part(split_part({{ field }}, '{{ url_parameter }}=', 2), '&', 1), '')
{%- endmacro %}

{% macro width_bucket(expr, min_value, max_value, num_buckets) -%}
width_bucket({{ expr }}, {{ min_value }}, {{ max_value }}, {{ num_buckets }})
{%- endmacro %}

{% macro haversine_distance(lat1, lon1, lat2, lon2, unit='mi') -%}
{%- set factor = 1.60934 if unit == 'km' else 1 -%}
2 * 3961 * asin(sqrt(power((sin(radians(({{ lat2 }} - {{ lat1 }}) / 2))), 2) + cos(radians({{ lat1 }})) * cos(radians({{ lat2 }})) * power((sin(radians(({{ lon2 }} - {{ lon1 }}) / 2))), 2))) * {{ factor }}
{%- endmacro %}

{% macro pretty_time(format='%H:%M:%S') -%}
{{ return(modules.datetime.datetime.now().strftime(format)) }}
{%- endmacro %}

{% macro log_info(message) -%}
{%- endmacro %}
