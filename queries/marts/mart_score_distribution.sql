-- mart_score_distribution: how many projects fall in each grade band, per agency and year.
-- grain:   agency_key × year × band_rank (every band of the applicable band table, zero counts included)
-- inputs:  mart_project, int_scope_grade_bands
-- outputs: agency_key, agency, region, year, band_rank, band, band_label, lower_bound, upper_bound,
--          projects (by printed total score), projects_computed (by recomputed total), projects_scored
--          (projects of the agency-year with a printed total), share_pct (of projects_scored)
-- Bands come from the rule set of the agency's region and year (queries/rules/grade_bands.csv).
with

projects as (
    select * from mart_project
),

bands as (
    select * from int_scope_grade_bands
),

agency_years as (
    select agency_key, year, max(region) as region, max(agency) as agency,
           count(total_score) as projects_scored
    from projects
    group by agency_key, year
),

counts as (
    select agency_key, year, grade_band_rank as band_rank, count(*) as projects
    from projects
    where grade_band_rank is not null
    group by all
),

counts_computed as (
    select agency_key, year, grade_band_computed_rank as band_rank, count(*) as projects_computed
    from projects
    where grade_band_computed_rank is not null
    group by all
),

final as (
    select
        a.agency_key, a.agency, a.region, a.year,
        b.band_rank, b.band, b.band_label, b.lower_bound, b.upper_bound,
        coalesce(c.projects, 0) as projects,
        coalesce(cc.projects_computed, 0) as projects_computed,
        a.projects_scored,
        case when a.projects_scored > 0 then round(coalesce(c.projects, 0) * 100.0 / a.projects_scored, 2) end
            as share_pct
    from agency_years as a
    join bands as b on b.region is not distinct from a.region and b.year is not distinct from a.year
    left join counts as c on c.agency_key = a.agency_key and c.year is not distinct from a.year
                         and c.band_rank = b.band_rank
    left join counts_computed as cc on cc.agency_key = a.agency_key and cc.year is not distinct from a.year
                                   and cc.band_rank = b.band_rank
)

select * from final
