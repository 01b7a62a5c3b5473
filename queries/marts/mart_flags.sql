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

rated as (
    -- a flag view may weaken one check of a rule (its own severity column); else the rule's severity
    select f.* exclude (severity), r.title as rule_title, coalesce(f.severity, r.severity, 'medium') as severity
    from flags as f
    left join rules as r using (rule_id)
),

final as (
    select
        md5(concat_ws('|', rule_id, agency_key, year::varchar, report_id, project_id, indicator_id,
                      explanation)) as flag_id,
        rule_id,
        rule_title,
        severity,
        case severity when 'high' then '高' when 'low' then '低' else '中' end as severity_label,
        case severity when 'high' then 1 when 'low' then 3 else 2 end as severity_order,
        agency_key, agency, region, year, report_id, project_id, indicator_id, file_name,
        subject, explanation, metric_value, threshold
    from rated
)

select * from final
