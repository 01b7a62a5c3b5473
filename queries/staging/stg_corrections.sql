-- stg_corrections: the newest analyst correction of each field, resolved to today's row ids.
-- grain:   one row per entity × entity_id × field (newest created_at wins; ties → higher correction_id)
-- inputs:  corrections, reports
-- outputs: entity, entity_key, entity_id, report_id, field, old_value, new_value, reason, author,
--          created_at, correction_id
-- entity_key — stable across re-loads and re-parsing (a report's content hash is not: a corrected
-- file gets a new hash). File names cannot contain '/', so the key splits unambiguously:
--   report, department : file_name                                   e.g. '004_x.txt'
--   project            : file_name || '/' || project seq             e.g. '004_x.txt/2'
--   indicator          : file_name || '/' || project seq || '/' || indicator seq   e.g. '004_x.txt/2/5'
-- (loaders.views.correction_key builds these.) Ids follow schema.sql: project_id = report_id || ':' || seq,
-- indicator_id = project_id || ':' || seq. Two loaded files with the same name share corrections.
with

corrections as (
    select * from corrections
),

reports as (
    select report_id, file_name from reports
),

latest as (
    select *
    from corrections
    qualify row_number() over (
        partition by entity, entity_key, field order by created_at desc, correction_id desc
    ) = 1
),

parsed_keys as (
    select
        *,
        case
            when entity in ('report', 'department') then {'file_name': entity_key, 'p': null, 'i': null}
            when entity = 'project' then regexp_extract(entity_key, '^(.*)/([0-9]+)()$', ['file_name', 'p', 'i'])
            else regexp_extract(entity_key, '^(.*)/([0-9]+)/([0-9]+)$', ['file_name', 'p', 'i'])
        end as key_parts
    from latest
),

final as (
    select
        k.entity,
        k.entity_key,
        case k.entity
            when 'project' then r.report_id || ':' || try_cast(k.key_parts.p as integer)
            when 'indicator' then r.report_id || ':' || try_cast(k.key_parts.p as integer)
                                  || ':' || try_cast(k.key_parts.i as integer)
            else r.report_id
        end as entity_id,
        r.report_id,
        k.field,
        k.old_value,
        k.new_value,
        k.reason,
        k.author,
        k.created_at,
        k.correction_id
    from parsed_keys as k
    join reports as r on r.file_name = k.key_parts.file_name
)

select * from final
