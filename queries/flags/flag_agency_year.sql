-- flag_agency_year: agency × year flags — far from the peers of the same year, or a jump from last year.
-- grain:   rule_id × agency_key × year × metric
-- inputs:  int_agency_year, int_scope_rules
-- outputs: rule_id, agency_key, agency, region, year, report_id / project_id / indicator_id (null),
--          file_name (null), subject (the agency), explanation, metric_value, threshold
-- peer_outlier: robust z = (x − median) / (MAD / 0.6745) over all agencies of the same year (when the MAD
-- is 0, the mean absolute deviation × 1.2533 stands in, so one odd agency among identical peers still
-- shows); only with at least peer_min_agencies peers. Metrics: execution_rate_pct_computed, mean_score.
-- yoy_jump: consecutive years only; execution rate (points), mean self-score (points), budget (%).
with

agency_years as (
    select a.*, ru.peer_robust_z, ru.peer_min_agencies, ru.yoy_rate_jump_pp, ru.yoy_score_jump_points,
           ru.yoy_budget_jump_pct
    from int_agency_year as a
    left join int_scope_rules as ru on ru.region is not distinct from a.region and ru.year is not distinct from a.year
),

metrics as (
    select a.*, m.metric_label, m.unit, m.value
    from agency_years as a,
         lateral (values ('预算执行率', '%', a.execution_rate_pct_computed), ('平均自评分', '分', a.mean_score))
             as m(metric_label, unit, value)
    where m.value is not null and a.year is not null
),

medians as (
    select year, metric_label, median(value) as peer_median, count(*) as peers
    from metrics
    group by all
),

deviations as (
    select m.*, md.peer_median, md.peers, abs(m.value - md.peer_median) as abs_dev
    from metrics as m
    join medians as md using (year, metric_label)
),

scales as (
    select year, metric_label,
           case when median(abs_dev) > 0 then median(abs_dev) / 0.6745
                when avg(abs_dev) > 0 then avg(abs_dev) * 1.253314 end as scale
    from deviations
    group by all
),

peer_outlier as (
    select 'peer_outlier' as rule_id, d.*,
           (d.value - d.peer_median) / s.scale as robust_z,
           d.year || '年' || d.metric_label || fmt_num(d.value) || d.unit || '，同年' || d.peers || '家单位的中位数为'
               || fmt_num(d.peer_median) || d.unit || '，稳健z值' || fmt_num((d.value - d.peer_median) / s.scale)
               as explanation,
           (d.value - d.peer_median) / s.scale as metric_value, d.peer_robust_z as threshold
    from deviations as d
    join scales as s using (year, metric_label)
    where d.peers >= d.peer_min_agencies
      and s.scale > 0
      and abs(d.value - d.peer_median) / s.scale > d.peer_robust_z
),

yoy_checks as (
    select a.*, c.metric_label, c.current_value, c.change, c.unit, c.limit_value
    from agency_years as a,
         lateral (values
             ('预算执行率', fmt_pct(a.execution_rate_pct_computed), a.execution_rate_yoy_pp, '个百分点', a.yoy_rate_jump_pp),
             ('平均自评分', fmt_num(a.mean_score) || '分', a.mean_score_yoy, '分', a.yoy_score_jump_points),
             ('预算数', fmt_wan(a.budget), a.budget_yoy_pct, '%', a.yoy_budget_jump_pct)
         ) as c(metric_label, current_value, change, unit, limit_value)
    where abs(c.change) > c.limit_value
),

yoy_jump as (
    select 'yoy_jump' as rule_id, y.*,
           y.year || '年' || y.metric_label || y.current_value || '，比上年'
               || case when y.change > 0 then '增加' else '减少' end || fmt_num(abs(y.change)) || y.unit
               || '，超过' || fmt_num(y.limit_value) || y.unit as explanation,
           y.change as metric_value, y.limit_value as threshold
    from yoy_checks as y
),

final as (
    select rule_id, agency_key, agency, region, year, null::varchar as report_id, null::varchar as project_id,
           null::varchar as indicator_id, null::varchar as file_name, agency as subject, explanation,
           metric_value::double as metric_value, threshold::double as threshold
    from peer_outlier
    union all
    select rule_id, agency_key, agency, region, year, null, null, null, null, agency, explanation,
           metric_value::double, threshold::double
    from yoy_jump
)

select * from final
