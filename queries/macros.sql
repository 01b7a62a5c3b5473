-- Macros the views share. Created by loaders/views.py before any view.
-- fmt_num: a number as people write it — at most two decimals, no trailing zeros (100, 3.42, 83.1).
create or replace macro fmt_num(x) as regexp_replace(printf('%.2f', x), '\.?0+$', '');
-- fmt_wan: an amount in 万元 with its unit.
create or replace macro fmt_wan(x) as fmt_num(x) || '万元';
-- fmt_pct: a percent number with its sign.
create or replace macro fmt_pct(x) as fmt_num(x) || '%';
-- rule_applies / rule_specificity: which rows of a rule table (queries/rules/*.csv) apply to a
-- report's region and year, and which of them wins — the longest region prefix, then a stated year.
create or replace macro rule_applies(region, year, scope_region, scope_year) as
    (scope_region = '*' or starts_with(region, scope_region)) and (scope_year is null or scope_year = year);
create or replace macro rule_specificity(scope_region, scope_year) as
    (case when scope_region = '*' then 0 else length(scope_region) end) * 10 + (scope_year is not null)::integer;
-- known_agency: the report's agency was identified. Reports whose agency the extractor could not read
-- share the key '未识别单位' (one bucket in the agency marts); they are never compared with each other
-- as if they were one agency's reports (copied reports, duplicated tables).
create or replace macro known_agency(agency_key) as agency_key <> '未识别单位';
