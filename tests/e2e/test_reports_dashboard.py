"""Journey: the provincial office opens the dashboard, sees the charts drawn from the same
figures as the tables, and downloads the recognised products as Excel."""

import datetime
import io
import time
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from accounts.models import Role
from certificates.certified import freeze
from certificates.models import Certificate
from dossiers.models import DossierState, RoundState
from regions.models import Commune
from tests import factories
from tests.e2e.conftest import sign_in_as

pytestmark = pytest.mark.e2e


def _recognise(commune, stars: int, issuer, round_) -> Certificate:
    product = factories.ProductFactory(producer=factories.ProducerFactory(commune=commune))
    dossier = factories.DossierFactory(round=round_, product=product, state=DossierState.APPROVED)
    certificate = Certificate(
        dossier=dossier, product=product, number=f"OCOP-33-2025-{product.pk:04d}",
        product_code=f"33-{commune.code}-{product.pk:03d}-2025", stars=stars,
        average=Decimal(60 + 10 * (stars - 3)), decision_number="1/QĐ-UBND",
        decision_date=datetime.date.today() - datetime.timedelta(days=30),
        valid_until=datetime.date.today() + datetime.timedelta(days=1000), issued_by=issuer,
    )  # fmt: skip
    freeze(certificate, certificate.product)
    certificate.save()
    return certificate


def test_provincial_office_reads_the_dashboard_and_exports_it(page, live_server):
    office = factories.UserFactory(
        email="vanphong@example.vn", role=Role.PROVINCIAL_OFFICE, province_id=33, is_staff=True
    )
    round_ = factories.RoundFactory(state=RoundState.CLOSED)
    communes = list(Commune.objects.filter(province_id=33).order_by("code")[:2])
    for stars, commune in zip((3, 4, 4), communes * 2, strict=False):
        _recognise(commune, stars, office, round_)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in_as(page, office)

    page.goto("/")
    page.get_by_role("link", name="Bảng tổng hợp").first.click()
    _wait_until(page, "document.querySelectorAll('canvas').length >= 6")
    # The scripts are deferred, and the charts below the first screen are drawn just after the
    # load event: wait for Chart.js itself first.
    _wait_until(
        page,
        "typeof Chart !== 'undefined'"
        " && Array.from(document.querySelectorAll('canvas')).every(c => Chart.getChart(c))",
    )
    drawn = page.evaluate(
        "Array.from(document.querySelectorAll('canvas')).every(c => Chart.getChart(c))"
    )
    stars = page.evaluate("Chart.getChart('chart-stars').data.datasets[0].data")
    timing = page.evaluate(
        """() => { const n = performance.getEntriesByType('navigation')[0];
                   return {charts: performance.getEntriesByName('dashboard-charts')[0].duration,
                           browser: n.loadEventEnd - n.responseEnd}; }"""
    )
    with page.expect_download() as download:
        page.get_by_role("link", name="Sản phẩm được công nhận (Excel)").click()

    assert errors == []
    assert drawn is True
    assert stars == [1, 2, 0]
    # The dashboard opens in under 0.5 s. Measured in the browser, from the last byte of the
    # page to the end of the load event (the server's own time, the live server in a thread of
    # this test on a shared two-core machine, is left out), and the script's own work on the
    # first screen's charts. Bounds are generous for a loaded CI machine (typically 200-300 ms
    # and 80-150 ms here) yet fail at the 1.0-1.35 s of six charts animating before load.
    assert timing["charts"] < 400, timing
    assert timing["browser"] < 800, timing
    assert page.locator("[data-figure=total] strong").inner_text() == "3"
    with open(download.value.path(), "rb") as handle:  # saved without its .xlsx name
        workbook = load_workbook(io.BytesIO(handle.read()), read_only=True)
    assert len(list(workbook.active.iter_rows(min_row=4, values_only=True))) == 3


def _wait_until(page, expression: str, seconds: float = 15) -> None:
    """Poll ``expression`` with page.evaluate: wait_for_function evaluates its string inside the
    page, where the Content-Security-Policy (no 'unsafe-eval') may refuse it."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"still false after {seconds} s: {expression}"
        page.wait_for_timeout(100)
