"""Agency identity: name keys, automatic matching, review list, merge and split."""
from __future__ import annotations

import duckdb
import pytest

from loaders.agencies import (
    AgencyRegistry, agency_level, agency_sector, dismiss_review, merge_agencies, name_key, open_reviews,
    region_parts, split_agency,
)
from loaders.db import ensure_schema

FENGTAI = "北京市丰台区"


@pytest.fixture
def con():
    con = duckdb.connect(":memory:")
    ensure_schema(con)
    yield con
    con.close()


@pytest.mark.parametrize("name", [
    "北京市丰台区信访办公室", "丰台区信访办", "区信访办", "北京市丰台区人民政府信访办公室", "丰台区信访办公室（本级）",
])
def test_fengtai_petition_office_spellings_share_one_key(name):
    assert name_key(name, FENGTAI) == "信访办"


@pytest.mark.parametrize(("name", "region", "key"), [
    ("杭州市市场监督管理局", "浙江省杭州市", "市场监管局"),
    ("市市场监督管理局", "浙江省杭州市", "市场监管局"),   # the leading 市 stands for 杭州市
    ("市场监管局", "浙江省杭州市", "市场监管局"),         # 市场 is a word, not the region
    ("中共北京市丰台区委员会办公室", FENGTAI, "委办"),
    ("济南市市中区教育局", "山东省济南市市中区", "教育局"),
    ("长沙市雨花区发展和改革局", "长沙市雨花区", "发改局"),
    ("雨花区发改局", "长沙市雨花区", "发改局"),
    ("西平县交通运输局", "河南省西平县", "交通局"),
    ("丰台区城市管理局", FENGTAI, "城管局"),
    ("丰台区城管局", FENGTAI, "城管局"),
    ("池州市贵池区棠溪镇人民政府", "池州市贵池区棠溪镇", "棠溪镇"),
])
def test_name_keys(name, region, key):
    assert name_key(name, region) == key


def test_region_parts_keep_zhou_shi_together():
    assert region_parts("浙江省杭州市") == ["浙江省", "杭州市"]
    assert region_parts("四川省甘孜藏族自治州泸定县") == ["四川省", "甘孜藏族自治州", "泸定县"]


@pytest.mark.parametrize(("name", "sector"), [
    ("北京市丰台区信访办公室", "信访"), ("丰台区卫生健康委员会", "卫健"), ("城乡建设局", "住房建设"),
    ("某某镇人民政府", "街道乡镇"), ("区委办公室", None),
])
def test_sector_words(name, sector):
    assert agency_sector(name) == sector


def test_levels():
    assert agency_level("丰台区信访办", FENGTAI) == "县(区)"
    assert agency_level("杭州市教育局", "浙江省杭州市") == "市"
    assert agency_level("浙江省财政厅", "浙江省") == "省"
    assert agency_level("长辛店镇人民政府", FENGTAI) == "乡镇"
    assert agency_level("某局", None) is None


def test_three_spellings_resolve_to_one_agency(con):
    reg = AgencyRegistry(con)
    ids = {reg.resolve(n, FENGTAI).agency_id for n in ("北京市丰台区信访办公室", "丰台区信访办", "区信访办")}
    assert len(ids) == 1
    reg.write_pending()
    rows = con.execute("select canonical_name, region, level, sector from agencies").fetchall()
    assert rows == [("北京市丰台区信访办公室", FENGTAI, "县(区)", "信访")]
    aliases = {r[0] for r in con.execute("select alias from agency_aliases").fetchall()}
    assert aliases == {"北京市丰台区信访办公室", "丰台区信访办", "区信访办"}


def test_other_district_is_another_agency(con):
    a = resolve(con, "丰台区信访办", FENGTAI).agency_id
    b = resolve(con, "朝阳区信访办", "北京市朝阳区").agency_id
    assert a != b
    assert open_reviews(con) == []


def test_region_written_shorter_is_the_same_agency(con):
    full = resolve(con, "北京市丰台区信访办公室", FENGTAI)
    short = resolve(con, "丰台区信访办公室", "丰台区")
    assert (short.agency_id, short.how) == (full.agency_id, "region_tail")
    assert open_reviews(con) == []


def test_uncertain_match_goes_to_review_not_merged(con):
    full = resolve(con, "北京市丰台区信访办公室", FENGTAI)
    other = resolve(con, "丰台区信访办公室", "河北省某市丰台区")   # another 丰台区: the short spelling is ambiguous
    short = resolve(con, "丰台区信访办公室", "丰台区")
    assert short.agency_id not in (full.agency_id, other.agency_id) and short.how == "new_review"
    reviews = [r for r in open_reviews(con) if r["agency_id"] == short.agency_id]
    assert {r["candidate_id"] for r in reviews} == {full.agency_id, other.agency_id}
    assert "北京市丰台区信访办公室" in {r["candidate_name"] for r in reviews}
    # similar name in the same sector and region: also only a suggestion
    bureau = resolve(con, "北京市丰台区信访局", FENGTAI)
    assert bureau.agency_id != full.agency_id
    assert any(r["agency_id"] == bureau.agency_id and r["candidate_id"] == full.agency_id
               for r in open_reviews(con))


def test_short_region_matching_two_districts_is_not_guessed(con):
    a = resolve(con, "青山区教育局", "江南省云溪市青山区")
    b = resolve(con, "青山区教育局", "湖北省武汉市青山区")
    assert a.agency_id != b.agency_id
    short = resolve(con, "青山区教育局", "青山区")
    assert short.agency_id not in (a.agency_id, b.agency_id) and short.how == "new_review"


def resolve(con, name, region):
    """Resolve with a fresh registry and write its new rows, like one load would."""
    reg = AgencyRegistry(con)
    match = reg.resolve(name, region)
    reg.write_pending()
    return match


def _report(con, rid, agency, agency_id):
    con.execute("insert into reports (report_id, file_name, file_path, content_hash, parser_version, loaded_at, "
                "agency, agency_id) values (?, ?, ?, ?, 'test', now(), ?, ?)",
                [rid, f"{rid}.txt", f"/x/{rid}.txt", rid, agency, agency_id])


def test_merge_moves_reports_and_survives_later_matching(con):
    keep = resolve(con, "北京市丰台区信访办公室", FENGTAI).agency_id
    other = resolve(con, "北京市丰台区信访局", FENGTAI).agency_id
    _report(con, "r1", "北京市丰台区信访办公室", keep)
    _report(con, "r2", "北京市丰台区信访局", other)
    assert merge_agencies(con, keep, [other]) == 1
    assert con.execute("select distinct agency_id from reports").fetchall() == [(keep,)]
    assert con.execute("select count(*) from agencies where agency_id = ?", [other]).fetchall() == [(0,)]
    assert all(r["agency_id"] != other for r in open_reviews(con))
    # a later load of the same name lands on the kept agency (analyst alias wins)
    again = resolve(con, "北京市丰台区信访局", FENGTAI)
    assert (again.agency_id, again.how) == (keep, "alias")


def test_split_moves_named_reports_to_a_new_agency(con):
    one = resolve(con, "北京市丰台区信访办公室", FENGTAI).agency_id
    assert resolve(con, "区信访办", FENGTAI).agency_id == one
    _report(con, "r1", "北京市丰台区信访办公室", one)
    _report(con, "r2", "区信访办", one)
    new = split_agency(con, one, ["区信访办"], new_name="丰台区信访办（区级）")
    assert new != one
    assert dict(con.execute("select report_id, agency_id from reports").fetchall()) == {"r1": one, "r2": new}
    assert resolve(con, "区信访办", FENGTAI).agency_id == new
    assert con.execute("select canonical_name, sector from agencies where agency_id = ?", [new]).fetchall() == [
        ("丰台区信访办（区级）", "信访")]


def test_dismiss_review(con):
    resolve(con, "北京市丰台区信访办公室", FENGTAI)
    resolve(con, "北京市丰台区信访局", FENGTAI)      # similar name, same sector: one review row
    (review,) = open_reviews(con)
    dismiss_review(con, review["alias"], review["agency_id"], review["candidate_id"])
    assert open_reviews(con) == []


def test_merge_unknown_agency_says_so(con):
    with pytest.raises(KeyError, match="没有这些单位编号"):
        merge_agencies(con, "nope", ["also-nope"])


def test_names_are_stored_verbatim_and_bound(con):
    evil = "<script>alert(1)</script>'; DROP TABLE agencies; --"
    match = resolve(con, evil, FENGTAI)
    assert con.execute("select canonical_name from agencies where agency_id = ?",
                       [match.agency_id]).fetchall() == [(evil,)]
