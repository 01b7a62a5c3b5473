-- int_agency_year: the main figures of each agency and year, with the previous year's beside them.
-- grain:   agency_key × year
-- inputs:  stg_reports, mart_project, mart_department
-- outputs: agency_key, agency, agency_id, region, year, reports, projects,
--          budget / executed (the department figures when a report states either, else the sums of the
--          projects' 全年预算数 / 全年执行数 — never a mix of the two) and budget_source (部门 / 项目合计),
--          execution_rate_pct (printed by the department report), execution_rate_pct_computed,
--          carryover, carryover_rate_pct (printed), carryover_rate_pct_computed, carryover_denominator_label,
--          carryover_denominator_value (the amount divided by), carryover_rate_printed_basis,
--          project_budget_sum, project_executed_sum,
--          mean_score, median_score, min_score, max_score (printed project totals), projects_scored,
--          share_projects_at_100_pct, share_uniform_perfect_pct (every indicator full and total 100),
--          n_indicators, share_indicators_full_marks_pct, n_missed_targets,
--          n_canned_actuals, prev_year, budget_yoy_pct, executed_yoy_pct, execution_rate_yoy_pp,
--          carryover_yoy_pct (结转结余变动率), mean_score_yoy, is_corrected
-- When an agency has several department reports in a year (e.g. a self-evaluation and a third-party
-- one), the figures of the most recently loaded report with a budget are used, never a sum.
with

reports as (
    select * from stg_reports
),

projects as (
    select * from mart_project
),

departments as (
    select * from mart_department
),

report_counts as (
    select agency_key, year, count(*) as reports, max(agency) as agency, max(agency_id) as agency_id,
           max(region) as region, bool_or(is_corrected) as reports_corrected
    from reports
    group by agency_key, year
),

project_figures as (
    select
        agency_key, year,
        count(*) as projects,
        sum(budget_full_year) as project_budget_sum,
        sum(executed) as project_executed_sum,
        count(budget_full_year) as n_project_budgets,
        avg(total_score) as mean_score,
        median(total_score) as median_score,
        min(total_score) as min_score,
        max(total_score) as max_score,
        count(total_score) as projects_scored,
        count(*) filter (where is_total_perfect) as projects_at_100,
        count(*) filter (where is_uniform_perfect) as projects_uniform_perfect,
        sum(n_indicators) as n_indicators,
        sum(n_full_marks) as n_full_marks,
        sum(n_missed) as n_missed_targets,
        sum(n_canned_actual) as n_canned_actuals,
        bool_or(is_corrected) as projects_corrected
    from projects
    group by agency_key, year
),

department_figures as (
    select
        agency_key, year,
        arg_max(struct_pack(budget, executed, execution_rate_pct, carryover, carryover_rate_pct,
                            carryover_rate_pct_computed, carryover_denominator_label, carryover_denominator_value,
                            carryover_rate_printed_basis,
                            is_corrected),
                (budget is not null, executed is not null, loaded_at)) as d
    from departments
    group by agency_key, year
),

combined as (
    select
        rc.agency_key, rc.agency, rc.agency_id, rc.region, rc.year, rc.reports,
        coalesce(pf.projects, 0) as projects,
        case when df.d.budget is not null or df.d.executed is not null then '部门'
             when pf.n_project_budgets > 0 then '项目合计' end as budget_source,
        case when df.d.budget is not null or df.d.executed is not null then df.d.budget
             else pf.project_budget_sum end as budget,
        case when df.d.budget is not null or df.d.executed is not null then df.d.executed
             else pf.project_executed_sum end as executed,
        df.d.execution_rate_pct as execution_rate_pct,
        df.d.carryover as carryover,
        df.d.carryover_rate_pct as carryover_rate_pct,
        df.d.carryover_rate_pct_computed as carryover_rate_pct_computed,
        df.d.carryover_denominator_label as carryover_denominator_label,
        df.d.carryover_denominator_value as carryover_denominator_value,
        df.d.carryover_rate_printed_basis as carryover_rate_printed_basis,
        pf.project_budget_sum, pf.project_executed_sum,
        round(pf.mean_score, 2) as mean_score,
        pf.median_score, pf.min_score, pf.max_score,
        coalesce(pf.projects_scored, 0) as projects_scored,
        case when pf.projects_scored > 0 then round(pf.projects_at_100 * 100.0 / pf.projects_scored, 2) end
            as share_projects_at_100_pct,
        case when pf.projects > 0 then round(pf.projects_uniform_perfect * 100.0 / pf.projects, 2) end
            as share_uniform_perfect_pct,
        coalesce(pf.n_indicators, 0) as n_indicators,
        case when pf.n_indicators > 0 then round(pf.n_full_marks * 100.0 / pf.n_indicators, 2) end
            as share_indicators_full_marks_pct,
        coalesce(pf.n_missed_targets, 0) as n_missed_targets,
        coalesce(pf.n_canned_actuals, 0) as n_canned_actuals,
        coalesce(rc.reports_corrected, false) or coalesce(pf.projects_corrected, false)
            or coalesce(df.d.is_corrected, false) as is_corrected
    from report_counts as rc
    left join project_figures as pf on pf.agency_key = rc.agency_key and pf.year is not distinct from rc.year
    left join department_figures as df on df.agency_key = rc.agency_key and df.year is not distinct from rc.year
),

with_rates as (
    select
        *,
        case when budget > 0 then round(executed / budget * 100, 2) end as execution_rate_pct_computed
    from combined
),

with_previous as (
    select
        *,
        lag(year) over w as prev_year,
        lag(budget) over w as prev_budget,
        lag(executed) over w as prev_executed,
        lag(execution_rate_pct_computed) over w as prev_execution_rate,
        lag(carryover) over w as prev_carryover,
        lag(mean_score) over w as prev_mean_score
    from with_rates
    window w as (partition by agency_key order by year)
),

final as (
    select
        agency_key, agency, agency_id, region, year, reports, projects,
        budget, executed, budget_source, execution_rate_pct, execution_rate_pct_computed,
        carryover, carryover_rate_pct, carryover_rate_pct_computed, carryover_denominator_label,
        carryover_denominator_value, carryover_rate_printed_basis, project_budget_sum, project_executed_sum,
        mean_score, median_score, min_score, max_score, projects_scored, share_projects_at_100_pct,
        share_uniform_perfect_pct,
        n_indicators, share_indicators_full_marks_pct, n_missed_targets, n_canned_actuals,
        -- year-over-year only between consecutive years; a gap year leaves them null
        case when prev_year = year - 1 then prev_year end as prev_year,
        case when prev_year = year - 1 and prev_budget > 0
             then round((budget - prev_budget) / prev_budget * 100, 2) end as budget_yoy_pct,
        case when prev_year = year - 1 and prev_executed > 0
             then round((executed - prev_executed) / prev_executed * 100, 2) end as executed_yoy_pct,
        case when prev_year = year - 1
             then round(execution_rate_pct_computed - prev_execution_rate, 2) end as execution_rate_yoy_pp,
        case when prev_year = year - 1 and prev_carryover > 0
             then round((carryover - prev_carryover) / prev_carryover * 100, 2) end as carryover_yoy_pct,
        case when prev_year = year - 1 then round(mean_score - prev_mean_score, 2) end as mean_score_yoy,
        is_corrected
    from with_previous
)

select * from final
