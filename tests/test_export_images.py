"""Chart images: size at scale 2, Chinese rendered as glyphs (not boxes), caption stamped in.

One kaleido server for the whole module (a browser start costs seconds).
"""
from __future__ import annotations

import io
import re

import plotly.graph_objects as go
import pytest
from PIL import Image, ImageChops

from dashboard.exporting.images import (
    CJK_FONT_FAMILY, ChartRenderer, caption_text, describe_filters, layout_size, stamp_caption,
)

TOFU = "\ue000\ue001\ue002\ue003\ue004"          # private-use code points: no font has them → boxes
TOFU_OTHER = "\ue010\ue011\ue012\ue013\ue014"
TITLE_BOX = (0, 0, 1200, 220)                      # top of a 600×300 layout at scale 2


@pytest.fixture(scope="module")
def renderer():
    import shutil
    from tests.conftest import require
    require(shutil.which("chromium") is not None, "Debian chromium is not installed (apt-get install chromium)")
    with ChartRenderer() as r:
        yield r


def _title_figure(title: str) -> go.Figure:
    return go.Figure(layout={"title": {"text": title, "font": {"size": 28}}, "width": 600, "height": 300,
                             "font": {"family": CJK_FONT_FAMILY}})


def _title_pixels(renderer, title: str) -> Image.Image:
    png = renderer.render(_title_figure(title), "png")
    return Image.open(io.BytesIO(png)).convert("L").crop(TITLE_BOX)


def test_png_is_twice_the_layout_size(renderer):
    fig = go.Figure(go.Bar(x=["甲", "乙"], y=[1, 2]), layout={"width": 700, "height": 400})
    image = Image.open(io.BytesIO(renderer.render(fig, "png", caption="筛选条件：全部数据")))
    image.verify()
    assert image.format == "PNG"
    assert image.size == (1400, 800)


def test_default_size_when_the_figure_has_none(renderer):
    fig = go.Figure(go.Bar(x=["甲"], y=[1]))
    width, height = layout_size(fig)
    assert Image.open(io.BytesIO(renderer.render(fig, "png"))).size == (2 * width, 2 * height)


def test_two_chinese_titles_render_differently(renderer):
    first, second = _title_pixels(renderer, "预算执行率"), _title_pixels(renderer, "结转结余率")
    assert ImageChops.difference(first, second).getbbox() is not None


def test_chinese_title_is_not_boxes(renderer):
    chinese, tofu = _title_pixels(renderer, "预算执行率"), _title_pixels(renderer, TOFU)
    assert ImageChops.difference(chinese, tofu).getbbox() is not None
    # Why the comparison above means something: missing glyphs all draw the same box, so two
    # different unrenderable strings give identical pixels (Chinese without a font would too).
    assert ImageChops.difference(tofu, _title_pixels(renderer, TOFU_OTHER)).getbbox() is None


def test_caption_is_drawn_in_the_bottom_band(renderer):
    fig = go.Figure(go.Bar(x=["甲", "乙"], y=[1, 2]), layout={"width": 600, "height": 300})
    caption = caption_text({"year": 2024, "region": "丰台区"}, "2025-03-31")
    plain = Image.open(io.BytesIO(renderer.render(fig, "png"))).convert("L")
    stamped = Image.open(io.BytesIO(renderer.render(fig, "png", caption=caption))).convert("L")
    assert plain.size == stamped.size
    bottom = (0, stamped.height - 60, stamped.width // 2, stamped.height)
    assert ImageChops.difference(plain.crop(bottom), stamped.crop(bottom)).getbbox() is not None


def test_pdf_and_svg_exports(renderer):
    fig = go.Figure(go.Bar(x=["甲"], y=[1]), layout={"width": 600, "height": 300, "title": "预算执行率",
                                                     "font": {"family": CJK_FONT_FAMILY}})
    pdf = renderer.render(fig, "pdf")
    assert pdf.startswith(b"%PDF")
    # The Chinese glyphs travel inside the PDF (a subset of the CJK font), not as boxes.
    assert re.search(rb"/FontName\s*/[A-Z]{6}\+(NotoSansCJK|WenQuanYi)", pdf)
    svg = renderer.render(fig, "svg", caption="筛选条件：年度 2024").decode("utf-8")
    assert svg.lstrip().startswith("<svg") and "筛选条件：年度 2024" in svg


def test_same_figure_is_rendered_once(renderer):
    fig = go.Figure(go.Bar(x=["丙"], y=[3]), layout={"width": 500, "height": 300})
    before = renderer.renders
    first = renderer.render(fig, "png", caption="x")
    assert renderer.render(fig, "png", caption="x") == first
    assert renderer.renders == before + 1


def test_caption_names_the_filters_and_date():
    text = caption_text({"year": 2024, "region": "丰台区", "agencies": ["信访办", "教委"], "report_kind": None},
                        "2025-03-31")
    assert text == "筛选条件：年度 2024；地区 丰台区；单位 信访办、教委　数据日期：2025-03-31"
    assert describe_filters({}) == "全部数据"
    assert describe_filters({"agencies": ["甲", "乙", "丙", "丁", "戊", "己"]}) == "单位 甲、乙、丙、丁等 6 个"


def test_stamp_caption_adds_one_annotation_and_keeps_the_original():
    fig = go.Figure(go.Bar(x=["甲"], y=[1]))
    stamped = stamp_caption(fig, "筛选条件：年度 2024")
    assert [a.text for a in stamped.layout.annotations] == ["筛选条件：年度 2024"]
    assert len(fig.layout.annotations) == 0
    assert stamped.layout.margin.b == 80 + 36


def test_render_outside_with_block_is_refused():
    with pytest.raises(RuntimeError):
        ChartRenderer().render(go.Figure(), "png")
