{# The project's own safe_divide, found first through dispatch: search_order. #}
{% macro default__safe_divide(numerator, denominator) -%}
case when {{ denominator }} = 0 then null else {{ numerator }} / {{ denominator }} end
{%- endmacro %}

{# A project-level ref override (sampling in dev) that must keep every relation. #}
{% macro ref(model_name) -%}
{%- set relation = builtins.ref(model_name) -%}
{{ relation }}{% if target.name == 'ci' %} tablesample (10){% endif %}
{%- endmacro %}
