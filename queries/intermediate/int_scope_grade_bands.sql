-- int_scope_grade_bands: the grade band table that applies to each region × year present in the data.
-- grain:   region × year × band_rank
-- inputs:  stg_reports, rule_grade_bands
-- outputs: region, year, band_rank (1 = top), band, lower_bound, lower_inclusive, upper_bound,
--          upper_inclusive, band_label (e.g. '优 [90, 100]')
-- A band table is taken whole from the most specific scope that has one (bands of different scopes
-- never mix, so a local 85/75/60 table fully replaces the national 90/80/60 one).
with

scopes as (
    select distinct region, year from stg_reports
),

bands as (
    select * from rule_grade_bands
),

band_scopes as (
    select distinct scope_region, scope_year from bands
),

chosen_scope as (
    select
        s.region, s.year,
        arg_max({'scope_region': b.scope_region, 'scope_year': b.scope_year},
                rule_specificity(b.scope_region, b.scope_year)) as scope
    from scopes as s
    join band_scopes as b
      on rule_applies(s.region, s.year, b.scope_region, b.scope_year)
    group by all
),

final as (
    select
        c.region, c.year, b.band_rank, b.band,
        b.lower_bound, b.lower_inclusive, b.upper_bound, b.upper_inclusive,
        b.band || ' ' || (case when b.lower_inclusive then '[' else '(' end) || b.lower_bound::varchar
            || ', ' || b.upper_bound::varchar || (case when b.upper_inclusive then ']' else ')' end) as band_label
    from chosen_scope as c
    join bands as b
      on b.scope_region = c.scope.scope_region
     and b.scope_year is not distinct from c.scope.scope_year
)

select * from final
