-- mart_agency_year: one row per agency and year — money, rates printed and recomputed, scores, flags,
-- and the change from the previous year.
-- grain:   agency_key × year
-- inputs:  int_agency_year, mart_flags
-- outputs: every column of int_agency_year (agency_key, agency, agency_id, region, year, reports, projects,
--          budget, executed, budget_source, execution_rate_pct, execution_rate_pct_computed, carryover,
--          carryover_rate_pct, carryover_rate_pct_computed, carryover_denominator_label,
--          carryover_denominator_value, carryover_rate_printed_basis, project_budget_sum, project_executed_sum,
--          mean_score, median_score, min_score, max_score, projects_scored, share_projects_at_100_pct,
--          share_uniform_perfect_pct, n_indicators,
--          share_indicators_full_marks_pct, n_missed_targets, n_canned_actuals, prev_year, budget_yoy_pct,
--          executed_yoy_pct, execution_rate_yoy_pp, carryover_yoy_pct, mean_score_yoy, is_corrected),
--          plus flags_high, flags_medium, flags_low, flags_total, n_uniform_perfect (projects flagged so)
-- Agencies are the canonical ones (agency_key = agencies.agency_id) when the registry knows them.
with

agency_years as (
    select * from int_agency_year
),

flags as (
    select agency_key, year, severity, rule_id from mart_flags
),

flag_counts as (
    select
        agency_key, year,
        count(*) filter (where severity = 'high') as flags_high,
        count(*) filter (where severity = 'medium') as flags_medium,
        count(*) filter (where severity = 'low') as flags_low,
        count(*) as flags_total,
        count(*) filter (where rule_id = 'uniform_perfect') as n_uniform_perfect
    from flags
    group by all
),

final as (
    select
        a.*,
        coalesce(f.flags_high, 0) as flags_high,
        coalesce(f.flags_medium, 0) as flags_medium,
        coalesce(f.flags_low, 0) as flags_low,
        coalesce(f.flags_total, 0) as flags_total,
        coalesce(f.n_uniform_perfect, 0) as n_uniform_perfect
    from agency_years as a
    left join flag_counts as f on f.agency_key = a.agency_key and f.year is not distinct from a.year
)

select * from final
