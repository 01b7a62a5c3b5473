-- int_scope_qualitative_tiers: the share of an indicator's weight a qualitative result earns, per region × year.
-- grain:   region × year × tier (达成 / 部分达成 / 未达成)
-- inputs:  stg_reports, rule_qualitative_tiers
-- outputs: region, year, tier, min_share_pct, max_share_pct
-- Same choice as the band table: the whole tier table of the most specific matching scope.
with

scopes as (
    select distinct region, year from stg_reports
),

tiers as (
    select * from rule_qualitative_tiers
),

tier_scopes as (
    select distinct scope_region, scope_year from tiers
),

chosen_scope as (
    select
        s.region, s.year,
        arg_max({'scope_region': t.scope_region, 'scope_year': t.scope_year},
                rule_specificity(t.scope_region, t.scope_year)) as scope
    from scopes as s
    join tier_scopes as t
      on rule_applies(s.region, s.year, t.scope_region, t.scope_year)
    group by all
),

final as (
    select c.region, c.year, t.tier, t.min_share_pct, t.max_share_pct
    from chosen_scope as c
    join tiers as t
      on t.scope_region = c.scope.scope_region
     and t.scope_year is not distinct from c.scope.scope_year
)

select * from final
