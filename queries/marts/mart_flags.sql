-- mart_flags: every flag raised, one row each, with its severity and a one-sentence Chinese explanation.
-- grain:   flag_id (rule_id × the entity it points at; components / yoy / peer flags × the check)
-- inputs:  flag_indicator, flag_project, flag_report, flag_agency_year, flag_copied_report,
--          flag_duplicate_indicator_table, rule_flag_rules (queries/rules/flag_rules.csv)
-- outputs: flag_id, rule_id, rule_title (Chinese), severity (high / medium / low), severity_label (高 / 中 / 低),
--          severity_order (1 = high), agency_key, agency, region, year, report_id, project_id, indicator_id,
--          file_name, subject, explanation, metric_value, threshold
-- The level a flag points at: indicator_id set → an indicator; else project_id → a project; else
-- report_id → a report; else the agency × year.
with

flags as (
    select * from flag_indicator
    union all by name select * from flag_project
    union all by name select * from flag_report
    union all by name select * from flag_agency_year
    union all by name select * from flag_copied_report
    union all by name select * from flag_duplicate_indicator_table
),

rules as (
    select rule_id, severity, title from rule_flag_rules
),

final as (
    select
        md5(concat_ws('|', f.rule_id, f.agency_key, f.year::varchar, f.report_id, f.project_id, f.indicator_id,
                      f.explanation)) as flag_id,
        f.rule_id,
        r.title as rule_title,
        coalesce(r.severity, 'medium') as severity,
        case coalesce(r.severity, 'medium') when 'high' then '高' when 'low' then '低' else '中' end as severity_label,
        case coalesce(r.severity, 'medium') when 'high' then 1 when 'low' then 3 else 2 end as severity_order,
        f.agency_key, f.agency, f.region, f.year, f.report_id, f.project_id, f.indicator_id, f.file_name,
        f.subject, f.explanation, f.metric_value, f.threshold
    from flags as f
    left join rules as r using (rule_id)
)

select * from final
