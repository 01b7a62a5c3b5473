-- int_scope_rules: the thresholds and default weights that apply to each region × year present in the data.
-- grain:   region × year (as in stg_reports; either may be null)
-- inputs:  stg_reports, rule_params, rule_default_weights (queries/rules/*.csv, loaded by loaders/rules.py)
-- outputs: region, year, one typed column per parameter of params.csv, execution_weight_default,
--          indicator_weight_default (sum of the non-execution default weights), total_weight_default
-- Most specific rule wins: a longer region prefix beats a shorter one beats the national '*';
-- at equal region a year-specific row beats an every-year row.
with

scopes as (
    select distinct region, year from stg_reports
),

params as (
    select * from rule_params
),

weights as (
    select * from rule_default_weights
),

matching_params as (
    select
        s.region, s.year, p.param,
        arg_max(p.value, rule_specificity(p.scope_region, p.scope_year)) as value
    from scopes as s
    join params as p
      on rule_applies(s.region, s.year, p.scope_region, p.scope_year)
    group by all
),

matching_weights as (
    select
        s.region, s.year, w.level1,
        arg_max(w.weight, rule_specificity(w.scope_region, w.scope_year)) as weight
    from scopes as s
    join weights as w
      on rule_applies(s.region, s.year, w.scope_region, w.scope_year)
    group by all
),

weight_totals as (
    select
        region, year,
        max(weight) filter (where level1 = '预算执行率') as execution_weight_default,
        sum(weight) filter (where level1 <> '预算执行率') as indicator_weight_default,
        sum(weight) as total_weight_default
    from matching_weights
    group by all
),

pivoted as (
    select
        region, year,
        max(value) filter (where param = 'carryover_denominator') as carryover_denominator,
        max(value) filter (where param = 'rate_slack_pp')::double as rate_slack_pp,
        max(value) filter (where param = 'amount_tolerance_wan')::double as amount_tolerance_wan,
        max(value) filter (where param = 'score_tolerance')::double as score_tolerance,
        max(value) filter (where param = 'score_above_money_points')::double as score_above_money_points,
        max(value) filter (where param = 'low_execution_pct')::double as low_execution_pct,
        max(value) filter (where param = 'unspent_share_pct')::double as unspent_share_pct,
        max(value) filter (where param = 'midyear_cut_pct')::double as midyear_cut_pct,
        max(value) filter (where param = 'full_execution_pct')::double as full_execution_pct,
        max(value) filter (where param = 'overachievement_pct')::double as overachievement_pct,
        max(value) filter (where param = 'perfect_total_score')::double as perfect_total_score,
        max(value) filter (where param = 'peer_robust_z')::double as peer_robust_z,
        max(value) filter (where param = 'peer_min_agencies')::integer as peer_min_agencies,
        max(value) filter (where param = 'yoy_rate_jump_pp')::double as yoy_rate_jump_pp,
        max(value) filter (where param = 'yoy_score_jump_points')::double as yoy_score_jump_points,
        max(value) filter (where param = 'yoy_budget_jump_pct')::double as yoy_budget_jump_pct,
        max(value) filter (where param = 'copied_similarity')::double as copied_similarity,
        max(value) filter (where param = 'copied_min_items')::integer as copied_min_items,
        max(value) filter (where param = 'duplicate_table_min_indicators')::integer as duplicate_table_min_indicators,
        max(value) filter (where param = 'canned_low_share_pct')::double as canned_low_share_pct
    from matching_params
    group by all
),

final as (
    select p.*, w.execution_weight_default, w.indicator_weight_default, w.total_weight_default
    from pivoted as p
    left join weight_totals as w
      on w.region is not distinct from p.region and w.year is not distinct from p.year
)

select * from final
