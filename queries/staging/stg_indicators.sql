-- stg_indicators: one indicator row of a project's table, as printed and as parsed, corrections applied.
-- grain:   indicator_id (= project_id || ':' || seq)
-- inputs:  indicators, stg_corrections (entity = 'indicator', key = file_name || '/' || project seq || '/' || seq)
-- outputs: indicator_id, project_id, report_id, seq, level1, level2, name, target, actual, weight, score,
--          deviation_reason, target_op/value/unit/label, actual_op/value/unit/label (parsed by the loader),
--          is_corrected, corrected_fields
-- A correction of the target or actual text does not re-parse it here (parsing is Python): whoever
-- writes such a correction also writes the parsed fields (target_value, actual_value …) it implies.
with

indicators as (
    select * from indicators
),

fixes as (
    select entity_id as indicator_id, map_from_entries(list((field, new_value))) as fixes,
           list(field order by field) as corrected_fields
    from stg_corrections
    where entity = 'indicator'
    group by entity_id
),

final as (
    select
        t.indicator_id,
        t.project_id,
        t.report_id,
        t.seq,
        case when map_contains(f.fixes, 'level1') then f.fixes['level1'] else t.level1 end as level1,
        case when map_contains(f.fixes, 'level2') then f.fixes['level2'] else t.level2 end as level2,
        case when map_contains(f.fixes, 'name') then f.fixes['name'] else t.name end as name,
        case when map_contains(f.fixes, 'target') then f.fixes['target'] else t.target end as target,
        case when map_contains(f.fixes, 'actual') then f.fixes['actual'] else t.actual end as actual,
        case when map_contains(f.fixes, 'weight') then try_cast(f.fixes['weight'] as double) else t.weight end as weight,
        case when map_contains(f.fixes, 'score') then try_cast(f.fixes['score'] as double) else t.score end as score,
        case when map_contains(f.fixes, 'deviation_reason') then f.fixes['deviation_reason'] else t.deviation_reason end as deviation_reason,
        case when map_contains(f.fixes, 'target_op') then f.fixes['target_op'] else t.target_op end as target_op,
        case when map_contains(f.fixes, 'target_value') then try_cast(f.fixes['target_value'] as double) else t.target_value end as target_value,
        case when map_contains(f.fixes, 'target_unit') then f.fixes['target_unit'] else t.target_unit end as target_unit,
        case when map_contains(f.fixes, 'target_label') then f.fixes['target_label'] else t.target_label end as target_label,
        case when map_contains(f.fixes, 'actual_op') then f.fixes['actual_op'] else t.actual_op end as actual_op,
        case when map_contains(f.fixes, 'actual_value') then try_cast(f.fixes['actual_value'] as double) else t.actual_value end as actual_value,
        case when map_contains(f.fixes, 'actual_unit') then f.fixes['actual_unit'] else t.actual_unit end as actual_unit,
        case when map_contains(f.fixes, 'actual_label') then f.fixes['actual_label'] else t.actual_label end as actual_label,
        coalesce(f.corrected_fields, []) as corrected_fields,
        f.indicator_id is not null as is_corrected
    from indicators as t
    left join fixes as f using (indicator_id)
)

select * from final
