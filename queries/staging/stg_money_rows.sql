-- stg_money_rows: the rows of a project's money block, typed by role.
-- grain:   project_id × seq
-- inputs:  money_rows
-- outputs: project_id, seq, label, row_role ('total' for 年度资金总额, 'part' for 其中/上年结转/其他资金 rows),
--          budget_initial, budget_full_year, executed, execution_rate_pct
-- Why row_role: the parts of the total row are checked against it (components_mismatch); labels vary
-- (资金总额 / 年度资金总额 / 合计), so the role is decided here once.
with

money_rows as (
    select * from money_rows
),

final as (
    select
        project_id,
        seq,
        label,
        case
            when regexp_matches(label, '(资金总额|合计|总计)') then 'total'
            else 'part'
        end as row_role,
        budget_initial,
        budget_full_year,
        executed,
        execution_rate_pct
    from money_rows
)

select * from final
