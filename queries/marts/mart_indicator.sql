-- mart_indicator: every indicator with its target and actual read, compared and re-scored.
-- grain:   indicator_id
-- inputs:  stg_indicators, stg_projects, stg_reports, int_scope_rules, int_scope_qualitative_tiers,
--          rule_qualitative_labels, rule_canned_phrases
-- outputs: ids (indicator_id, project_id, report_id), agency_key, agency, agency_as_written, agency_id,
--          region, year, file_name, project_name, project_seq, seq, level1, level2, name,
--          target / actual as written and parsed (target_op/value/unit/label, actual_*),
--          direction (正向 / 反向 / 等于 / 定性), units_comparable, gap_abs, gap_pct (negative = short of
--          target), met (true / false / null = not measurable), met_status (达成 / 未达成 / 无法判断),
--          qualitative_tier, weight, score (printed), score_ratio_pct, score_computed (quantitative rule),
--          score_computed_min / _max (qualitative tier range; equal to score_computed when quantitative),
--          score_gap (printed − computed), is_full_marks, is_canned_actual, is_over_achieved,
--          deviation_reason, lacks_deviation_reason, is_corrected, corrected_fields
-- Direction: the operator decides (≥ > 正向, ≤ < 反向, = 等于). A bare number with no operator is read
-- as 正向 (95% means "at least 95%"), except a 成本 indicator, where a bare amount is a ceiling (反向).
-- A target without a number is 定性. Units must agree (or one side be unitless) before comparing:
-- otherwise gap and met stay null — no guessed conversions.
with

indicators as (
    select * from stg_indicators
),

projects as (
    select project_id, seq as project_seq, name as project_name from stg_projects
),

reports as (
    select report_id, file_name, agency_key, agency, agency_as_written, agency_id, region, year, report_kind
    from stg_reports
),

rules as (
    select region, year, overachievement_pct from int_scope_rules
),

tiers as (
    select * from int_scope_qualitative_tiers
),

labels as (
    select label, tier from rule_qualitative_labels
),

canned as (
    select distinct phrase from rule_canned_phrases
),

normalised as (
    select
        i.*,
        regexp_replace(coalesce(i.actual, ''), '[\s。．.，,；;：:、！!（）()]', '', 'g') as actual_norm,
        regexp_replace(coalesce(i.target, ''), '[\s。．.，,；;：:、！!（）()]', '', 'g') as target_norm,
        regexp_replace(coalesce(i.name, ''), '[\s。．.，,；;：:、！!（）()]', '', 'g') as name_norm
    from indicators as i
),

directed as (
    select
        n.*,
        case
            when n.target_op in ('>=', '>') then '正向'
            when n.target_op in ('<=', '<') then '反向'
            when n.target_op = '=' then '等于'
            when n.target_value is not null
                 and (coalesce(n.level2, '') like '%成本%' or coalesce(n.level1, '') like '%成本%') then '反向'
            when n.target_value is not null then '正向'
            when n.target_norm <> '' then '定性'
        end as direction,
        n.target_value is not null and n.actual_value is not null
            and (n.target_unit is null or n.actual_unit is null or n.target_unit = n.actual_unit) as units_comparable,
        -- canned: a stock phrase, or the target / the indicator name repeated as the "actual".
        -- A repeated number (target 100%, actual 100%) is a real value, so only wordy repeats count.
        (c1.phrase is not null or c2.phrase is not null
            or (n.actual_norm <> '' and n.target_value is null and n.actual_norm = n.target_norm)
            or (n.actual_norm <> '' and n.actual_norm = n.name_norm)) as is_canned_actual,
        coalesce(l1.tier, l2.tier) as qualitative_tier
    from normalised as n
    left join canned as c1 on c1.phrase = n.actual_norm
    left join canned as c2 on c2.phrase = n.actual_label
    left join labels as l1 on l1.label = n.actual_label
    left join labels as l2 on l2.label = n.actual_norm
),

compared as (
    select
        d.*,
        case
            when not d.units_comparable then null
            when d.direction = '反向' then d.target_value - d.actual_value
            else d.actual_value - d.target_value
        end as gap_abs,
        case
            when not d.units_comparable then null
            when d.direction = '正向' then d.actual_value >= d.target_value
            when d.direction = '反向' then d.actual_value <= d.target_value
            when d.direction = '等于' and d.target_value = 0 then d.actual_value <= 0
            when d.direction = '等于' then d.actual_value >= d.target_value
        end as met_quantitative
    from directed as d
),

scored as (
    select
        c.*,
        case
            when c.direction = '定性' and c.is_canned_actual then null
            when c.direction = '定性' and c.qualitative_tier = '达成' then true
            when c.direction = '定性' and c.qualitative_tier in ('部分达成', '未达成') then false
            when c.direction = '定性' then null
            else c.met_quantitative
        end as met,
        case
            when c.weight is null or not c.units_comparable then null
            when c.direction = '等于' and c.target_value = 0
                then case when c.actual_value <= 0 then c.weight else 0 end
            when c.direction in ('正向', '等于') and c.actual_value >= c.target_value then c.weight
            when c.direction in ('正向', '等于') and c.target_value > 0
                then greatest(0, c.weight * c.actual_value / c.target_value)
            when c.direction = '反向' and c.actual_value <= c.target_value then c.weight
            when c.direction = '反向' and c.target_value > 0 and c.actual_value < 2 * c.target_value
                then c.weight * (1 - (c.actual_value - c.target_value) / c.target_value)
            when c.direction = '反向' and c.target_value >= 0 then 0
        end as score_rule
    from compared as c
),

final as (
    select
        s.indicator_id, s.project_id, s.report_id,
        r.agency_key, r.agency, r.agency_as_written, r.agency_id, r.region, r.year, r.report_kind, r.file_name,
        p.project_name, p.project_seq,
        s.seq, s.level1, s.level2, s.name,
        s.target, s.actual,
        s.target_op, s.target_value, s.target_unit, s.target_label,
        s.actual_op, s.actual_value, s.actual_unit, s.actual_label,
        s.direction,
        s.units_comparable,
        round(s.gap_abs, 4) as gap_abs,
        case when s.gap_abs is not null and s.target_value <> 0
             then round(s.gap_abs / abs(s.target_value) * 100, 2) end as gap_pct,
        s.met,
        case when s.met then '达成' when not s.met then '未达成' else '无法判断' end as met_status,
        s.qualitative_tier,
        s.weight,
        s.score,
        case when s.weight > 0 then round(s.score / s.weight * 100, 2) end as score_ratio_pct,
        round(s.score_rule, 2) as score_computed,
        case when s.direction = '定性' and s.weight is not null
             then round(s.weight * t.min_share_pct / 100, 2) else round(s.score_rule, 2) end as score_computed_min,
        case when s.direction = '定性' and s.weight is not null
             then round(s.weight * t.max_share_pct / 100, 2) else round(s.score_rule, 2) end as score_computed_max,
        round(s.score - s.score_rule, 2) as score_gap,
        coalesce(s.weight > 0 and s.score >= s.weight - 0.005, false) as is_full_marks,
        s.is_canned_actual,
        coalesce(s.direction = '正向' and s.units_comparable and s.target_value > 0
                 and s.actual_value >= s.target_value * ru.overachievement_pct / 100, false) as is_over_achieved,
        s.deviation_reason,
        coalesce(s.met = false and nullif(trim(s.deviation_reason), '') is null, false) as lacks_deviation_reason,
        s.is_corrected,
        s.corrected_fields
    from scored as s
    join reports as r on r.report_id = s.report_id
    left join projects as p on p.project_id = s.project_id
    left join rules as ru on ru.region is not distinct from r.region and ru.year is not distinct from r.year
    left join tiers as t
      on t.region is not distinct from r.region and t.year is not distinct from r.year
     and t.tier = s.qualitative_tier
)

select * from final
