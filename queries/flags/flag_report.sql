-- flag_report: flags on a report's department-level money and on its overall grade.
-- grain:   rule_id × report_id (components_mismatch: × check)
-- inputs:  mart_department, stg_reports, int_scope_rules, int_scope_grade_bands, rule_grade_words
-- outputs: rule_id, agency_key, agency, region, year, report_id, project_id (null), indicator_id (null),
--          file_name, subject (the agency), explanation, metric_value, threshold, severity (null = the
--          rule's severity from flag_rules.csv; 'low' for the weaker 预算 − 支出 vs 结转结余 check)
-- Rules: rate_mismatch (execution rate; carry-over rate against the rule's denominator, naming the amount
-- the printed rate matches instead), components_mismatch (基本+项目支出 vs 支出; 人员+公用经费 vs 基本支出;
-- 基本+项目预算 vs 预算; 预算 − 支出 vs 结转结余), unspent_over_20pct, low_execution, grade_band_mismatch
-- (the report's total score against its grade word).
with

departments as (
    select d.*, ru.low_execution_pct, ru.unspent_share_pct, ru.rate_slack_pp,
           -- a budget of 0 leaves the rate undefined rather than 0 %
           case when d.budget = 0 then null
                else coalesce(d.execution_rate_pct_computed, d.execution_rate_pct) end as rate_used
    from mart_department as d
    left join int_scope_rules as ru on ru.region is not distinct from d.region and ru.year is not distinct from d.year
),

reports as (
    select * from stg_reports
),

execution_rate_mismatch as (
    select 'rate_mismatch' as rule_id, d.*,
           '部门印出的预算执行率为' || fmt_pct(d.execution_rate_pct) || '，按支出' || fmt_wan(d.executed) || '÷预算'
               || fmt_wan(d.budget) || '计算为' || fmt_pct(d.execution_rate_pct_computed) as explanation,
           d.execution_rate_pct_computed as metric_value, d.execution_rate_pct as threshold
    from departments as d
    where d.budget > 0 and abs(d.executed / d.budget * 100 - d.execution_rate_pct) > d.execution_rate_tolerance
),

carryover_rate_mismatch as (
    select 'rate_mismatch' as rule_id, d.*,
           '结转结余率印为' || fmt_pct(d.carryover_rate_pct) || '，按结转结余' || fmt_wan(d.carryover) || '÷'
               || d.carryover_denominator_label || fmt_wan(d.carryover_denominator_value) || '计算为'
               || fmt_pct(d.carryover_rate_pct_computed)
               || case d.carryover_rate_printed_basis
                      when '支出预算数' then '；印出的比率与按预算' || fmt_wan(d.budget) || '计算的一致'
                      when '支出完成数' then '；印出的比率与按支出' || fmt_wan(d.executed) || '计算的一致'
                      when '基本支出' then '；印出的比率与按基本支出' || fmt_wan(d.basic_expenditure) || '计算的一致'
                      when '基本支出预算' then '；印出的比率与按基本支出预算' || fmt_wan(d.basic_budget) || '计算的一致'
                      else '' end as explanation,
           d.carryover_rate_pct_computed as metric_value, d.carryover_rate_pct as threshold
    from departments as d
    where d.carryover_denominator_value > 0
      and abs(d.carryover / d.carryover_denominator_value * 100 - d.carryover_rate_pct) > d.carryover_rate_tolerance
),

component_checks as (
    select d.*, c.part_label, c.parts, c.total_label, c.total, c.check_severity
    from departments as d,
         lateral (values
             ('基本支出' || fmt_wan(d.basic_expenditure) || ' + 项目支出' || fmt_wan(d.project_expenditure),
              d.expenditure_parts_sum, '支出合计', d.executed, null),
             ('人员经费' || fmt_wan(d.personnel_expenditure) || ' + 日常公用经费' || fmt_wan(d.public_expenditure),
              d.basic_parts_sum, '基本支出', d.basic_expenditure, null),
             ('基本支出预算' || fmt_wan(d.basic_budget) || ' + 项目支出预算' || fmt_wan(d.project_budget),
              d.budget_parts_sum, '预算', d.budget, null),
             -- weaker evidence: 结转结余 may include balances outside this year's budget
             ('预算' || fmt_wan(d.budget) || ' − 支出' || fmt_wan(d.executed),
              d.unspent_computed, '结转结余', d.carryover, 'low')
         ) as c(part_label, parts, total_label, total, check_severity)
),

components_mismatch as (
    select 'components_mismatch' as rule_id, c.*,
           c.part_label || ' = ' || fmt_wan(c.parts) || '，不等于' || c.total_label || fmt_wan(c.total) as explanation,
           c.parts as metric_value, c.total as threshold, c.check_severity as severity
    from component_checks as c
    where abs(c.parts - c.total) > c.amount_tolerance_wan
),

unspent_over_20pct as (
    select 'unspent_over_20pct' as rule_id, d.*,
           '部门预算' || fmt_wan(d.budget) || '，支出' || fmt_wan(d.executed) || '，未执行比例'
               || fmt_pct(d.unspent_share_pct_computed) || '，超过' || fmt_pct(d.unspent_share_pct) as explanation,
           d.unspent_share_pct_computed as metric_value, d.unspent_share_pct as threshold
    from departments as d
    where d.unspent_share_pct_computed > d.unspent_share_pct
),

low_execution as (
    select 'low_execution' as rule_id, d.*,
           '部门预算执行率' || fmt_pct(d.rate_used) || '，低于' || fmt_pct(d.low_execution_pct) as explanation,
           d.rate_used as metric_value, d.low_execution_pct as threshold
    from departments as d
    where d.rate_used < d.low_execution_pct
),

report_grades as (
    select r.*, b.band, b.band_rank, gw.band_rank as written_rank
    from reports as r
    join rule_grade_words as gw on gw.word = trim(r.grade)
    join int_scope_grade_bands as b
      on b.region is not distinct from r.region and b.year is not distinct from r.year
     and (r.total_score > b.lower_bound or (b.lower_inclusive and r.total_score = b.lower_bound))
     and (r.total_score < b.upper_bound or (b.upper_inclusive and r.total_score = b.upper_bound))
),

grade_band_mismatch as (
    select 'grade_band_mismatch' as rule_id, g.*,
           '报告总分' || fmt_num(g.total_score) || '分，按分数段应为“' || g.band || '”，印出的等级却是“' || g.grade || '”'
               as explanation,
           g.total_score as metric_value, null::double as threshold
    from report_grades as g
    where g.written_rank <> g.band_rank
),

all_flags as (
    select * exclude (part_label, parts, total_label, total, check_severity) from components_mismatch
    union all by name select * from execution_rate_mismatch
    union all by name select * from carryover_rate_mismatch
    union all by name select * from unspent_over_20pct
    union all by name select * from low_execution
),

final as (
    select
        rule_id, agency_key, agency, region, year, report_id, null::varchar as project_id,
        null::varchar as indicator_id, file_name, agency as subject, explanation,
        metric_value::double as metric_value, threshold::double as threshold, severity::varchar as severity
    from all_flags
    union all
    select
        rule_id, agency_key, agency, region, year, report_id, null::varchar, null::varchar, file_name,
        agency, explanation, metric_value::double, threshold::double, null::varchar
    from grade_band_mismatch
)

select * from final
