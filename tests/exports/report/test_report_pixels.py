"""The report's PDF as pixels: pdftoppm (Debian's poppler-utils, installed by `make test`)
renders every PDF of the test in ONE run per database leg, and each chart, found on its
page by the outline entry the PDF keeps for it, is checked against the data it draws.

Two patients whose logs differ in pain and sides but not in sessions or program: their
pain, left/right and alerts charts differ (only one logged a pain of 9/10), their
adherence, measures and versions charts are the same pixels. Marks are also looked for
where the data puts them (a session's pain, a week's bar). Measure charts (the series are
handed to the render layer until the outcomes service is wired) are compared likewise.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import httpx
import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter
from sqlalchemy import Engine

from app.exports.report import charts, examples, pdf, plot
from app.exports.report.models import MeasureSeries
from app.exports.report.sections import build_page
from tests.exports.report.seeding import PERIOD, Log, seed_patient
from tests.factories import SignedIn

DPI = 72  # one pixel per PDF point: a box in points is a box in pixels
DARK, LIGHT = 110, 235  # grey levels: ink is below DARK, paper above LIGHT


def _pdftoppm() -> str:
    found = shutil.which("pdftoppm")
    if found is None:
        why = "pdftoppm (Debian's poppler-utils) is missing: `make test` installs it"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(why)
        pytest.skip(why + " (`make pdf-tools` as root)")
    return found


@dataclass(frozen=True)
class Chart:
    image: Image.Image  # the chart's rectangle, grey levels
    left: float  # where the chart's drawing starts on the page, in points (its x = 0)
    bottom: float

    def ink(self, x: float, y: float, reach: int = 3) -> int:
        """The darkest grey within `reach` pixels of the drawing's point (x, y)."""
        column, row = round(x), round(self.image.height - y)
        box = (column - reach, row - reach, column + reach + 1, row + reach + 1)
        darkest, _ = self.image.crop(box).getextrema()
        return int(darkest)


def _rasterize(documents: list[bytes], folder: Path) -> list[dict[str, Chart]]:
    """Every document's charts by outline key, from one pdftoppm run over all of them."""
    writer = PdfWriter()
    readers = [PdfReader(io.BytesIO(d)) for d in documents]
    for reader in readers:
        for page in reader.pages:
            writer.add_page(page)
    batch = folder / "batch.pdf"
    with batch.open("wb") as out:
        writer.write(out)
    subprocess.run(
        [_pdftoppm(), "-r", str(DPI), "-gray", "-png", str(batch), str(folder / "page")],
        check=True,
        timeout=60,
    )
    pages = sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.split("-")[1]))
    assert len(pages) == len(writer.pages)
    found: list[dict[str, Chart]] = []
    offset = 0
    for reader in readers:
        charts_here = {}
        for item in reader.outline:
            assert not isinstance(item, list)
            number = reader.get_destination_page_number(item)
            image = Image.open(pages[offset + number]).convert("L")
            left, bottom, right, top = (
                float(v) for v in (item.left, item.bottom, item.right, item.top)
            )
            height = image.height
            crop = image.crop(
                (round(left), round(height - top), round(right), round(height - bottom))
            )
            key = str(item.title)
            charts_here[key] = Chart(crop, left, bottom)
        found.append(charts_here)
        offset += len(reader.pages)
    return found


async def _pdf(client: httpx.AsyncClient, user: SignedIn) -> bytes:
    answer = await client.get(
        "/api/v1/me/report",
        params=PERIOD,
        headers={**user.headers, "Accept": "application/pdf"},
    )
    assert answer.status_code == 200, answer.text
    return answer.content


def _same(a: Chart, b: Chart) -> bool:
    return a.image.tobytes() == b.image.tobytes()


async def test_each_chart_of_the_pdf_is_drawn_from_the_data(
    client: httpx.AsyncClient, admin_engine: Engine, tmp_path: Path
) -> None:
    _pdftoppm()
    first = await seed_patient(client, admin_engine)  # pain 9 then 2; left 10 + 30, right 24
    second = await seed_patient(
        client,
        admin_engine,
        Log(first_pain=3, first_sets=(("right", 20, 5.0),), second_sets=(("right", 10, None),)),
    )
    demo = examples.demo_data()
    assert demo.measures
    psfs = demo.measures[0]
    lower = replace(psfs, points=[*psfs.points[:-1], (psfs.points[-1][0], 3.0)])
    # Only the measure and the versions charts: one page each, less to rasterize.
    demo = replace(demo, weeks=None, pain=None, alerts=None)
    documents = [
        await _pdf(client, first),
        await _pdf(client, second),
        pdf.render_pdf(build_page(demo)),
        pdf.render_pdf(build_page(replace(demo, measures=[lower]))),
    ]
    a, b, demo_a, demo_b = _rasterize(documents, tmp_path)

    # Where the data differs, the charts differ; where it is the same, so are the pixels.
    assert not _same(a["Pain"], b["Pain"])
    assert not _same(a["Left and right"], b["Left and right"])
    assert not _same(a["Alerts"], b["Alerts"])  # only the first logged pain of 9/10
    for same in ("Adherence", "Outcome measures", "Program versions"):
        assert _same(a[same], b[same]), same
    assert not _same(demo_a[psfs.title], demo_b[psfs.title])
    assert _same(demo_a["Program versions"], demo_b["Program versions"])

    # The first session (09:30 on 3 November, Auckland): a ring at 9/10 for the first
    # patient, at 3/10 for the second, and nothing at the other's height.
    period = date(2026, 11, 2), date(2026, 11, 15)
    days = (period[1] - period[0]).days + 1
    pain = plot.Frame(period[0].toordinal(), days, 0, 10)
    x = pain.x(date(2026, 11, 3).toordinal() + 9.5 / 24)
    assert a["Pain"].ink(x, pain.y(9)) < DARK and a["Pain"].ink(x, pain.y(3)) > LIGHT
    assert b["Pain"].ink(x, pain.y(3)) < DARK and b["Pain"].ink(x, pain.y(9)) > LIGHT

    # Left and right, first patient: week 1 left 10, right 24; week 2 left 30, right none.
    # The axis runs 0-30: a solid bar reaches 30 in week 2, no hatched bar stands beside it.
    sides = plot.Frame(period[0].toordinal(), days, 0, 30)
    start, end = sides.week_span(date(2026, 11, 9))
    width = (end - start) * 0.36
    middle = (start + end) / 2
    assert a["Left and right"].ink(middle - width / 2, sides.y(29), reach=1) < DARK
    assert a["Left and right"].ink(middle + width / 2, sides.y(15), reach=1) > LIGHT
    start, end = sides.week_span(date(2026, 11, 2))
    width = (end - start) * 0.36
    middle = (start + end) / 2
    # Week 1's right bar (24, hatched) reaches 17, the left one (10, solid) does not (17 lies
    # between the dotted grid lines at 10 and 20).
    assert a["Left and right"].ink(middle + width / 2, sides.y(17), reach=2) < DARK
    assert a["Left and right"].ink(middle - width / 2, sides.y(17), reach=1) > LIGHT

    # Adherence, week 1: one session done (solid, axis 0-4) beside the three planned
    # (hatched); 1.5 lies between grid lines.
    plan = plot.Frame(period[0].toordinal(), days, 0, 4)
    start, end = plan.week_span(date(2026, 11, 2))
    width = (end - start) * 0.36
    middle = (start + end) / 2
    assert a["Adherence"].ink(middle - width / 2, plan.y(0.5), reach=1) < DARK
    assert a["Adherence"].ink(middle - width / 2, plan.y(1.5), reach=1) > LIGHT
    assert a["Adherence"].ink(middle + width / 2, plan.y(1.5), reach=2) < DARK

    # The pain alert, raised at 10:00 on 3 November (Auckland), open: a hollow diamond in
    # the pain row for the first patient only.
    rows = plot.Frame(period[0].toordinal(), days, 0, len(charts.ALERT_ROWS) + 1)
    x = rows.x(date(2026, 11, 3).toordinal() + 10 / 24)
    assert a["Alerts"].ink(x, rows.y(1)) < DARK
    assert b["Alerts"].ink(x, rows.y(1)) > DARK

    # The measure's last score (1 December, 09:00 in Paris): 6.6 in one series, 3.0 in
    # the other, on the axis each chart derives from its scores, baseline and MCID band.
    def score_frame(series: MeasureSeries) -> plot.Frame:
        values = [v for _, v in series.points] + [3.4, 3.4 - 2.0, 3.4 + 2.0]
        low, high, _ = plot.value_range(values, floor=None)
        return plot.Frame(demo.period.first.toordinal(), demo.period.days, low, high)

    at = date(2026, 12, 1).toordinal() + 9 / 24
    upper, under = score_frame(psfs), score_frame(lower)
    assert demo_a[psfs.title].ink(upper.x(at), upper.y(6.6), reach=1) < DARK
    assert demo_b[psfs.title].ink(under.x(at), under.y(3.0), reach=1) < DARK
    assert demo_b[psfs.title].ink(under.x(at), under.y(6.6), reach=1) > DARK
