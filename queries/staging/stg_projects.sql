-- stg_projects: one evaluated subject (a project, or a whole department's table) per row, corrections applied.
-- grain:   project_id (= report_id || ':' || seq)
-- inputs:  projects, stg_corrections (entity = 'project', key = file_name || '/' || seq)
-- outputs: project_id, report_id, seq, subject, name, budget_initial, budget_full_year, executed,
--          execution_rate_pct, execution_weight, execution_score, total_score, grade (all as printed,
--          corrected), is_corrected, corrected_fields
with

projects as (
    select * from projects
),

fixes as (
    select entity_id as project_id, map_from_entries(list((field, new_value))) as fixes,
           list(field order by field) as corrected_fields
    from stg_corrections
    where entity = 'project'
    group by entity_id
),

final as (
    select
        t.project_id,
        t.report_id,
        t.seq,
        t.subject,
        case when map_contains(f.fixes, 'name') then f.fixes['name'] else t.name end as name,
        case when map_contains(f.fixes, 'budget_initial') then try_cast(f.fixes['budget_initial'] as double) else t.budget_initial end as budget_initial,
        case when map_contains(f.fixes, 'budget_full_year') then try_cast(f.fixes['budget_full_year'] as double) else t.budget_full_year end as budget_full_year,
        case when map_contains(f.fixes, 'executed') then try_cast(f.fixes['executed'] as double) else t.executed end as executed,
        case when map_contains(f.fixes, 'execution_rate_pct') then try_cast(f.fixes['execution_rate_pct'] as double) else t.execution_rate_pct end as execution_rate_pct,
        case when map_contains(f.fixes, 'execution_weight') then try_cast(f.fixes['execution_weight'] as double) else t.execution_weight end as execution_weight,
        case when map_contains(f.fixes, 'execution_score') then try_cast(f.fixes['execution_score'] as double) else t.execution_score end as execution_score,
        case when map_contains(f.fixes, 'total_score') then try_cast(f.fixes['total_score'] as double) else t.total_score end as total_score,
        case when map_contains(f.fixes, 'grade') then f.fixes['grade'] else t.grade end as grade,
        coalesce(f.corrected_fields, []) as corrected_fields,
        f.project_id is not null as is_corrected
    from projects as t
    left join fixes as f using (project_id)
)

select * from final
