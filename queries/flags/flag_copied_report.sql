-- flag_copied_report: a report nearly identical to the same agency's report of another year.
-- grain:   rule_id × (later report, earlier report) pair
-- inputs:  stg_reports, mart_indicator, mart_project, mart_department, findings, int_scope_rules
-- outputs: rule_id, agency_key, agency, region, year (of the later report), report_id (the later report),
--          project_id / indicator_id (null), file_name, subject, explanation (names the earlier file and the
--          similarity), metric_value (Jaccard similarity), threshold
-- A report's content = the set of its indicator rows (name, target, actual), 存在问题/改进措施 sentences,
-- project money lines (name without its year, amounts) and department figures, each hashed — so a
-- narrative report without an indicator table is compared too. Similarity = Jaccard of the two sets. Only reports of the
-- same identified agency are compared (never the bucket of unidentified ones), so the
-- cost grows with reports per agency, not with the square of all reports.
with

reports as (
    select report_id, file_name, agency_key, agency, region, year from stg_reports
    where year is not null and known_agency(agency_key)
),

indicators as (
    select report_id, level1, level2, name, target, actual from mart_indicator
),

findings as (
    select report_id, text from findings
),

projects as (
    select report_id, name, budget_initial, budget_full_year, executed from mart_project
),

departments as (
    select report_id, budget, executed, carryover from mart_department
),

rules as (
    select region, year, copied_similarity, copied_min_items from int_scope_rules
),

items as (
    select distinct report_id, hash(coalesce(level1, ''), coalesce(level2, ''), coalesce(name, ''),
                                    coalesce(target, ''), coalesce(actual, '')) as item
    from indicators
    union
    select distinct report_id, hash(regexp_replace(text, '\s', '', 'g')) as item
    from findings
    union
    -- the year in a project name changes every year even in a copied report
    select distinct report_id, hash(regexp_replace(coalesce(name, ''), '(19|20)[0-9]{2}年?度?', '', 'g'),
                                    budget_initial, budget_full_year, executed) as item
    from projects
    where coalesce(budget_full_year, executed) is not null
    union
    select distinct report_id, hash('department', budget, executed, carryover) as item
    from departments
    where coalesce(budget, executed, carryover) is not null
),

report_items as (
    select r.report_id, r.agency_key, r.year, i.item
    from items as i
    join reports as r using (report_id)
),

sizes as (
    select report_id, count(*) as n_items from report_items group by report_id
),

shared as (
    select later.report_id as later_id, earlier.report_id as earlier_id, count(*) as n_shared
    from report_items as later
    join report_items as earlier
      on earlier.agency_key = later.agency_key and earlier.item = later.item and earlier.year < later.year
    group by all
),

pairs as (
    select
        s.later_id, s.earlier_id, s.n_shared, ls.n_items as later_items, es.n_items as earlier_items,
        s.n_shared / (ls.n_items + es.n_items - s.n_shared) as similarity
    from shared as s
    join sizes as ls on ls.report_id = s.later_id
    join sizes as es on es.report_id = s.earlier_id
),

final as (
    select
        'copied_report' as rule_id, l.agency_key, l.agency, l.region, l.year, l.report_id,
        null::varchar as project_id, null::varchar as indicator_id, l.file_name, l.agency as subject,
        l.year || '年报告与' || e.year || '年报告（' || e.file_name || '）内容相似度' || fmt_pct(p.similarity * 100)
            || '：' || greatest(p.later_items, p.earlier_items) || '条指标、问题表述与金额中' || p.n_shared || '条完全相同'
            as explanation,
        round(p.similarity, 4)::double as metric_value, ru.copied_similarity::double as threshold
    from pairs as p
    join reports as l on l.report_id = p.later_id
    join reports as e on e.report_id = p.earlier_id
    left join rules as ru on ru.region is not distinct from l.region and ru.year is not distinct from l.year
    where p.similarity >= ru.copied_similarity
      and least(p.later_items, p.earlier_items) >= ru.copied_min_items
)

select * from final
