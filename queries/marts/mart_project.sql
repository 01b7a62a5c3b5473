-- mart_project: every evaluated project (or department-wide table) with its money, rates and scores,
-- printed beside recomputed.
-- grain:   project_id
-- inputs:  stg_projects, stg_reports, mart_indicator, int_scope_rules, int_scope_grade_bands, rule_grade_words
-- outputs: ids (project_id, report_id, seq), agency_key, agency, agency_as_written, agency_id, region, year,
--          report_kind, evaluation_type, file_name, name, subject,
--          money: budget_initial, budget_full_year, executed (万元, as printed),
--          budget_adjustment_pct_computed (全年 vs 年初), unspent_share_pct_computed,
--          execution_rate_pct (printed), execution_rate_pct_computed (executed / budget_full_year),
--          execution_weight, execution_weight_used (printed, else the default), execution_score (printed),
--          execution_score_computed (min(w, rate × w / 100)),
--          indicators: n_indicators, indicator_weight_sum, indicator_score_sum, indicator_score_ratio_pct,
--          weight_sum_total (indicators + execution weight), total_weight_expected (all default weights),
--          indicator_weight_expected (the defaults without 预算执行率),
--          n_full_marks, share_full_marks_pct, n_met, n_missed, n_not_measurable, n_canned_actual,
--          n_over_achieved, n_score_over_weight, worst_missed (struct: indicator_id, name, target/actual values),
--          totals: total_score (printed), total_score_summed (printed indicator scores + execution score),
--          total_score_computed (re-scored indicators + execution_score_computed, null when any indicator
--          cannot be re-scored), total_score_computed_min / _max (qualitative ranges),
--          grade (as written on the project), report_grade, grade_effective (project grade, else the
--          report's), grade_source (项目 / 报告), grade_written_rank, grade_band (band of total_score),
--          grade_band_rank, grade_band_computed (band of total_score_computed), is_uniform_perfect, is_total_perfect,
--          is_corrected (project or any of its indicators), corrected_fields
with

projects as (
    select * from stg_projects
),

reports as (
    select report_id, file_name, agency_key, agency, agency_as_written, agency_id, region, year,
           report_kind, evaluation_type, grade as report_grade
    from stg_reports
),

indicators as (
    select * from mart_indicator
),

rules as (
    select * from int_scope_rules
),

bands as (
    select * from int_scope_grade_bands
),

grade_words as (
    select word, band_rank from rule_grade_words
),

indicator_totals as (
    select
        project_id,
        count(*) as n_indicators,
        count(weight) as n_weighted,
        count(score) as n_scored,
        sum(weight) as indicator_weight_sum,
        sum(score) as indicator_score_sum,
        count(*) filter (where is_full_marks) as n_full_marks,
        count(*) filter (where met) as n_met,
        count(*) filter (where not met) as n_missed,
        count(*) filter (where met is null) as n_not_measurable,
        count(*) filter (where is_canned_actual) as n_canned_actual,
        count(*) filter (where is_over_achieved) as n_over_achieved,
        count(*) filter (where score > weight + 0.005) as n_score_over_weight,
        count(score_computed) as n_computed,
        sum(score_computed) as score_computed_sum,
        count(score_computed_min) as n_computed_range,
        sum(score_computed_min) as score_computed_min_sum,
        sum(score_computed_max) as score_computed_max_sum,
        bool_or(is_corrected) as any_indicator_corrected,
        arg_min({'indicator_id': indicator_id, 'name': name, 'target_value': target_value,
                 'target_unit': target_unit, 'actual_value': actual_value, 'actual_unit': actual_unit,
                 'direction': direction, 'gap_pct': gap_pct},
                coalesce(gap_pct, 0)) filter (where not met) as worst_missed
    from indicators
    group by project_id
),

computed as (
    select
        p.*,
        r.file_name, r.agency_key, r.agency, r.agency_as_written, r.agency_id, r.region, r.year,
        r.report_kind, r.evaluation_type, r.report_grade,
        coalesce(t.n_indicators, 0) as n_indicators,
        t.n_weighted, t.n_scored, t.indicator_weight_sum, t.indicator_score_sum,
        coalesce(t.n_full_marks, 0) as n_full_marks,
        coalesce(t.n_met, 0) as n_met,
        coalesce(t.n_missed, 0) as n_missed,
        coalesce(t.n_not_measurable, 0) as n_not_measurable,
        coalesce(t.n_canned_actual, 0) as n_canned_actual,
        coalesce(t.n_over_achieved, 0) as n_over_achieved,
        coalesce(t.n_score_over_weight, 0) as n_score_over_weight,
        t.n_computed, t.score_computed_sum, t.n_computed_range, t.score_computed_min_sum, t.score_computed_max_sum,
        t.worst_missed,
        coalesce(t.any_indicator_corrected, false) as any_indicator_corrected,
        case when p.budget_full_year > 0 then round(p.executed / p.budget_full_year * 100, 2) end
            as execution_rate_pct_computed,
        case when p.budget_initial > 0
             then round((p.budget_full_year - p.budget_initial) / p.budget_initial * 100, 2) end
            as budget_adjustment_pct_computed,
        case when p.budget_full_year > 0
             then round((p.budget_full_year - p.executed) / p.budget_full_year * 100, 2) end
            as unspent_share_pct_computed,
        coalesce(p.execution_weight, ru.execution_weight_default) as execution_weight_used,
        ru.total_weight_default as total_weight_expected,
        ru.indicator_weight_default as indicator_weight_expected,
        ru.score_tolerance,
        ru.perfect_total_score,
        coalesce(p.grade, r.report_grade) as grade_effective,
        case when p.grade is not null then '项目' when r.report_grade is not null then '报告' end as grade_source
    from projects as p
    join reports as r using (report_id)
    left join indicator_totals as t using (project_id)
    left join rules as ru on ru.region is not distinct from r.region and ru.year is not distinct from r.year
),

scored as (
    select
        c.*,
        -- the rate the score rule uses: recomputed from the amounts, else the printed one
        round(least(c.execution_weight_used,
                    coalesce(c.execution_rate_pct_computed, c.execution_rate_pct) * c.execution_weight_used / 100), 2)
            as execution_score_computed,
        case when c.n_indicators > 0 and c.n_weighted = c.n_indicators and c.n_scored = c.n_indicators
                  and c.indicator_weight_sum > 0
             then round(c.indicator_score_sum / c.indicator_weight_sum * 100, 2) end as indicator_score_ratio_pct,
        case when c.n_indicators > 0 and c.n_weighted = c.n_indicators
             then c.indicator_weight_sum + coalesce(c.execution_weight, 0) end as weight_sum_total,
        case when c.n_indicators > 0 then round(c.n_full_marks * 100.0 / c.n_indicators, 2) end
            as share_full_marks_pct,
        -- printed arithmetic: every indicator scored, and the execution score present unless the table
        -- has no execution row at all
        case when c.n_indicators > 0 and c.n_scored = c.n_indicators
                  and (c.execution_score is not null or c.execution_weight is null)
             then round(c.indicator_score_sum + coalesce(c.execution_score, 0), 2) end as total_score_summed
    from computed as c
),

totals as (
    select
        s.*,
        case when s.n_indicators > 0 and s.n_computed = s.n_indicators and s.execution_score_computed is not null
             then round(s.score_computed_sum + s.execution_score_computed, 2) end as total_score_computed,
        case when s.n_indicators > 0 and s.n_computed_range = s.n_indicators and s.execution_score_computed is not null
             then round(s.score_computed_min_sum + s.execution_score_computed, 2) end as total_score_computed_min,
        case when s.n_indicators > 0 and s.n_computed_range = s.n_indicators and s.execution_score_computed is not null
             then round(s.score_computed_max_sum + s.execution_score_computed, 2) end as total_score_computed_max
    from scored as s
),

final as (
    select
        t.project_id, t.report_id, t.seq,
        t.agency_key, t.agency, t.agency_as_written, t.agency_id, t.region, t.year,
        t.report_kind, t.evaluation_type, t.file_name,
        t.name, t.subject,
        t.budget_initial, t.budget_full_year, t.executed,
        t.budget_adjustment_pct_computed, t.unspent_share_pct_computed,
        t.execution_rate_pct, t.execution_rate_pct_computed,
        t.execution_weight, t.execution_weight_used, t.execution_score, t.execution_score_computed,
        t.n_indicators, t.indicator_weight_sum, t.indicator_score_sum, t.indicator_score_ratio_pct,
        t.weight_sum_total, t.total_weight_expected, t.indicator_weight_expected,
        t.n_full_marks, t.share_full_marks_pct, t.n_met, t.n_missed, t.n_not_measurable,
        t.n_canned_actual, t.n_over_achieved, t.n_score_over_weight, t.worst_missed,
        t.total_score, t.total_score_summed, t.total_score_computed,
        t.total_score_computed_min, t.total_score_computed_max,
        t.grade, t.report_grade, t.grade_effective, t.grade_source,
        gw.band_rank as grade_written_rank,
        b1.band as grade_band, b1.band_rank as grade_band_rank,
        b2.band as grade_band_computed, b2.band_rank as grade_band_computed_rank,
        coalesce(t.n_indicators > 0 and t.n_full_marks = t.n_indicators
                 and t.total_score >= t.perfect_total_score - t.score_tolerance, false) as is_uniform_perfect,
        coalesce(t.total_score >= t.perfect_total_score - t.score_tolerance, false) as is_total_perfect,
        t.is_corrected or t.any_indicator_corrected as is_corrected,
        t.corrected_fields
    from totals as t
    left join grade_words as gw on gw.word = trim(t.grade_effective)
    left join bands as b1
      on b1.region is not distinct from t.region and b1.year is not distinct from t.year
     and (t.total_score > b1.lower_bound or (b1.lower_inclusive and t.total_score = b1.lower_bound))
     and (t.total_score < b1.upper_bound or (b1.upper_inclusive and t.total_score = b1.upper_bound))
    left join bands as b2
      on b2.region is not distinct from t.region and b2.year is not distinct from t.year
     and (t.total_score_computed > b2.lower_bound or (b2.lower_inclusive and t.total_score_computed = b2.lower_bound))
     and (t.total_score_computed < b2.upper_bound or (b2.upper_inclusive and t.total_score_computed = b2.upper_bound))
)

select * from final
