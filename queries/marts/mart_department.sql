-- mart_department: department-level money of each report, printed beside recomputed, with the checks
-- that its parts add up.
-- grain:   report_id (reports that state department figures)
-- inputs:  stg_department_budgets, stg_reports, int_scope_rules
-- outputs: report_id, file_name, agency_key, agency, agency_id, region, year, loaded_at, the printed figures
--          (budget_initial 年初预算, budget, executed, execution_rate_pct, carryover, carryover_rate_pct, basic/project expenditure,
--          basic/project budget, personnel/public expenditure, budget_final_diff_rate_pct, income),
--          execution_rate_pct_computed, budget_adjustment_computed (budget − budget_initial, 预算调整额),
--          budget_adjustment_pct_computed (of budget_initial), unspent_computed (budget − executed), unspent_share_pct_computed,
--          budget_final_diff_rate_pct_computed ((预算 − 决算) / 预算, the product's definition),
--          carryover_denominator (rule: budget | executed | basic_expenditure), carryover_denominator_label,
--          carryover_denominator_value, carryover_rate_pct_computed, carryover_rate_printed_basis (which
--          amount the printed rate was evidently divided by, when it matches one), rate tolerances,
--          the component sums (expenditure_parts_sum, basic_parts_sum, budget_parts_sum), is_corrected
-- Printed rates are compared within their own rounding: a rate printed with two decimals may differ
-- by 0.005 (+ rate_slack_pp), one printed as a whole number by 0.5.
with

departments as (
    select * from stg_department_budgets
),

reports as (
    select report_id, file_name, agency_key, agency, agency_id, region, year, loaded_at, is_corrected as report_corrected
    from stg_reports
),

rules as (
    select region, year, carryover_denominator, rate_slack_pp, amount_tolerance_wan from int_scope_rules
),

joined as (
    select
        d.*,
        r.file_name, r.agency_key, r.agency, r.agency_id, r.region, r.year, r.loaded_at, r.report_corrected,
        coalesce(ru.carryover_denominator, 'budget') as carryover_denominator,
        ru.rate_slack_pp, ru.amount_tolerance_wan,
        case
            when d.execution_rate_pct is null then null
            when d.execution_rate_pct = round(d.execution_rate_pct, 0) then 0.5
            when d.execution_rate_pct = round(d.execution_rate_pct, 1) then 0.05
            else 0.005
        end + ru.rate_slack_pp as execution_rate_tolerance,
        case
            when d.carryover_rate_pct is null then null
            when d.carryover_rate_pct = round(d.carryover_rate_pct, 0) then 0.5
            when d.carryover_rate_pct = round(d.carryover_rate_pct, 1) then 0.05
            else 0.005
        end + ru.rate_slack_pp as carryover_rate_tolerance
    from departments as d
    join reports as r using (report_id)
    left join rules as ru on ru.region is not distinct from r.region and ru.year is not distinct from r.year
),

computed as (
    select
        j.*,
        case when j.budget > 0 then round(j.executed / j.budget * 100, 2) end as execution_rate_pct_computed,
        round(j.budget - j.budget_initial, 2) as budget_adjustment_computed,
        case when j.budget_initial > 0 then round((j.budget - j.budget_initial) / j.budget_initial * 100, 2) end
            as budget_adjustment_pct_computed,
        round(j.budget - j.executed, 2) as unspent_computed,
        case when j.budget > 0 then round((j.budget - j.executed) / j.budget * 100, 2) end as unspent_share_pct_computed,
        case when j.budget > 0 then round((j.budget - j.executed) / j.budget * 100, 2) end
            as budget_final_diff_rate_pct_computed,
        case j.carryover_denominator
            when 'executed' then '支出完成数'
            when 'basic_expenditure' then '基本支出'
            else '支出预算数'
        end as carryover_denominator_label,
        case j.carryover_denominator
            when 'executed' then j.executed
            when 'basic_expenditure' then j.basic_expenditure
            else j.budget
        end as carryover_denominator_value,
        round(j.basic_expenditure + j.project_expenditure, 2) as expenditure_parts_sum,
        round(j.personnel_expenditure + j.public_expenditure, 2) as basic_parts_sum,
        round(j.basic_budget + j.project_budget, 2) as budget_parts_sum
    from joined as j
),

final as (
    select
        c.report_id, c.file_name, c.agency_key, c.agency, c.agency_id, c.region, c.year, c.loaded_at,
        c.budget_initial, c.budget, c.budget_adjustment_computed, c.budget_adjustment_pct_computed,
        c.executed, c.execution_rate_pct, c.execution_rate_pct_computed, c.execution_rate_tolerance,
        c.carryover, c.carryover_rate_pct,
        c.carryover_denominator, c.carryover_denominator_label, c.carryover_denominator_value,
        case when c.carryover_denominator_value > 0
             then round(c.carryover / c.carryover_denominator_value * 100, 2) end as carryover_rate_pct_computed,
        c.carryover_rate_tolerance,
        -- which amount the printed rate was divided by, tried in the order analysts meet them
        case
            when c.carryover_rate_pct is null or c.carryover is null then null
            when c.budget > 0 and abs(c.carryover / c.budget * 100 - c.carryover_rate_pct) <= c.carryover_rate_tolerance
                then '支出预算数'
            when c.executed > 0 and abs(c.carryover / c.executed * 100 - c.carryover_rate_pct) <= c.carryover_rate_tolerance
                then '支出完成数'
            when c.basic_expenditure > 0
                 and abs(c.carryover / c.basic_expenditure * 100 - c.carryover_rate_pct) <= c.carryover_rate_tolerance
                then '基本支出'
            when c.basic_budget > 0
                 and abs(c.carryover / c.basic_budget * 100 - c.carryover_rate_pct) <= c.carryover_rate_tolerance
                then '基本支出预算'
        end as carryover_rate_printed_basis,
        c.unspent_computed, c.unspent_share_pct_computed,
        c.basic_expenditure, c.project_expenditure, c.expenditure_parts_sum,
        c.personnel_expenditure, c.public_expenditure, c.basic_parts_sum,
        c.basic_budget, c.project_budget, c.budget_parts_sum,
        c.budget_final_diff_rate_pct, c.budget_final_diff_rate_pct_computed, c.income,
        c.amount_tolerance_wan,
        c.is_corrected or c.report_corrected as is_corrected,
        c.corrected_fields
    from computed as c
)

select * from final
