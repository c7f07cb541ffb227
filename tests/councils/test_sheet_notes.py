"""The sheets' stop, knock-out and applicability notes on the pages (issue 16, item 2): the
member records a finding beside the criterion, the sheet says the product is not rated, and the
consolidated sheet, the stored result and the minutes name the note that stopped it."""

import io
from dataclasses import replace
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from certificates.session_documents import render_minutes_pdf, render_proposal_pdf
from councils.models import ScoreSheet
from councils.services import compute_council_result, store_council_result

from .conftest import submitted_sheet

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
# Set 4 (honey), under 6.1 "Tạp chất" (Decision 26/2026, Appendix II).
IMPURITY_NOTE = (
    "Chú ý: Nếu có các tạp chất không chấp nhận được (có nguy cơ gây mất an toàn thực phẩm) sẽ "
    "không đánh giá các bước tiếp theo"
)


def _url(name, dossier):
    return reverse(f"evaluations:{name}", kwargs={"pk": dossier.pk})


def _record(client, dossier, code, recorded=True):
    values = ["", "on"] if recorded else [""]
    return client.post(_url("sheet-autosave", dossier), {f"finding-{code}": values}, **HTMX)


def test_the_sheet_asks_for_the_finding_beside_the_criterion_whose_note_needs_it(
    client, council_member, dossier
):
    client.force_login(council_member)

    page = client.get(_url("sheet", dossier))

    row = next(
        r for r in page.context["rows"] if r.get("criterion") and r["criterion"].code == "6.1"
    )
    assert [(i["rule"].kind, i["rule"].text, i["recorded"]) for i in row["rules"]] == [
        ("stop", IMPURITY_NOTE, False)
    ]
    assert page.text.count('type="checkbox" name="finding-') == 1
    assert 'name="finding-6.1"' in page.text
    assert 'data-role="note-applies_if"' in page.text  # 5.2 "Chỉ áp dụng khi …"
    assert 'data-role="stopped-alert"' not in page.text


def test_recording_a_finding_is_saved_and_the_sheet_says_the_product_is_not_rated(
    client, council_member, dossier
):
    client.force_login(council_member)

    response = _record(client, dossier, "6.1")

    sheet = ScoreSheet.objects.get(dossier=dossier, member=council_member)
    assert response.status_code == 200
    assert sheet.findings == ["6.1"]
    assert [rule.criterion for rule, _kind in response.context["stops"]] == ["6.1"]
    assert 'data-role="stopped"' in response.text
    assert IMPURITY_NOTE in response.text
    page = client.get(_url("sheet", dossier))
    assert 'data-role="stopped-alert"' in page.text
    assert 'id="criterion-6-1-finding" checked' in page.text


def test_withdrawing_a_finding_rates_the_sheet_again(client, council_member, dossier):
    client.force_login(council_member)
    _record(client, dossier, "6.1")

    response = _record(client, dossier, "6.1", recorded=False)

    assert ScoreSheet.objects.get(dossier=dossier, member=council_member).findings == []
    assert response.context["stops"] == []
    assert 'data-role="stopped"' not in response.text


def test_a_finding_beside_a_criterion_without_such_a_note_is_refused(
    client, council_member, dossier
):
    client.force_login(council_member)
    _record(client, dossier, "6.1")

    response = _record(client, dossier, "3.1")

    assert ScoreSheet.objects.get(dossier=dossier, member=council_member).findings == ["6.1"]
    assert response.context["error"]
    assert 'role="alert"' in response.text


def test_a_finding_on_an_unknown_criterion_is_refused(client, council_member, dossier):
    client.force_login(council_member)

    response = _record(client, dossier, "9.9")

    assert response.context["error"]
    assert [s.findings for s in ScoreSheet.objects.filter(dossier=dossier)] in ([], [[]])


def test_5_2_counts_0_in_the_running_total_without_a_story_in_5_1(client, council_member, dossier):
    client.force_login(council_member)
    client.post(_url("sheet-autosave", dossier), {"5.2": "2"}, **HTMX)  # 2 points

    response = client.post(_url("sheet-autosave", dossier), {"5.1": "0"}, **HTMX)

    assert response.context["running_total"] == 0
    assert response.context["not_applicable"] == ("5.2",)
    assert 'data-role="not-applicable"' in response.text


@pytest.fixture
def stopped(dossier, chair, secretary, council_member, second_member):
    """Four sheets of 80 points; the council member records unacceptable impurities."""
    submitted_sheet(dossier, chair, 80)
    submitted_sheet(dossier, secretary, 80)
    submitted_sheet(dossier, council_member, 80, findings=["6.1"])
    submitted_sheet(dossier, second_member, 80)


def test_the_council_result_of_a_stopped_product_is_not_rated_and_keeps_the_note(
    dossier, chair, council_member, stopped
):
    outcome = compute_council_result(dossier)

    stored = store_council_result(dossier, by=chair)

    assert (outcome.result.average, outcome.result.band_stars) == (80, 4)
    assert (outcome.result.stars, outcome.result.stopped, stored.stars) == (0, True, 0)
    assert stored.stopped_by == [
        {
            "criterion": "6.1",
            "kind": "stop",
            "text": IMPURITY_NOTE,
            "gloss": outcome.result.stopped_by[0].gloss,
            "members": [str(council_member)],
        }
    ]


def test_the_consolidated_sheet_names_the_note_and_whose_sheet_met_it(
    client, secretary, council_member, dossier, stopped, in_session
):
    client.force_login(secretary)

    page = client.get(
        reverse(
            "evaluations:session-consolidated",
            kwargs={"pk": in_session.pk, "dossier_pk": dossier.pk},
        )
    )

    stops = page.context["consolidated"].stops
    assert [(note.criterion, members) for note, members in stops] == [
        ("6.1", [council_member.full_name])
    ]
    assert 'data-role="stopped"' in page.text
    assert IMPURITY_NOTE in page.text


def test_the_minutes_say_which_note_stopped_the_product(dossier, stopped, in_session):
    pdf = render_minutes_pdf(in_session)

    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "6.1" in text
    assert "sẽ không đánh giá các bước tiếp theo" in text


def test_the_proposal_gives_the_note_as_the_reason_for_a_notice(dossier, stopped, in_session):
    pdf = render_proposal_pdf(in_session)

    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "ghi chú tại tiêu chí 6.1" in text
    assert "sẽ không đánh giá các bước tiếp theo" in text


def test_the_score_sheet_shows_the_requirement_as_a_note_under_the_title(
    client, council_member, dossier
):
    client.force_login(council_member)

    page = client.get(_url("sheet", dossier))

    row = next(
        r for r in page.context["rows"] if r.get("criterion") and r["criterion"].code == "5.3"
    )
    assert row["criterion"].title == "Trí tuệ/bản sắc địa phương"
    assert '<p class="small text-muted mb-1 sheet-note">Yêu cầu: Nội dung câu chuyện' in page.text
    assert "bản sắc địa phương Yêu cầu" not in page.text


def test_a_stopped_result_is_proposed_for_a_notice_whatever_its_average(dossier, stopped):
    from councils.session_board import proposed_decision

    result = compute_council_result(dossier).result

    assert (result.average, proposed_decision(result)) == (80, "notice")
    assert proposed_decision(replace(result, total=Decimal(95), stars=5)) == "notice"


def test_the_consolidated_sheet_shows_5_2_as_0_on_a_sheet_without_a_story(
    dossier, chair, council_member, criteria_set
):
    from councils.session_board import consolidated_sheet

    from .conftest import sheet_points

    full = sheet_points(criteria_set, 80)
    for member, story in [(chair, "5"), (council_member, "0")]:
        ScoreSheet.objects.create(
            dossier=dossier,
            member=member,
            points_by_code=full | {"5.1": story, "5.2": "2"},
            submitted_at=timezone.now(),
        )
    outcome = compute_council_result(dossier)

    consolidated = consolidated_sheet(dossier, outcome, dossier.score_sheets.all())

    row = next(r for r in consolidated.rows if r.criterion.code == "5.2")
    by_member = dict(zip((s.member for s in consolidated.counted), row.points, strict=True))
    assert by_member == {chair: Decimal(2), council_member: Decimal(0)}
    assert row.average == Decimal("1.00")
