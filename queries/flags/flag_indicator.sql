-- flag_indicator: the indicator-level flags (one row per indicator and rule that fires).
-- grain:   rule_id × indicator_id
-- inputs:  mart_indicator, int_scope_rules
-- outputs: rule_id, agency_key, agency, region, year, report_id, project_id, indicator_id, file_name,
--          subject (the indicator name), explanation, metric_value, threshold
-- Rules: missed_target_full_marks (met is false and the score equals the weight), score_over_weight.
with

indicators as (
    select i.*, ru.score_tolerance,
           coalesce('“' || i.name || '”', '第' || i.seq || '项指标') as who
    from mart_indicator as i
    left join int_scope_rules as ru on ru.region is not distinct from i.region and ru.year is not distinct from i.year
),

missed_target_full_marks as (
    select 'missed_target_full_marks' as rule_id, i.*,
           i.who || '实际' || fmt_num(i.actual_value) || coalesce(i.actual_unit, '')
               || case when i.direction = '反向' then '，超过目标上限' else '，未达到目标' end
               || fmt_num(i.target_value) || coalesce(i.target_unit, '')
               || '，却得满分' || fmt_num(i.score) || '分' as explanation,
           i.gap_pct as metric_value, null::double as threshold
    from indicators as i
    where i.met = false and i.is_full_marks and i.direction <> '定性'
),

score_over_weight as (
    select 'score_over_weight' as rule_id, i.*,
           i.who || '得分' || fmt_num(i.score) || '分，超过该项分值' || fmt_num(i.weight) || '分' as explanation,
           i.score as metric_value, i.weight as threshold
    from indicators as i
    where i.score > i.weight + i.score_tolerance
),

all_flags as (
    select * from missed_target_full_marks
    union all by name select * from score_over_weight
),

final as (
    select
        rule_id, agency_key, agency, region, year, report_id, project_id, indicator_id, file_name,
        name as subject, explanation, metric_value::double as metric_value, threshold::double as threshold
    from all_flags
)

select * from final
