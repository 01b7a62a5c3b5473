-- flag_project: the project-level flags (one row per project and rule that fires).
-- grain:   rule_id × project_id (components_mismatch: × money column)
-- inputs:  mart_project, mart_indicator, stg_money_rows, int_scope_rules
-- outputs: rule_id, agency_key, agency, region, year, report_id, project_id, indicator_id, file_name,
--          subject (the project name), explanation (one Chinese sentence with the numbers),
--          metric_value (the number that tripped the rule), threshold (the rule's limit), severity (null =
--          the rule's; canned_actual is 'low' when under canned_low_share_pct of the indicators are canned)
-- Rules: uniform_perfect, canned_actual, score_above_money, missed_target_top_grade, weights_not_100,
-- score_over_weight (execution row), total_mismatch, rate_mismatch (execution rate), grade_band_mismatch,
-- midyear_cut_full_execution, unspent_over_20pct, low_execution, components_mismatch (money rows).
-- Thresholds come from queries/rules/params.csv through int_scope_rules.
with

projects as (
    select
        p.*,
        coalesce('项目“' || p.name || '”', '第' || p.seq || '个项目') as who,
        -- a budget of 0 leaves the rate undefined (a 0 / 0 / 0 total row is a components problem, not 0 %)
        case when p.budget_full_year = 0 then null
             else coalesce(p.execution_rate_pct_computed, p.execution_rate_pct) end as rate_used,
        ru.score_above_money_points, ru.low_execution_pct, ru.unspent_share_pct, ru.midyear_cut_pct,
        ru.full_execution_pct, ru.rate_slack_pp, ru.amount_tolerance_wan, ru.score_tolerance,
        ru.perfect_total_score, ru.canned_low_share_pct,
        -- a printed rate may differ from the exact one by half its last printed digit
        case
            when p.execution_rate_pct is null then null
            when p.execution_rate_pct = round(p.execution_rate_pct, 0) then 0.5
            when p.execution_rate_pct = round(p.execution_rate_pct, 1) then 0.05
            else 0.005
        end + ru.rate_slack_pp as rate_tolerance
    from mart_project as p
    left join int_scope_rules as ru on ru.region is not distinct from p.region and ru.year is not distinct from p.year
),

canned_examples as (
    select project_id, count(*) as n_canned, min(actual) as example
    from mart_indicator
    where is_canned_actual
    group by project_id
),

money_rows as (
    select * from stg_money_rows
),

uniform_perfect as (
    select 'uniform_perfect' as rule_id, p.*, null as indicator_id,
           p.who || '全部' || p.n_indicators || '项指标均为满分，总分' || fmt_num(p.total_score) || '分' as explanation,
           p.total_score as metric_value, p.perfect_total_score as threshold
    from projects as p
    where p.is_uniform_perfect
),

canned_actual as (
    select 'canned_actual' as rule_id, p.*, null as indicator_id,
           p.who || '的' || p.n_indicators || '项指标中有' || c.n_canned || '项实际完成值只写“' || c.example
               || '”一类套话或照抄目标，不能作为完成证据' as explanation,
           c.n_canned::double as metric_value, null::double as threshold,
           -- one stock phrase among many real values is weak evidence; most of the table canned is not
           case when c.n_canned * 100.0 / p.n_indicators < p.canned_low_share_pct then 'low' end as severity
    from projects as p
    join canned_examples as c using (project_id)
),

score_above_money as (
    select 'score_above_money' as rule_id, p.*, null as indicator_id,
           p.who || '指标得分率' || fmt_pct(p.indicator_score_ratio_pct) || '，比预算执行率' || fmt_pct(p.rate_used)
               || '高' || fmt_num(p.indicator_score_ratio_pct - p.rate_used) || '个百分点' as explanation,
           p.indicator_score_ratio_pct - p.rate_used as metric_value, p.score_above_money_points as threshold
    from projects as p
    where p.indicator_score_ratio_pct - p.rate_used > p.score_above_money_points
),

missed_target_top_grade as (
    select 'missed_target_top_grade' as rule_id, p.*, p.worst_missed.indicator_id as indicator_id,
           p.worst_missed.name || '实际' || fmt_num(p.worst_missed.actual_value) || coalesce(p.worst_missed.actual_unit, '')
               || case when p.worst_missed.direction = '反向' then '，超过目标上限' else '，低于目标' end
               || fmt_num(p.worst_missed.target_value) || coalesce(p.worst_missed.target_unit, '')
               || '，但' || case when p.grade_source = '项目' then '项目自评等级' else '报告自评等级' end
               || '为' || p.grade_effective
               || case when p.n_missed > 1 then '（共' || p.n_missed || '项指标未达目标）' else '' end as explanation,
           p.worst_missed.gap_pct as metric_value, null::double as threshold
    from projects as p
    where p.n_missed > 0 and p.grade_written_rank = 1 and p.worst_missed.actual_value is not null
),

weights_not_100 as (
    select 'weights_not_100' as rule_id, p.*, null as indicator_id,
           p.who || '指标分值合计' || fmt_num(p.indicator_weight_sum)
               || case when p.execution_weight is not null
                       then '，加预算执行率分值' || fmt_num(p.execution_weight) || '，共' || fmt_num(p.weight_sum_total)
                       else '' end
               || case when p.execution_weight is not null then '，不等于' || fmt_num(p.total_weight_expected)
                       else '，既不是' || fmt_num(p.total_weight_expected) || '也不是不含执行率的'
                            || fmt_num(p.indicator_weight_expected) end
               || case when p.total_score is not null then '，印出的总分为' || fmt_num(p.total_score) || '分' else '' end
               as explanation,
           p.weight_sum_total as metric_value, p.total_weight_expected as threshold
    from projects as p
    where case
              when p.execution_weight is not null
                  then abs(p.weight_sum_total - p.total_weight_expected) > p.score_tolerance
              -- no execution row printed: either the standard 90 (+ 10 for execution) or 100 is consistent
              else abs(p.indicator_weight_sum - p.total_weight_expected) > p.score_tolerance
                   and abs(p.indicator_weight_sum - p.indicator_weight_expected) > p.score_tolerance
          end
),

execution_score_over_weight as (
    select 'score_over_weight' as rule_id, p.*, null as indicator_id,
           p.who || '预算执行率得分' || fmt_num(p.execution_score) || '分，超过该项分值' || fmt_num(p.execution_weight) || '分'
               as explanation,
           p.execution_score as metric_value, p.execution_weight as threshold
    from projects as p
    where p.execution_score > p.execution_weight + p.score_tolerance
),

total_mismatch as (
    select 'total_mismatch' as rule_id, p.*, null as indicator_id,
           p.who || '各项得分相加为' || fmt_num(p.total_score_summed) || '分（指标' || fmt_num(p.indicator_score_sum)
               || case when p.execution_score is not null then ' + 预算执行率' || fmt_num(p.execution_score) else '' end
               || '），印出的总分却是' || fmt_num(p.total_score) || '分' as explanation,
           p.total_score_summed as metric_value, p.total_score as threshold
    from projects as p
    where abs(p.total_score_summed - p.total_score) > p.score_tolerance
      -- when the weights themselves do not add up (a row lost, or 100 + 10), weights_not_100 is the
      -- root cause and says so with the total; one finding, not two
      and p.project_id not in (select project_id from weights_not_100)
),

rate_mismatch as (
    select 'rate_mismatch' as rule_id, p.*, null as indicator_id,
           p.who || '印出的执行率为' || fmt_pct(p.execution_rate_pct) || '，按全年执行数' || fmt_wan(p.executed)
               || '÷全年预算数' || fmt_wan(p.budget_full_year) || '计算为' || fmt_pct(p.execution_rate_pct_computed)
               || case when p.budget_initial > 0
                        and abs(p.executed / p.budget_initial * 100 - p.execution_rate_pct) <= p.rate_tolerance
                       then '；印出的比率与按年初预算数' || fmt_wan(p.budget_initial) || '计算的结果一致'
                       else '' end as explanation,
           p.execution_rate_pct_computed as metric_value, p.execution_rate_pct as threshold
    from projects as p
    where p.budget_full_year > 0
      and abs(p.executed / p.budget_full_year * 100 - p.execution_rate_pct) > p.rate_tolerance
),

grade_band_mismatch as (
    select 'grade_band_mismatch' as rule_id, p.*, null as indicator_id,
           p.who || '总分' || fmt_num(p.total_score) || '分，按分数段应为“' || p.grade_band || '”，印出的等级却是“'
               || p.grade || '”' as explanation,
           p.total_score as metric_value, null::double as threshold
    from projects as p
    where p.grade_source = '项目' and p.grade_written_rank <> p.grade_band_rank
),

midyear_cut_full_execution as (
    select 'midyear_cut_full_execution' as rule_id, p.*, null as indicator_id,
           p.who || '全年预算数由年初' || fmt_wan(p.budget_initial) || '调减至' || fmt_wan(p.budget_full_year)
               || '（' || fmt_pct(p.budget_adjustment_pct_computed) || '），执行率却为'
               || fmt_pct(coalesce(p.execution_rate_pct, p.execution_rate_pct_computed)) as explanation,
           p.budget_adjustment_pct_computed as metric_value, -p.midyear_cut_pct as threshold
    from projects as p
    where p.budget_initial > 0
      and p.budget_full_year < p.budget_initial * (1 - p.midyear_cut_pct / 100)
      and coalesce(p.execution_rate_pct, p.execution_rate_pct_computed) >= p.full_execution_pct - p.rate_slack_pp
),

unspent_over_20pct as (
    select 'unspent_over_20pct' as rule_id, p.*, null as indicator_id,
           p.who || '全年预算' || fmt_wan(p.budget_full_year) || '，执行' || fmt_wan(p.executed) || '，未执行比例'
               || fmt_pct(p.unspent_share_pct_computed) || '，超过' || fmt_pct(p.unspent_share_pct) as explanation,
           p.unspent_share_pct_computed as metric_value, p.unspent_share_pct as threshold
    from projects as p
    where p.unspent_share_pct_computed > p.unspent_share_pct
),

low_execution as (
    select 'low_execution' as rule_id, p.*, null as indicator_id,
           p.who || '预算执行率' || fmt_pct(p.rate_used) || '，低于' || fmt_pct(p.low_execution_pct) as explanation,
           p.rate_used as metric_value, p.low_execution_pct as threshold
    from projects as p
    where p.rate_used < p.low_execution_pct
),

money_columns as (
    -- each money column of the block: the 年度资金总额 row beside the sum of its parts
    select m.project_id, c.column_label,
           max(c.amount) filter (where m.row_role = 'total') as total_amount,
           sum(c.amount) filter (where m.row_role = 'part') as parts_amount,
           count(c.amount) filter (where m.row_role = 'part') as n_parts
    from money_rows as m,
         lateral (values ('年初预算数', m.budget_initial), ('全年预算数', m.budget_full_year), ('全年执行数', m.executed))
             as c(column_label, amount)
    group by all
),

components_mismatch as (
    select 'components_mismatch' as rule_id, p.*, null as indicator_id,
           p.who || '资金来源各分项的' || mc.column_label || '相加为' || fmt_wan(mc.parts_amount) || '，而“年度资金总额”为'
               || fmt_wan(mc.total_amount) as explanation,
           mc.parts_amount as metric_value, mc.total_amount as threshold
    from projects as p
    join money_columns as mc using (project_id)
    where mc.n_parts > 0 and abs(mc.parts_amount - mc.total_amount) > p.amount_tolerance_wan
),

all_flags as (
    select * from uniform_perfect
    union all by name select * from canned_actual
    union all by name select * from score_above_money
    union all by name select * from missed_target_top_grade
    union all by name select * from weights_not_100
    union all by name select * from execution_score_over_weight
    union all by name select * from total_mismatch
    union all by name select * from rate_mismatch
    union all by name select * from grade_band_mismatch
    union all by name select * from midyear_cut_full_execution
    union all by name select * from unspent_over_20pct
    union all by name select * from low_execution
    union all by name select * from components_mismatch
),

final as (
    select
        rule_id, agency_key, agency, region, year, report_id, project_id,
        indicator_id::varchar as indicator_id, file_name, name as subject, explanation,
        metric_value::double as metric_value, threshold::double as threshold, severity::varchar as severity
    from all_flags
)

select * from final
