-- stg_reports: one row per loaded report, analyst corrections applied, canonical agency attached.
-- grain:   report_id
-- inputs:  reports, agencies, stg_corrections (entity = 'report')
-- outputs: every reports column (corrected), agency_as_written, agency (canonical name when the
--          registry knows the agency, else the name as written), agency_key (agency_id, else the name
--          as written — the key every cross-year comparison groups by), is_corrected, corrected_fields
with

reports as (
    select * from reports
),

agencies as (
    select agency_id, canonical_name, region as agency_region from agencies
),

fixes as (
    select entity_id as report_id, map_from_entries(list((field, new_value))) as fixes,
           list(field order by field) as corrected_fields
    from stg_corrections
    where entity = 'report'
    group by entity_id
),

corrected as (
    select
        r.report_id, r.file_name, r.file_path, r.content_hash, r.source_format, r.encoding,
        r.parser_version, r.loaded_at, r.agency_id, r.source_url, r.n_lines,
        case when map_contains(f.fixes, 'agency') then f.fixes['agency'] else r.agency end as agency_as_written,
        case when map_contains(f.fixes, 'region') then f.fixes['region'] else r.region end as region,
        case when map_contains(f.fixes, 'year') then try_cast(f.fixes['year'] as integer) else r.year end as year,
        case when map_contains(f.fixes, 'report_kind') then f.fixes['report_kind'] else r.report_kind end as report_kind,
        case when map_contains(f.fixes, 'evaluation_type') then f.fixes['evaluation_type'] else r.evaluation_type end
            as evaluation_type,
        case when map_contains(f.fixes, 'total_score') then try_cast(f.fixes['total_score'] as double) else r.total_score end
            as total_score,
        case when map_contains(f.fixes, 'grade') then f.fixes['grade'] else r.grade end as grade,
        coalesce(f.corrected_fields, []) as corrected_fields
    from reports as r
    left join fixes as f using (report_id)
),

final as (
    select
        c.*,
        coalesce(a.canonical_name, nullif(trim(c.agency_as_written), ''), '未识别单位') as agency,
        coalesce(c.agency_id, nullif(trim(c.agency_as_written), ''), '未识别单位') as agency_key,
        len(c.corrected_fields) > 0 as is_corrected
    from corrected as c
    left join agencies as a using (agency_id)
)

select * from final
