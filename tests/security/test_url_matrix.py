"""Every URL of the portal against every kind of visitor.

The URL list is read from the resolver, so a new URL cannot be forgotten: it must be classified
here (public, or private) and is then checked for anonymous visitors and for a stranger — a
signed-in producer with no relation to the objects in the URL — who must learn nothing (404), and
for each role on the list pages that belong to it.
"""

import pytest
from django.urls import reverse

from catalogue.models import LabelReport
from evaluations.models import CouncilRole, CouncilSession, DossierState, Notice
from reports.models import ImportBatch
from tests import factories

from .urlmap import ALL_URLS

# URL names anyone may open without signing in.
PUBLIC = {
    "home",
    "healthz",
    "favicon",
    "set_language",
    "accounts:login",
    "accounts:signup",
    "accounts:signup-confirm",
    "accounts:password-reset",
    "accounts:password-reset-done",
    "accounts:password-reset-confirm",
    "accounts:password-reset-complete",
    "regions:commune-options",
    "catalogue:list",
    "catalogue:product",
    "catalogue:verify-lookup",
    "catalogue:verify",
    "catalogue:certificate-pdf",
    "catalogue:report-label",
    "programme:events",
    "programme:event-detail",
    "programme:area-catalogue",
    "programme:area-catalogue-pdf",
    "reports:catalogue-csv",
    "reports:open-data",
    "producers:invitation-accept",
    # Photos of products with a current certificate are public (404 for any other product).
    "products:photo",
    "products:photo-thumbnail",
    # A submission's receipt: its random tracking code is the key; it shows the state only.
    "evaluations:receipt",
    "evaluations:receipt-lookup",
}
# Pages every signed-in person may open; what they show is scoped to the person.
SIGNED_IN = {"evaluations:round-detail"}


@pytest.fixture
def world(producer, producer_org, commune_officer, council_member, provincial_office):
    """One of everything, belonging to `producer`, so that a stranger has something to find."""
    product = factories.complete_product(producer_org, name="Mật ong hoa nhãn")
    round_ = factories.RoundFactory()
    council = factories.CouncilFactory(round=round_)
    factories.CouncilMemberFactory(council=council, user=council_member, role=CouncilRole.CHAIR)
    dossier = factories.DossierFactory(
        product=product, round=round_, state=DossierState.IN_SCORING, council=council, revision=1
    )
    certified = factories.CertificateFactory()
    idea = factories.ProductIdeaFactory(producer=producer_org)
    sales_point = factories.SalesPointFactory(product=product)
    event = factories.TradeEventFactory()
    participation = factories.EventParticipationFactory(event=event, product=product)
    invitation = factories.InvitationFactory(producer=producer_org, invited_by=producer)
    membership = factories.MembershipFactory(producer=producer_org, is_owner=False)
    scored = factories.CouncilResultFactory(stars=2, band_stars=2, dossier__product=product)
    notice = Notice.objects.create(
        dossier=scored.dossier,
        product=product,
        stars=2,
        average=scored.average,
        decision_number="1/TB",
        decision_date="2026-09-01",
        issued_by=provincial_office,
    )
    batch = ImportBatch.objects.create(
        province_id=33,
        file_name="cu.xlsx",
        file_sha256="0" * 64,
        content=b"",
        uploaded_by=provincial_office,
    )
    session = CouncilSession.objects.create(
        council=council, held_on=round_.opens_on, place="Hội trường", opened_by=council_member
    )
    label_report = LabelReport.objects.create(
        province_id=33, product_name="Mật ong", where_seen="market", place="Chợ"
    )
    photo = product.photos.first()
    document = product.documents.first()
    ids = {
        "products": product.pk,
        "products:photo": photo.pk,
        "products:document": document.pk,
        "evaluations:round": round_.pk,
        "evaluations:dossier": dossier.pk,
        "evaluations:council": council.pk,
        "evaluations:session": session.pk,
        "evaluations:sheet": dossier.pk,
        "evaluations:member-sheet": dossier.pk,
        "programme:idea": idea.pk,
        "programme:sales-points": product.pk,
        "programme:sales-point": sales_point.pk,
        "programme:event": event.pk,
        "programme:event-product-remove": participation.pk,
        "producers:member": membership.pk,
        "producers:invitation": invitation.pk,
        "reports:export-round": round_.pk,
        "reports:import": batch.pk,
        "catalogue:product": certified.product_id,
        "catalogue:notice": notice.pk,
        "catalogue:label-report": label_report.pk,
    }
    return {
        "ids": ids,
        "certificate": certified,
        "invitation": invitation,
        "council": council,
        "council_member": council_member,
    }


def _kwargs(name: str, converters, world) -> dict:
    ids = world["ids"]
    kwargs = {}
    for converter in converters:
        if converter == "number":
            kwargs["number"] = world["certificate"].number
        elif converter == "token":
            kwargs["token"] = world["invitation"].token if "invitation" in name else "x-token"
        elif converter == "code":
            kwargs["code"] = "HS-33-2026-ZZZZZZZZ"
        elif converter == "uidb64":
            kwargs["uidb64"] = "MQ"
        elif converter == "round_pk":
            kwargs["round_pk"] = ids["evaluations:round"]
        elif converter == "dossier_pk":
            kwargs["dossier_pk"] = ids["evaluations:dossier"]
        elif converter == "user_pk":
            kwargs["user_pk"] = world["council_member"].pk
        elif converter == "pk":
            key = next((k for k in sorted(ids, key=len, reverse=True) if name.startswith(k)), None)
            kwargs["pk"] = ids[key] if key else 10**6
    return kwargs


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "converters"), ALL_URLS, ids=[n for n, _ in ALL_URLS])
def test_anonymous_visitor_is_sent_to_sign_in_on_every_private_url(client, world, name, converters):
    url = reverse(name, kwargs=_kwargs(name, converters, world))

    response = client.get(url)

    if name in PUBLIC:
        assert response.status_code in {200, 301, 302, 400, 404, 405}, url
        if response.status_code in {301, 302}:
            assert not response["Location"].startswith(reverse("accounts:login")), url
    else:
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:login")), url


OBJECT_URLS = [
    (n, c)
    for n, c in ALL_URLS
    if c and n not in PUBLIC | SIGNED_IN and not n.startswith("accounts:")
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "converters"), OBJECT_URLS, ids=[n for n, _ in OBJECT_URLS])
def test_stranger_learns_nothing_from_another_producers_urls(
    client, world, stranger, name, converters
):
    client.force_login(stranger)
    url = reverse(name, kwargs=_kwargs(name, converters, world))

    response = client.get(url)

    assert response.status_code in {404, 405}, url


# Staff pages and the roles that work on them; a producer must never get in.
ROLE_PAGES = {
    "evaluations:queue": "commune_officer",
    "evaluations:council-list": "provincial_office",
    "evaluations:my-sheets": "council_member",
    "reports:dashboard": "approver",
    "reports:import": "provincial_office",
    "programme:targets": "provincial_office",
    "evaluations:overdue": "commune_officer",
    "outbox:list": "provincial_office",
    "catalogue:label-reports": "provincial_office",
    "privacy:register": "provincial_office",
    "privacy:deletion-requests": "provincial_office",
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(ROLE_PAGES))
def test_staff_pages_open_for_their_role_and_never_for_a_producer(client, request, world, name):
    staff = request.getfixturevalue(ROLE_PAGES[name])
    producer = request.getfixturevalue("producer")

    client.force_login(staff)
    allowed = client.get(reverse(name))
    client.force_login(producer)
    refused = client.get(reverse(name))

    assert allowed.status_code == 200
    assert refused.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["producers:dashboard", "evaluations:my-dossiers"])
@pytest.mark.parametrize("persona", ["commune_officer", "provincial_office", "approver"])
def test_producer_pages_are_not_for_officials(client, request, world, name, persona):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(reverse(name))

    assert response.status_code in {302, 404}


# Officials and producers of another province: nothing of Hưng Yên's is theirs to open.
FAR_PERSONAS = ["far_producer", "far_office", "far_approver", "far_officer", "far_council_member"]
# Officials of Hưng Yên outside the producer's commune and former district.
OTHER_AREA_PERSONAS = ["other_commune_officer", "other_district_officer"]
# Objects that belong to the producer's area (not to the whole province).
AREA_PREFIXES = (
    "evaluations:dossier",
    "products:",
    "programme:idea",
    "programme:sales",
    "producers:",
)
AREA_URLS = [(n, c) for n, c in OBJECT_URLS if n.startswith(AREA_PREFIXES)]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "converters"), OBJECT_URLS, ids=[n for n, _ in OBJECT_URLS])
def test_another_provinces_people_learn_nothing_from_hung_yens_urls(
    client, request, today, world, name, converters
):
    url = reverse(name, kwargs=_kwargs(name, converters, world))
    answers = {}
    for persona in FAR_PERSONAS:
        client.force_login(request.getfixturevalue(persona))
        answers[persona] = client.get(url).status_code

    assert {p: s for p, s in answers.items() if s not in {404, 405}} == {}, url


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "converters"), AREA_URLS, ids=[n for n, _ in AREA_URLS])
def test_officers_of_another_area_learn_nothing_from_the_producers_urls(
    client, request, today, world, name, converters
):
    url = reverse(name, kwargs=_kwargs(name, converters, world))
    answers = {}
    for persona in OTHER_AREA_PERSONAS:
        client.force_login(request.getfixturevalue(persona))
        answers[persona] = client.get(url).status_code

    assert {p: s for p, s in answers.items() if s not in {404, 405}} == {}, url
