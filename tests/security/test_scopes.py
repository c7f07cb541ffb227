"""Every object belongs to a province and every page checks it; exports follow the pages.

Issue 19, item 5: (a) trade events belong to a province, and another province's office learns
nothing of Hưng Yên's unpublished events and changes none of them; (b) council members are not
the programme's staff for producers' business plans and support amounts; (c) a round's results
workbook holds only the score sheets the viewer could open as pages.
"""

import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.models import Role
from evaluations.models import Dossier, DossierState, ScoreSheet
from producers.models import Producer
from producers.official_scope import DRAFT_DOSSIER_STATE
from products.models import Product
from products.permissions import can_view_product
from programme.models import EventParticipation, TradeEvent
from tests import factories
from tests.conftest import PERSONAS

from .conftest import HA_NOI
from .snapshot import changed, snapshot

# (a) Trade events ----------------------------------------------------------------------------


@pytest.fixture
def hung_yen_event(today, producer_org):
    event = factories.TradeEventFactory(name="Hội chợ OCOP Hưng Yên", public=False)
    product = factories.ProductFactory(producer=producer_org)
    participation = factories.EventParticipationFactory(event=event, product=product)
    return event, participation


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("programme:event-edit", {"name": "Đổi tên", "kind": "trade_fair", "public": "on"}),
        ("programme:event-product-add", {"product": "1", "booth": "A1"}),
    ],
)
def test_another_provinces_office_cannot_change_an_event(
    client, far_office, hung_yen_event, name, data
):
    event, _participation = hung_yen_event
    client.force_login(far_office)
    before = snapshot()

    response = client.post(reverse(name, args=[event.pk]), data)

    assert response.status_code == 404
    assert changed(before, snapshot()) == []


@pytest.mark.django_db
def test_another_provinces_office_cannot_remove_a_participation(client, far_office, hung_yen_event):
    _event, participation = hung_yen_event
    client.force_login(far_office)

    response = client.post(reverse("programme:event-product-remove", args=[participation.pk]))

    assert response.status_code == 404
    assert EventParticipation.objects.filter(pk=participation.pk).exists()


@pytest.mark.django_db
def test_another_provinces_office_neither_sees_nor_lists_an_unpublished_event(
    client, far_office, provincial_office, hung_yen_event
):
    event, _participation = hung_yen_event

    client.force_login(far_office)
    detail = client.get(reverse("programme:event-detail", args=[event.pk]))
    listing = client.get(reverse("programme:events"))
    client.force_login(provincial_office)
    own = client.get(reverse("programme:event-detail", args=[event.pk]))

    assert detail.status_code == 404
    assert event.name not in listing.content.decode()
    assert own.status_code == 200


@pytest.mark.django_db
def test_the_provinces_own_office_still_edits_its_event(client, provincial_office, hung_yen_event):
    event, _participation = hung_yen_event
    client.force_login(provincial_office)

    response = client.post(
        reverse("programme:event-edit", args=[event.pk]),
        {
            "kind": "trade_fair",
            "name": "Hội chợ OCOP Hưng Yên mùa thu",
            "starts_on": event.starts_on.isoformat(),
            "ends_on": event.ends_on.isoformat(),
            "place": event.place,
        },
    )

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.name == "Hội chợ OCOP Hưng Yên mùa thu"


@pytest.mark.django_db
def test_a_new_event_belongs_to_its_offices_province(client, far_office, today):
    client.force_login(far_office)

    client.post(
        reverse("programme:event-create"),
        {
            "kind": "trade_fair",
            "name": "Hội chợ Hà Nội",
            "starts_on": "2026-10-01",
            "ends_on": "2026-10-03",
            "place": "Giảng Võ",
        },
    )

    assert TradeEvent.objects.get(name="Hội chợ Hà Nội").province_id == 1


# (b) Business plans and support amounts ------------------------------------------------------


@pytest.mark.django_db
def test_a_council_member_reads_no_producers_business_plan(
    client, today, council_member, district_officer, producer_org
):
    idea = factories.ProductIdeaFactory(producer=producer_org, name="Trà sen Khoái Châu")

    client.force_login(council_member)
    page = client.get(reverse("programme:idea-detail", args=[idea.pk]))
    listing = client.get(reverse("programme:ideas"))
    client.force_login(district_officer)
    officer = client.get(reverse("programme:idea-detail", args=[idea.pk]))

    assert page.status_code == 404
    assert listing.status_code == 404
    assert "Trà sen Khoái Châu" not in listing.content.decode()
    assert officer.status_code == 200


@pytest.mark.django_db
def test_a_council_member_sees_no_support_amounts(
    client, today, council_member, approver, producer_org
):
    factories.SupportRecordFactory(producer=producer_org, amount_vnd=123_456_000)

    client.force_login(council_member)
    refused = client.get(reverse("programme:support-list"))
    client.force_login(approver)
    allowed = client.get(reverse("programme:support-list"))

    assert refused.status_code == 404
    assert "123.456.000" in allowed.content.decode()


# (c) Exports follow the pages -----------------------------------------------------------------


@pytest.fixture
def sheet_in_scoring(today, producer_org):
    """A dossier of the district officer's area still being scored, with one submitted sheet."""
    round_ = factories.RoundFactory()
    council = factories.CouncilFactory(round=round_)
    member = factories.CouncilMemberFactory(council=council, user__full_name="Bùi Văn Chấm").user
    dossier = factories.DossierFactory(
        round=round_,
        council=council,
        state=DossierState.IN_SCORING,
        product__producer=producer_org,
        product__name="Mật ong đang chấm",
    )
    ScoreSheet.objects.create(
        dossier=dossier,
        member=member,
        points_by_code={"1.1": 3},
        total=40,
        submitted_at=timezone.now(),
    )
    return round_, dossier, member


def _export_text(response) -> str:
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    return " ".join(
        str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row
    )


@pytest.mark.django_db
def test_a_local_officers_results_export_holds_no_sheet_the_pages_hide(
    client, district_officer, provincial_office, sheet_in_scoring
):
    round_, dossier, member = sheet_in_scoring
    export = reverse("reports:export-round-results", args=[round_.pk])

    client.force_login(district_officer)
    page = client.get(reverse("evaluations:member-sheet", args=[dossier.pk, member.pk]))
    officer_export = _export_text(client.get(export))
    client.force_login(provincial_office)
    office_export = _export_text(client.get(export))

    assert page.status_code == 404
    assert "Bùi Văn Chấm" not in officer_export
    assert "Bùi Văn Chấm" in office_export


# (d) Products and producers are scoped below the dossiers, with the dossiers' answer ------------


def test_the_products_draft_state_is_the_dossiers_own():
    assert DRAFT_DOSSIER_STATE == DossierState.DRAFT


@pytest.mark.django_db
def test_products_and_producers_are_seen_exactly_where_one_of_their_dossiers_is(
    request, producer_org, stranger, far_office, far_officer, far_council_member, far_producer
):
    personas = [*PERSONAS, "far_office", "far_officer", "far_council_member", "far_producer"]
    users = [request.getfixturevalue(name) for name in personas]
    users += [
        factories.UserFactory(role=Role.ADMINISTRATOR, province=None),  # national
        factories.UserFactory(role=Role.ADMINISTRATOR, province_id=HA_NOI),
        AnonymousUser(),
    ]
    council_member = request.getfixturevalue("council_member")
    council = factories.CouncilMemberFactory(user=council_member).council
    far = stranger.producer_membership.producer
    other = factories.ProducerFactory(commune=producer_org.commune)
    factories.DossierFactory(product__producer=producer_org, state="submitted")
    factories.DossierFactory(product__producer=producer_org, state="draft")
    factories.DossierFactory(product__producer=far, state="draft")
    factories.DossierFactory(
        product__producer=other, state="in_scoring", council=council, round=council.round
    )
    factories.DossierFactory(product__producer=other, state="withdrawn")
    # One product with a draft and a filed dossier, each in another round and province.
    both = factories.ProductFactory(producer=far)
    factories.DossierFactory(product=both, state="draft")
    factories.DossierFactory(product=both, state="forwarded", round__province_id=HA_NOI)
    products = Product.objects.all()

    for user in users:
        own = Product.objects.none()
        if user.is_authenticated and user.is_producer:
            own = products.filter(producer__memberships__user=user)
        expected = set(own.values_list("pk", flat=True)) | set(
            Dossier.objects.visible_to(user).values_list("product_id", flat=True)
        )
        expected_producers = set(
            products.filter(pk__in=expected).values_list("producer", flat=True)
        )
        if user.is_authenticated and user.is_producer:
            expected_producers |= {user.producer_membership.producer_id}

        seen = set(Product.objects.visible_to(user).values_list("pk", flat=True))

        assert seen == expected, user
        assert set(Producer.objects.visible_to(user).values_list("pk", flat=True)) == (
            expected_producers
        ), user
        assert {p.pk for p in products if can_view_product(user, p)} == seen, user
