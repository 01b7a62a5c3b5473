-- flag_duplicate_indicator_table: projects whose indicator tables are identical, row for row.
-- grain:   rule_id × project_id (each project of a group of identical tables)
-- inputs:  mart_indicator, mart_project, int_scope_rules
-- outputs: rule_id, agency_key, agency, region, year, report_id, project_id, indicator_id (null), file_name,
--          subject (the project name), explanation (names the other projects), metric_value (group size),
--          threshold (minimum table length compared)
-- Compared within one agency and year (a table reused across years is copied_report's business). A
-- table is its numbered rows (levels, name, target, actual, weight, score) hashed into one fingerprint.
with

indicators as (
    select * from mart_indicator
),

projects as (
    select project_id, report_id, seq, name, agency_key, agency, region, year, file_name from mart_project
),

rules as (
    select region, year, duplicate_table_min_indicators from int_scope_rules
),

fingerprints as (
    select
        project_id,
        count(*) as n_rows,
        -- xor of row hashes that include the row number: order-sensitive, and no string building per table
        bit_xor(hash(seq, level1, level2, name, target, actual, weight, score)) as fingerprint
    from indicators
    group by project_id
),

eligible as (
    select p.*, f.n_rows, f.fingerprint
    from projects as p
    join fingerprints as f using (project_id)
    left join rules as ru on ru.region is not distinct from p.region and ru.year is not distinct from p.year
    where f.n_rows >= coalesce(ru.duplicate_table_min_indicators, 3) and known_agency(p.agency_key)
),

groups as (
    select agency_key, year, fingerprint, count(*) as group_size,
           list(coalesce(name, '第' || seq || '个项目') order by report_id, seq) as names
    from eligible
    group by all
    having count(*) > 1
),

final as (
    select
        'duplicate_indicator_table' as rule_id, e.agency_key, e.agency, e.region, e.year, e.report_id, e.project_id,
        null::varchar as indicator_id, e.file_name, e.name as subject,
        '项目“' || coalesce(e.name, '第' || e.seq || '个项目') || '”的' || e.n_rows || '行指标表与同年'
            || (g.group_size - 1) || '个其他项目完全相同（'
            || coalesce(nullif(array_to_string(
                   list_filter(g.names, lambda x: x <> coalesce(e.name, '第' || e.seq || '个项目'))[1:3], '、'), ''),
                   '同名项目') || '）' as explanation,
        g.group_size::double as metric_value, e.n_rows::double as threshold
    from eligible as e
    join groups as g
      on g.agency_key = e.agency_key and g.year is not distinct from e.year and g.fingerprint = e.fingerprint
)

select * from final
