"""Plotly figure → PNG / PDF / SVG bytes on the server, with a caption line stamped in the image.

One decision: all renders go through kaleido's sync server, started once and shared by
every export of a report (a browser start costs ~3 s, a render with a running server
~0.2 s). `ChartRenderer` is the handle; nested renderers share one server and the
last one to leave stops it. Prerequisites (Chromium, a CJK font) are checked before
the server starts, so a missing package gives a Chinese message, not a stack trace.
"""
from __future__ import annotations

import threading
import warnings
from dataclasses import dataclass, field
from datetime import date

import kaleido
import plotly.graph_objects as go
import plotly.io as pio
from kaleido.errors import BrowserClosedError, BrowserFailedError, ChromeNotFoundError, KaleidoError

from dashboard.exporting.prereqs import MISSING_CHROMIUM, ExportUnavailable, check_prerequisites

BROWSER_FAILED = "chromium 无法启动或中途退出，请确认已安装 chromium（apt-get install chromium）后重试"

CJK_FONT_FAMILY = "Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif"
DEFAULT_WIDTH = 1000   # layout pixels; PNG is rendered at scale 2 → 2000 px wide
DEFAULT_HEIGHT = 560
PNG_SCALE = 2
CAPTION_BAND = 36      # extra bottom margin (layout px) that holds the caption line
FORMATS = {"png": "image/png", "pdf": "application/pdf", "svg": "image/svg+xml"}

# Filter keys as the dashboard and the CLI name them → the words a reader sees.
FILTER_LABELS = {
    "year": "年度", "years": "年度", "region": "地区", "regions": "地区",
    "agency": "单位", "agencies": "单位", "report_kind": "报告类型", "sector": "行业",
}

_server_lock = threading.Lock()
_server_users = 0
_render_lock = threading.Lock()


def describe_filters(filters: dict | None) -> str:
    """'年度 2024；地区 丰台区' — empty filters read as '全部数据'."""
    parts = []
    for key, value in (filters or {}).items():
        if value is None or value == "" or value == [] or value == ():
            continue
        shown = _join_values(value) if isinstance(value, (list, tuple, set)) else str(value)
        parts.append(f"{FILTER_LABELS.get(key, key)} {shown}")
    return "；".join(parts) if parts else "全部数据"


def _join_values(values, limit: int = 4) -> str:
    # A caption is one line: long selections are summarised rather than cut off mid-name.
    values = [str(v) for v in values]
    if len(values) <= limit:
        return "、".join(values)
    return "、".join(values[:limit]) + f"等 {len(values)} 个"


def caption_text(filters: dict | None, data_date: date | str | None) -> str:
    """The line stamped under every exported chart: active filters and the data date."""
    when = data_date.isoformat() if isinstance(data_date, date) else (data_date or "未知")
    return f"筛选条件：{describe_filters(filters)}　数据日期：{when}"


def _caption_annotation(caption: str, margin_b: float) -> dict:
    # y=0 is the bottom of the plot area; shifting down by the old margin puts the
    # caption below the axis labels, inside the band added under them.
    return {"text": caption, "showarrow": False, "xref": "paper", "yref": "paper", "x": 0, "y": 0,
            "xanchor": "left", "yanchor": "top", "yshift": -(margin_b + 4), "align": "left",
            "font": {"size": 11, "color": "#666666", "family": CJK_FONT_FAMILY}}


def stamped_figure_dict(fig: go.Figure, caption: str | None) -> dict:
    """The figure as a plain dict with the caption band and line added (what is sent to kaleido).

    Working on the dict avoids plotly re-validating a copied Figure on every render."""
    spec = fig.to_dict()
    layout = spec.setdefault("layout", {})
    layout.setdefault("font", {}).setdefault("family", CJK_FONT_FAMILY)
    if caption:
        margin = layout.setdefault("margin", {})
        margin_b = margin.get("b", 80)
        margin["b"] = margin_b + CAPTION_BAND
        layout["annotations"] = [*layout.get("annotations", []), _caption_annotation(caption, margin_b)]
    return spec


def stamp_caption(fig: go.Figure, caption: str) -> go.Figure:
    """A copy of `fig` with `caption` as a small grey line along the bottom edge, in a CJK font."""
    return go.Figure(stamped_figure_dict(fig, caption))


def layout_size(fig: go.Figure) -> tuple[int, int]:
    """Width and height in layout pixels the export uses (the figure's own, else the defaults)."""
    return int(fig.layout.width or DEFAULT_WIDTH), int(fig.layout.height or DEFAULT_HEIGHT)


def _acquire_server() -> None:
    global _server_users
    with _server_lock:
        if _server_users == 0:
            kaleido.start_sync_server(silence_warnings=True)
        _server_users += 1


def _release_server() -> None:
    global _server_users
    with _server_lock:
        _server_users -= 1
        if _server_users == 0:
            kaleido.stop_sync_server(silence_warnings=True)


@dataclass
class ChartRenderer:
    """Renders many figures through one browser. Use as a context manager.

    `renders` counts images produced, so a caller (or the benchmark) can see the work done.
    """

    scale: float = PNG_SCALE
    renders: int = field(default=0, init=False)
    _open: bool = field(default=False, init=False)
    # The Word report and the zip want the same PNGs: render each (figure, format, caption) once.
    _memo: dict = field(default_factory=dict, init=False, repr=False)

    def __enter__(self) -> "ChartRenderer":
        check_prerequisites(cached=True)
        _acquire_server()
        self._open = True
        return self

    def __exit__(self, *exc) -> None:
        if self._open:
            self._open = False
            _release_server()

    def render(self, fig: go.Figure, fmt: str = "png", *, caption: str | None = None) -> bytes:
        """Bytes of `fig` as png/pdf/svg; `caption` (if given) is stamped in the image."""
        if fmt not in FORMATS:
            raise ValueError(f"不支持的图片格式：{fmt}")
        if not self._open:
            raise RuntimeError("ChartRenderer 需在 with 语句中使用")
        # Memo on the figure object (kept alive in the memo, so its id is not reused).
        memo_key = (id(fig), fmt, caption)
        if memo_key in self._memo:
            return self._memo[memo_key][1]
        width, height = layout_size(fig)
        spec = stamped_figure_dict(fig, caption)
        scale = self.scale if fmt == "png" else 1
        with _render_lock, warnings.catch_warnings():
            # plotly passes kopts that a running server ignores, and warns each time.
            warnings.simplefilter("ignore", UserWarning)
            data = _to_image(spec, fmt, width, height, scale)
        self.renders += 1
        self._memo[memo_key] = (fig, data)
        return data


def _to_image(spec: dict, fmt: str, width: int, height: int, scale: float) -> bytes:
    """pio.to_image with browser failures turned into a Chinese message (no stack trace for users)."""
    try:
        # The dict comes from a validated Figure; validating it again costs ~0.1 s per chart.
        return pio.to_image(spec, format=fmt, width=width, height=height, scale=scale, validate=False)
    except ChromeNotFoundError as err:
        raise ExportUnavailable(MISSING_CHROMIUM) from err
    except (BrowserFailedError, BrowserClosedError) as err:
        raise ExportUnavailable(BROWSER_FAILED) from err
    except KaleidoError as err:
        raise ExportUnavailable(f"图表渲染失败：{err}") from err


def render_one(fig: go.Figure, fmt: str = "png", *, caption: str | None = None) -> bytes:
    """A single image (starts and stops the browser unless a renderer is already open)."""
    with ChartRenderer() as renderer:
        return renderer.render(fig, fmt, caption=caption)
