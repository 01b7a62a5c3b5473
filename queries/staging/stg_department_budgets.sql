-- stg_department_budgets: department-level money figures of a report, as printed, corrections applied.
-- grain:   report_id (only reports that state department figures)
-- inputs:  department_budgets, stg_corrections (entity = 'department', key = file_name)
-- outputs: report_id, the 14 money / rate columns of department_budgets (万元, percent numbers),
--          is_corrected, corrected_fields
with

department_budgets as (
    select * from department_budgets
),

fixes as (
    select entity_id as report_id, map_from_entries(list((field, new_value))) as fixes,
           list(field order by field) as corrected_fields
    from stg_corrections
    where entity = 'department'
    group by entity_id
),

final as (
    select
        t.report_id,
        case when map_contains(f.fixes, 'budget') then try_cast(f.fixes['budget'] as double) else t.budget end as budget,
        case when map_contains(f.fixes, 'executed') then try_cast(f.fixes['executed'] as double) else t.executed end as executed,
        case when map_contains(f.fixes, 'execution_rate_pct') then try_cast(f.fixes['execution_rate_pct'] as double) else t.execution_rate_pct end as execution_rate_pct,
        case when map_contains(f.fixes, 'carryover') then try_cast(f.fixes['carryover'] as double) else t.carryover end as carryover,
        case when map_contains(f.fixes, 'carryover_rate_pct') then try_cast(f.fixes['carryover_rate_pct'] as double) else t.carryover_rate_pct end as carryover_rate_pct,
        case when map_contains(f.fixes, 'basic_expenditure') then try_cast(f.fixes['basic_expenditure'] as double) else t.basic_expenditure end as basic_expenditure,
        case when map_contains(f.fixes, 'project_expenditure') then try_cast(f.fixes['project_expenditure'] as double) else t.project_expenditure end as project_expenditure,
        case when map_contains(f.fixes, 'basic_budget') then try_cast(f.fixes['basic_budget'] as double) else t.basic_budget end as basic_budget,
        case when map_contains(f.fixes, 'project_budget') then try_cast(f.fixes['project_budget'] as double) else t.project_budget end as project_budget,
        case when map_contains(f.fixes, 'personnel_expenditure') then try_cast(f.fixes['personnel_expenditure'] as double) else t.personnel_expenditure end as personnel_expenditure,
        case when map_contains(f.fixes, 'public_expenditure') then try_cast(f.fixes['public_expenditure'] as double) else t.public_expenditure end as public_expenditure,
        case when map_contains(f.fixes, 'budget_final_diff_rate_pct') then try_cast(f.fixes['budget_final_diff_rate_pct'] as double) else t.budget_final_diff_rate_pct end as budget_final_diff_rate_pct,
        case when map_contains(f.fixes, 'budget_initial') then try_cast(f.fixes['budget_initial'] as double) else t.budget_initial end as budget_initial,
        case when map_contains(f.fixes, 'income') then try_cast(f.fixes['income'] as double) else t.income end as income,
        coalesce(f.corrected_fields, []) as corrected_fields,
        f.report_id is not null as is_corrected
    from department_budgets as t
    left join fixes as f using (report_id)
)

select * from final
