-- Raw tables written by `perfdash load` (one report = one transaction).
-- Grain and keys are a contract for queries/ (views) and dashboard/ (reads marts only).
-- Money is 万元, percentages are percent numbers (97.64), as in FORMAT.md.
-- Values as the report states them; anything we compute lives in views as *_computed.

create table if not exists agencies (
    agency_id      varchar primary key,   -- stable id: hash of (region, normalised name)
    canonical_name varchar not null,
    region         varchar,
    level          varchar,               -- 省 / 市 / 县(区) / 乡镇, when known
    sector         varchar,               -- 教育 / 卫健 / 信访 …, when known
    name_key       varchar,               -- normalised name used for matching (loaders/agencies.py)
    created_at     timestamp
);

create table if not exists agency_aliases (
    alias      varchar not null,          -- a name as written in some report
    region     varchar,
    agency_id  varchar not null,
    source     varchar not null default 'auto',   -- auto | analyst
    confidence double,
    primary key (alias, agency_id)
);

-- Uncertain agency matches for an analyst: a new agency was created for `alias`
-- (agency_id) that may be the same as candidate_id. Never merged automatically.
create table if not exists agency_review (
    alias        varchar not null,
    region       varchar,
    agency_id    varchar not null,           -- the agency created for alias
    candidate_id varchar not null,           -- the existing agency it may be
    score        double,                     -- 0..1 name similarity
    reason       varchar,
    status       varchar not null,           -- open | merged | dismissed
    created_at   timestamp not null
);

create table if not exists reports (
    report_id       varchar primary key,  -- content hash of the source file
    file_name       varchar not null,
    file_path       varchar not null,
    content_hash    varchar not null,
    source_format   varchar,              -- txt | docx | pdf | xlsx | html
    encoding        varchar,              -- what the reader decided
    parser_version  varchar not null,
    loaded_at       timestamp not null,
    agency          varchar,              -- as written
    agency_id       varchar,              -- canonical agency (agencies.agency_id)
    region          varchar,
    year            integer,
    report_kind     varchar,              -- project | department | mixed
    evaluation_type varchar,              -- self | department | third_party | unknown
    total_score     double,
    grade           varchar,
    source_url      varchar,
    n_lines         integer
);

create table if not exists department_budgets (
    report_id                  varchar primary key,
    budget                     double,
    executed                   double,
    execution_rate_pct         double,
    carryover                  double,
    carryover_rate_pct         double,
    basic_expenditure          double,
    project_expenditure        double,
    basic_budget               double,
    project_budget             double,
    personnel_expenditure      double,
    public_expenditure         double,
    budget_final_diff_rate_pct double,
    income                     double,
    budget_initial             double     -- 年初预算数, when the report states it apart from the full-year budget
);

create table if not exists projects (
    project_id         varchar primary key,   -- report_id || ':' || seq
    report_id          varchar not null,
    seq                integer not null,      -- order in the document, from 1
    name               varchar,
    subject            varchar not null,      -- project | department
    budget_initial     double,
    budget_full_year   double,
    executed           double,
    execution_rate_pct double,
    execution_weight   double,
    execution_score    double,
    total_score        double,
    grade              varchar
);

create table if not exists money_rows (
    project_id         varchar not null,
    seq                integer not null,
    label              varchar not null,      -- 年度资金总额 / 其中:本年财政拨款 / 上年结转资金 / 其他资金
    budget_initial     double,
    budget_full_year   double,
    executed           double,
    execution_rate_pct double,
    execution_weight   double,
    execution_score    double,
    line_start         integer,
    line_end           integer,
    primary key (project_id, seq)
);

create table if not exists indicators (
    indicator_id     varchar primary key,    -- project_id || ':' || seq
    project_id       varchar not null,
    report_id        varchar not null,
    seq              integer not null,
    level1           varchar,
    level2           varchar,
    name             varchar,
    target           varchar,                -- the words, as written
    actual           varchar,
    weight           double,
    score            double,
    deviation_reason varchar,
    -- parsed by loaders (operator: >= <= = > < or null; label: 完成 / 达成预期指标 / 部分达成 / 未达成 …)
    target_op        varchar,
    target_value     double,
    target_unit      varchar,
    target_label     varchar,
    actual_op        varchar,
    actual_value     double,
    actual_unit      varchar,
    actual_label     varchar
);

create table if not exists findings (
    report_id  varchar not null,
    seq        integer not null,
    kind       varchar not null,             -- problem | measure
    text       varchar not null,
    line_start integer,
    line_end   integer,
    primary key (report_id, seq)
);

-- Where each stored value came from: the dashboard shows the source sentence.
create table if not exists provenance (
    report_id  varchar not null,
    entity     varchar not null,             -- report | department | project | indicator | money_row
    entity_id  varchar not null,             -- report_id / project_id / indicator_id
    field      varchar not null,
    line_start integer,
    line_end   integer,
    snippet    varchar                       -- the source lines, trimmed to 500 characters
);

create table if not exists load_log (
    file_path      varchar not null,
    file_name      varchar not null,
    content_hash   varchar,
    status         varchar not null,         -- loaded | unchanged | replaced | failed
    parser_version varchar not null,
    report_id      varchar,
    warnings       varchar[],
    error          varchar,
    logged_at      timestamp not null
);

-- Analyst corrections, kept apart from extracted data so re-loads never lose them.
create table if not exists corrections (
    correction_id bigint primary key,
    entity        varchar not null,          -- report | department | project | indicator
    entity_key    varchar not null,          -- stable key that survives re-parsing
    field         varchar not null,
    old_value     varchar,
    new_value     varchar,
    reason        varchar not null,
    author        varchar not null,
    created_at    timestamp not null
);
