-- mart_agency_label: the name the dashboard shows for each agency.
-- grain:   agency_key (one row per registered agency that has an agency-year)
-- inputs:  mart_agency_year
-- outputs: agency_key, agency (as registered), region (the agency's most frequent region),
--          agency_label (the name, made unique: 民政局（滨河区）; 民政局（滨河区 a1b2c3）when even the
--          region does not tell two registered agencies apart)
-- Until an analyst merges them, the registry may hold two agencies with one name (written with
-- and without the province); charts keyed by name would add them up. Computed once per build so
-- every dashboard query joins a small table instead of counting distinct keys per query.
with

agencies as (
    select agency_key, max(agency) as agency, mode(region) as region
    from mart_agency_year
    group by agency_key
),

names as (
    select agency, count(*) as n_keys, count(distinct region) as n_regions
    from agencies
    group by agency
),

final as (
    select
        a.agency_key,
        a.agency,
        a.region,
        case when n.n_keys = 1 then a.agency
             when n.n_regions = n.n_keys then a.agency || '（' || coalesce(a.region, '地区不详') || '）'
             else a.agency || '（' || coalesce(a.region, '地区不详') || ' ' || left(a.agency_key, 6) || '）'
        end as agency_label
    from agencies as a
    join names as n on n.agency = a.agency
)

select * from final
