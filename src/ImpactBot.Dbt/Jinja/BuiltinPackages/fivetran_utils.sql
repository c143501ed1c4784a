{#- ImpactBot's own versions of the fivetran_utils macros Fivetran's dbt packages call, written from the package's
    documented behaviour and used only when fivetran_utils is not installed (no `dbt deps` output). They produce the
    same output columns; the installed package, when present, is exact. -#}

{% macro quote_column(column) -%}
{%- if column.quote -%}
{%- if target.type in ('bigquery', 'spark', 'databricks') -%}`{{ column.name }}`
{%- elif target.type == 'snowflake' -%}"{{ column.name | upper }}"
{%- else -%}"{{ column.name }}"
{%- endif -%}
{%- else -%}{{ column.name }}
{%- endif -%}
{%- endmacro %}

{#- Every staging column: the source's own when the source has it, else a typed null under its name. -#}
{% macro fill_staging_columns(source_columns, staging_columns) -%}
{%- set source_column_names = source_columns | map(attribute='name') | map('lower') | list -%}
{%- for column in staging_columns %}
    {% if column.name | lower in source_column_names -%}
    {{ fivetran_utils.quote_column(column) }} as {{ column.alias if 'alias' in column else fivetran_utils.quote_column(column) }}
    {%- else -%}
    cast(null as {{ column.datatype }}) as {{ column.alias if 'alias' in column else fivetran_utils.quote_column(column) }}
    {%- endif %}{{ ',' if not loop.last }}
{%- endfor %}
{%- endmacro %}

{% macro add_pass_through_columns(base_columns, pass_through_var) -%}
{%- for column in pass_through_var or [] -%}
{%- if column is mapping -%}
{%- set entry = {"name": column.name, "datatype": column.datatype if column.datatype else dbt.type_string()} -%}
{%- if column.alias -%}{%- do entry.update({"alias": column.alias}) -%}{%- endif -%}
{%- do base_columns.append(entry) -%}
{%- else -%}
{%- do base_columns.append({"name": column, "datatype": dbt.type_string()}) -%}
{%- endif -%}
{%- endfor -%}
{%- endmacro %}

{% macro fill_pass_through_columns(pass_through_variable) -%}
{%- for field in var(pass_through_variable, []) or [] %}
{%- if field is mapping %}
    , {{ field.transform_sql ~ ' as ' if field.transform_sql }}{{ field.alias if field.alias else field.name }}
{%- else %}
    , {{ field }}
{%- endif %}
{%- endfor %}
{%- endmacro %}

{% macro persist_pass_through_columns(pass_through_variable, identifier=none, transform='') -%}
{%- for field in var(pass_through_variable, none) or [] %}
    , {{ transform }}({{ identifier ~ '.' if identifier }}{{ field.alias if field.alias else field.name }}) as {{ field.alias if field.alias else field.name }}
{%- endfor %}
{%- endmacro %}

{% macro calculated_fields(variable) -%}
{%- for field in var(variable, none) or [] %}
    , {{ field.transform_sql }} as {{ field.name }}
{%- endfor %}
{%- endmacro %}

{% macro remove_prefix_from_columns(columns, prefix='', exclude=[]) -%}
{%- for col in columns if col.name not in exclude -%}
{{ col.name }}{{ ' as ' ~ col.name[prefix | length:] if col.name[:prefix | length] | lower == prefix }}{{ ',' if not loop.last }}
{% endfor -%}
{%- endmacro %}

{% macro enabled_vars(vars) -%}
{%- for v in vars -%}{%- if var(v, True) == False -%}{{ return(False) }}{%- endif -%}{%- endfor -%}
{{ return(True) }}
{%- endmacro %}

{% macro enabled_vars_one_true(vars) -%}
{%- for v in vars -%}{%- if var(v, False) == True -%}{{ return(True) }}{%- endif -%}{%- endfor -%}
{{ return(False) }}
{%- endmacro %}

{% macro empty_variable_warning(variable, downstream_model) -%}
{%- endmacro %}

{#- The source_relation column a staging model adds: the connection a unioned row came from, else database.schema. -#}
{% macro source_relation(union_schema_variable='union_schemas', union_database_variable='union_databases') -%}
{%- if var(union_schema_variable, none) %}
, case
    {%- for schema in var(union_schema_variable) %}
    when lower(replace(replace(_dbt_source_relation, '"', ''), '`', '')) like '%.{{ schema | lower }}.%' then '{{ schema | lower }}'
    {%- endfor %}
  end as source_relation
{%- elif var(union_database_variable, none) %}
, case
    {%- for database in var(union_database_variable) %}
    when lower(replace(replace(_dbt_source_relation, '"', ''), '`', '')) like '%{{ database | lower }}.%' then '{{ database | lower }}'
    {%- endfor %}
  end as source_relation
{%- else %}
, cast('' as {{ dbt.type_string() }}) as source_relation
{%- endif %}
{%- endmacro %}

{% macro apply_source_relation(package_name, use_package_prefix=true) -%}
{%- set union_schemas_var = package_name ~ '_union_schemas' if use_package_prefix else 'union_schemas' -%}
{%- set union_databases_var = package_name ~ '_union_databases' if use_package_prefix else 'union_databases' -%}
{%- if var(package_name ~ '_sources', []) | length > 0 %}
, _dbt_source_relation as source_relation
{%- elif var(union_schemas_var, []) | length > 0 or var(union_databases_var, []) | length > 0 %}
{{ fivetran_utils.source_relation(union_schema_variable=union_schemas_var, union_database_variable=union_databases_var) }}
{%- else %}
, cast('{{ var(package_name ~ "_database", target.database) ~ "." ~ var(package_name ~ "_schema", package_name) }}' as {{ dbt.type_string() }}) as source_relation
{%- endif %}
{%- endmacro %}

{% macro partition_by_source_relation(package_name, has_other_partitions='yes', alias=None, package_prefix_union_variable=true) -%}
{%- set prefix_vars = package_name ~ '_' if package_prefix_union_variable else '' -%}
{%- set is_unioning = var(prefix_vars ~ 'union_schemas', []) | length > 1 or var(prefix_vars ~ 'union_databases', []) | length > 1 or var(package_name ~ '_sources', []) | length > 1 -%}
{%- set column = ('' if alias is none else alias ~ '.') ~ 'source_relation' -%}
{%- if is_unioning -%}{{ 'partition by ' ~ column if has_other_partitions == 'no' else ', ' ~ column }}{%- endif -%}
{%- endmacro %}

{#- What union_data and union_connections write for the relations they found; an empty table when there are none. -#}
{% macro union_found(relations) -%}
{%- if relations -%}
{{ dbt_utils.union_relations(relations) }}
{%- else -%}
{{ fivetran_utils.no_relation() }}
{%- endif -%}
{%- endmacro %}

{% macro no_relation() -%}
select cast(null as {{ dbt.type_string() }}) as _dbt_source_relation limit 0
{%- endmacro %}

{#- A table of one Fivetran connection, or the union of the same table over several (union_schemas / union_databases vars). -#}
{% macro union_data(table_identifier, database_variable, schema_variable, default_database, default_schema, default_variable, union_schema_variable='union_schemas', union_database_variable='union_databases') -%}
{%- if var(union_schema_variable, none) or var(union_database_variable, none) -%}
{%- set relations = [] -%}
{%- for place in var(union_schema_variable, none) or var(union_database_variable) -%}
{%- set relation = adapter.get_relation(
    database=place if not var(union_schema_variable, none) else var(database_variable, default_database),
    schema=place if var(union_schema_variable, none) else var(schema_variable, default_schema),
    identifier=table_identifier) -%}
{%- if relation is not none -%}{%- do relations.append(relation) -%}{%- endif -%}
{%- endfor -%}
{{ fivetran_utils.union_found(relations) }}
{%- else -%}
{%- set relation = adapter.get_relation(
    database=source(default_schema, table_identifier).database,
    schema=source(default_schema, table_identifier).schema,
    identifier=var(default_schema ~ '_' ~ table_identifier ~ '_identifier', table_identifier)) -%}
{%- if relation is not none -%}
select * from {{ relation }}
{%- else -%}
{{ fivetran_utils.no_relation() }}
{%- endif -%}
{%- endif -%}
{%- endmacro %}

{#- The same, for packages configured with a list of connections (the <package>_sources var). -#}
{% macro union_connections(connection_dictionary, single_source_name, single_table_name, default_identifier=single_table_name) -%}
{%- set connections = var(connection_dictionary, []) -%}
{%- set identifier_var = single_source_name ~ '_' ~ single_table_name ~ '_identifier' -%}
{%- if connections | length > 0 -%}
{%- set relations = [] -%}
{%- for connection in connections -%}
{%- set relation = adapter.get_relation(
    database=connection.database if connection.database else target.database,
    schema=connection.schema if connection.schema else single_source_name,
    identifier=var(identifier_var, default_identifier)) -%}
{%- if relation is not none -%}{%- do relations.append(relation) -%}{%- endif -%}
{%- endfor -%}
{{ fivetran_utils.union_found(relations) }}
{%- else -%}
{%- set relation = adapter.get_relation(
    database=source(single_source_name, single_table_name).database,
    schema=source(single_source_name, single_table_name).schema,
    identifier=var(identifier_var, default_identifier)) -%}
{%- if relation is not none -%}
select {{ dbt_utils.star(from=source(single_source_name, single_table_name)) }},
    '{{ source(single_source_name, single_table_name).database ~ "." ~ source(single_source_name, single_table_name).schema }}' as _dbt_source_relation
from {{ source(single_source_name, single_table_name) }} as source_table
{%- else -%}
{{ fivetran_utils.no_relation() }}
{%- endif -%}
{%- endif -%}
{%- endmacro %}

{#- SQL functions whose spelling differs by warehouse; dispatched so a project's own <adapter>__name still wins. -#}
{% macro string_agg(field_to_agg, delimiter) -%}
{{ return(adapter.dispatch('string_agg', 'fivetran_utils')(field_to_agg, delimiter)) }}
{%- endmacro %}
{% macro default__string_agg(field_to_agg, delimiter) %}string_agg({{ field_to_agg }}, {{ delimiter }}){% endmacro %}
{% macro snowflake__string_agg(field_to_agg, delimiter) %}listagg({{ field_to_agg }}, {{ delimiter }}){% endmacro %}
{% macro redshift__string_agg(field_to_agg, delimiter) %}listagg({{ field_to_agg }}, {{ delimiter }}){% endmacro %}
{% macro spark__string_agg(field_to_agg, delimiter) %}concat_ws({{ delimiter }}, collect_list({{ field_to_agg }})){% endmacro %}

{% macro array_agg(field_to_agg) -%}
{{ return(adapter.dispatch('array_agg', 'fivetran_utils')(field_to_agg)) }}
{%- endmacro %}
{% macro default__array_agg(field_to_agg) %}array_agg({{ field_to_agg }}){% endmacro %}
{% macro redshift__array_agg(field_to_agg) %}listagg({{ field_to_agg }}, ','){% endmacro %}

{% macro max_bool(boolean_field) -%}
{{ return(adapter.dispatch('max_bool', 'fivetran_utils')(boolean_field)) }}
{%- endmacro %}
{% macro default__max_bool(boolean_field) %}bool_or({{ boolean_field }}){% endmacro %}
{% macro bigquery__max_bool(boolean_field) %}max({{ boolean_field }}){% endmacro %}
{% macro snowflake__max_bool(boolean_field) %}max({{ boolean_field }}){% endmacro %}

{% macro first_value(first_value_field, partition_field, order_by_field, order="asc") -%}
{{ return(adapter.dispatch('first_value', 'fivetran_utils')(first_value_field, partition_field, order_by_field, order)) }}
{%- endmacro %}
{% macro default__first_value(first_value_field, partition_field, order_by_field, order="asc") %}first_value({{ first_value_field }} ignore nulls) over (partition by {{ partition_field }} order by {{ order_by_field }} {{ order }}){% endmacro %}
{% macro redshift__first_value(first_value_field, partition_field, order_by_field, order="asc") %}first_value({{ first_value_field }} ignore nulls) over (partition by {{ partition_field }} order by {{ order_by_field }} {{ order }} rows unbounded preceding){% endmacro %}

{% macro json_extract(string, string_path) -%}
{{ return(adapter.dispatch('json_extract', 'fivetran_utils')(string, string_path)) }}
{%- endmacro %}
{% macro default__json_extract(string, string_path) %}json_extract_path_text({{ string }}, '{{ string_path }}'){% endmacro %}
{% macro bigquery__json_extract(string, string_path) %}json_extract_scalar({{ string }}, '$.{{ string_path }}'){% endmacro %}
{% macro snowflake__json_extract(string, string_path) %}json_extract_path_text(try_parse_json({{ string }}), '{{ string_path }}'){% endmacro %}
{% macro postgres__json_extract(string, string_path) %}{{ string }}::json->>'{{ string_path }}'{% endmacro %}

{% macro json_parse(string, string_path) -%}
{{ return(adapter.dispatch('json_parse', 'fivetran_utils')(string, string_path)) }}
{%- endmacro %}
{% macro default__json_parse(string, string_path) %}json_extract_path_text({{ string }}, {% for s in string_path %}'{{ s }}'{{ ', ' if not loop.last }}{% endfor %}){% endmacro %}
{% macro bigquery__json_parse(string, string_path) %}json_extract_scalar({{ string }}, '$.{{ string_path | join('.') }}'){% endmacro %}
{% macro postgres__json_parse(string, string_path) %}{{ string }}::json #>> '{ {{- string_path | join(',') -}} }'{% endmacro %}
{% macro snowflake__json_parse(string, string_path) %}parse_json({{ string }}){% for s in string_path %}{% if s is number %}[{{ s }}]{% else %}['{{ s }}']{% endif %}{% endfor %}{% endmacro %}

{% macro timestamp_add(datepart, interval, from_timestamp) -%}
{{ return(adapter.dispatch('timestamp_add', 'fivetran_utils')(datepart, interval, from_timestamp)) }}
{%- endmacro %}
{% macro default__timestamp_add(datepart, interval, from_timestamp) %}timestampadd({{ datepart }}, {{ interval }}, {{ from_timestamp }}){% endmacro %}
{% macro bigquery__timestamp_add(datepart, interval, from_timestamp) %}timestamp_add({{ from_timestamp }}, interval {{ interval }} {{ datepart }}){% endmacro %}
{% macro postgres__timestamp_add(datepart, interval, from_timestamp) %}{{ from_timestamp }} + ((interval '1 {{ datepart }}') * ({{ interval }})){% endmacro %}
{% macro redshift__timestamp_add(datepart, interval, from_timestamp) %}dateadd({{ datepart }}, {{ interval }}, {{ from_timestamp }}){% endmacro %}

{% macro timestamp_diff(first_date, second_date, datepart) -%}
{{ return(adapter.dispatch('timestamp_diff', 'fivetran_utils')(first_date, second_date, datepart)) }}
{%- endmacro %}
{% macro default__timestamp_diff(first_date, second_date, datepart) %}datediff({{ datepart }}, {{ first_date }}, {{ second_date }}){% endmacro %}
{% macro bigquery__timestamp_diff(first_date, second_date, datepart) %}timestamp_diff({{ second_date }}, {{ first_date }}, {{ datepart }}){% endmacro %}
{% macro postgres__timestamp_diff(first_date, second_date, datepart) %}{{ dbt.datediff(first_date, second_date, datepart) }}{% endmacro %}

{% macro try_cast(field, type) -%}
{{ return(adapter.dispatch('try_cast', 'fivetran_utils')(field, type)) }}
{%- endmacro %}
{% macro default__try_cast(field, type) %}cast({{ field }} as {{ type }}){% endmacro %}
{% macro bigquery__try_cast(field, type) %}safe_cast({{ field }} as {{ type }}){% endmacro %}
{% macro snowflake__try_cast(field, type) %}try_cast(cast({{ field }} as varchar) as {{ type }}){% endmacro %}

{% macro ceiling(num) -%}
{{ return(adapter.dispatch('ceiling', 'fivetran_utils')(num)) }}
{%- endmacro %}
{% macro default__ceiling(num) %}ceiling({{ num }}){% endmacro %}
{% macro snowflake__ceiling(num) %}ceil({{ num }}){% endmacro %}

{% macro percentile(percentile_field, partition_field, percent) -%}
{{ return(adapter.dispatch('percentile', 'fivetran_utils')(percentile_field, partition_field, percent)) }}
{%- endmacro %}
{% macro default__percentile(percentile_field, partition_field, percent) %}percentile_cont({{ percent }}) within group (order by {{ percentile_field }}) over (partition by {{ partition_field }}){% endmacro %}
{% macro bigquery__percentile(percentile_field, partition_field, percent) %}percentile_cont({{ percentile_field }}, {{ percent }}) over (partition by {{ partition_field }}){% endmacro %}
