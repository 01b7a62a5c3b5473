-- Macros the views use to write their Chinese explanations. Created by loaders/views.py before any view.
-- fmt_num: a number as people write it — at most two decimals, no trailing zeros (100, 3.42, 83.1).
create or replace macro fmt_num(x) as regexp_replace(printf('%.2f', x), '\.?0+$', '');
-- fmt_wan: an amount in 万元 with its unit.
create or replace macro fmt_wan(x) as fmt_num(x) || '万元';
-- fmt_pct: a percent number with its sign.
create or replace macro fmt_pct(x) as fmt_num(x) || '%';
