"""Every action URL of the portal, POSTed by every kind of person, of this area and province and
of another: whoever may not act is refused (403, or 404 when they may not even know the object)
and the database is left exactly as it was (row count and SHA-256 of every project table).

Objects are arranged in the state from which each action is allowed, so that a refusal can only
come from who is asking, never from the dossier's state. The URL list is read from the resolver:
a new URL fails ``test_every_url_is_classified`` until it is put in one of the lists below.
"""

import pytest
from django.urls import reverse

from catalogue.models import LabelReport
from evaluations.certified_changes import request_correction
from evaluations.models import (
    CouncilRole,
    CouncilSession,
    DossierAction,
    DossierEvent,
    DossierState,
    ScoreSheet,
)
from outbox.models import OutboxBatch, OutboxMessage
from privacy_duties.erasure import request_deletion
from programme.models import IdeaStage
from reports.models import ImportBatch
from tests import factories

from .snapshot import changed, snapshot
from .test_url_matrix import PUBLIC, SIGNED_IN
from .urlmap import ALL_URLS, url_kwargs

PRODUCERS = {"producer", "stranger", "far_producer"}
OFFICES = {"provincial_office", "far_office"}
LOCAL = {"commune_officer", "district_officer"}  # the producer's commune and former district
OFFICERS = LOCAL | {"other_commune_officer", "other_district_officer", "far_officer"}
STAFF = {"provincial_office", "approver", "far_office", "far_approver"}
PERSONAS = [
    "producer",
    "stranger",
    "commune_officer",
    "other_commune_officer",
    "district_officer",
    "other_district_officer",
    "provincial_office",
    "approver",
    "council_member",
    "outside_member",
    "far_producer",
    "far_office",
    "far_approver",
    "far_officer",
    "far_council_member",
]
# People who must not even learn that a Hưng Yên object exists.
FAR = {"far_producer", "far_office", "far_approver", "far_officer", "far_council_member"}
# ... nor that an object of the producer's own area exists.
OUTSIDE_THE_AREA = FAR | {"stranger", "other_commune_officer", "other_district_officer"}

AREA, PROVINCE, OWN, BODY = "area", "province", "own", "body"
# name -> (who may act, what the URL names): AREA an object of the producer's area, PROVINCE an
# object of Hưng Yên's, OWN nothing (the person's own account, producer or province), BODY
# Hưng Yên's objects named in the posted form only (another province's office posting their ids
# finds none of them: "nothing chosen", 302, and nothing changes).
ACTIONS = {
    "evaluations:round-create": (OFFICES, OWN),
    "evaluations:round-edit": ({"provincial_office"}, PROVINCE),
    "evaluations:round-move": ({"provincial_office"}, PROVINCE),
    "evaluations:dossier-create": (PRODUCERS, OWN),
    "evaluations:dossier-submit": ({"producer"}, AREA),
    "evaluations:dossier-resubmit": ({"producer"}, AREA),
    "evaluations:dossier-withdraw": ({"producer"}, AREA),
    "evaluations:dossier-corrections": ({"producer"}, AREA),
    "evaluations:dossier-return": (LOCAL, AREA),
    "evaluations:dossier-accept": (LOCAL, AREA),
    "evaluations:dossier-reject": (LOCAL, AREA),
    "evaluations:dossier-forward": (LOCAL, AREA),
    "evaluations:council-create": ({"provincial_office"}, PROVINCE),
    "evaluations:council-assign": ({"provincial_office"}, PROVINCE),
    "evaluations:council-close-scoring": ({"council_member"}, PROVINCE),
    "evaluations:council-session-new": ({"council_member"}, PROVINCE),
    "evaluations:session-attendance": ({"council_member"}, PROVINCE),
    "evaluations:session-order": ({"council_member"}, PROVINCE),
    "evaluations:session-discussion": ({"council_member"}, PROVINCE),
    "evaluations:session-close": ({"council_member"}, PROVINCE),
    "evaluations:sheet-autosave": ({"council_member"}, PROVINCE),
    "evaluations:sheet-submit": ({"council_member"}, PROVINCE),
    "evaluations:sheet-conflict": ({"council_member"}, PROVINCE),
    "evaluations:sheet-no-conflict": ({"council_member"}, PROVINCE),
    "outbox:decide": ({"provincial_office"}, BODY),
    "catalogue:label-report": ({"provincial_office"}, PROVINCE),
    "producers:profile-create": (PRODUCERS, OWN),
    "producers:profile-edit": (PRODUCERS, OWN),
    "producers:members": (PRODUCERS, OWN),
    "producers:member-remove": ({"producer"}, AREA),
    "producers:invitation-cancel": ({"producer"}, AREA),
    "products:create": (PRODUCERS, OWN),
    "products:edit": ({"producer"}, AREA),
    "products:delete": ({"producer"}, AREA),
    "products:photos": ({"producer"}, AREA),
    "products:photo-cover": ({"producer"}, AREA),
    "products:photo-move": ({"producer"}, AREA),
    "products:photo-delete": ({"producer"}, AREA),
    "products:documents": ({"producer"}, AREA),
    "products:document-delete": ({"producer"}, AREA),
    "products:self-assessment": ({"producer"}, AREA),
    "products:self-assessment-answer": ({"producer"}, AREA),
    "products:criterion-evidence": ({"producer"}, AREA),
    "programme:event-create": (OFFICES, OWN),
    "programme:event-edit": ({"provincial_office"}, PROVINCE),
    "programme:event-product-add": ({"provincial_office"}, PROVINCE),
    "programme:event-product-remove": ({"provincial_office"}, PROVINCE),
    "programme:idea-create": (PRODUCERS | OFFICERS | OFFICES, OWN),
    "programme:idea-edit": ({"producer", "provincial_office"} | LOCAL, AREA),
    "programme:idea-advance": ({"provincial_office"} | LOCAL, AREA),
    "programme:idea-advice": ({"provincial_office"} | LOCAL, AREA),
    "programme:idea-convert": ({"producer", "provincial_office"} | LOCAL, AREA),
    "programme:sales-points": ({"producer"}, AREA),
    "programme:sales-point-delete": ({"producer"}, AREA),
    "programme:support-create": (OFFICERS | OFFICES, OWN),
    "programme:target-edit": (OFFICES, OWN),
    "reports:import": (OFFICES, OWN),
    "reports:import-commit": ({"provincial_office"}, PROVINCE),
    "duties:selfcheck": (STAFF, OWN),
    "evaluations:certificate-correction": ({"producer"}, AREA),
    "evaluations:correction-decide": ({"provincial_office", "approver"}, PROVINCE),
    "evaluations:session-written-sheet": ({"council_member"}, PROVINCE),
    "privacy:deletion-request-execute": ({"provincial_office"}, PROVINCE),
}
# A signed-in person's own account: whoever posts acts on themselves only.
OWN_ACCOUNT = {
    "accounts:logout",
    "accounts:my-details",
    "accounts:password-change",
    "accounts:password-change-done",
    "accounts:2fa",
    "accounts:2fa-setup",
    "accounts:2fa-verify",
    "privacy:consent",
    "privacy:my-data",
    "privacy:my-data-download",
    "start",
}
# Pages and downloads: they write nothing, whatever the method.
PAGES = {
    "catalogue:label-report-photo",
    "catalogue:label-reports",
    "catalogue:notice-pdf",
    "evaluations:council-detail",
    "evaluations:council-list",
    "evaluations:dossier-detail",
    "evaluations:dossier-list",
    "evaluations:dossier-revisions",
    "evaluations:member-sheet",
    "evaluations:my-dossiers",
    "evaluations:my-sheets",
    "evaluations:overdue",
    "evaluations:queue",
    "evaluations:round-list",
    "evaluations:session-consolidated",
    "evaluations:session-detail",
    "evaluations:session-minutes",
    "evaluations:session-proposal",
    "evaluations:sheet",
    "outbox:list",
    "producers:dashboard",
    "producers:profile",
    "products:detail",
    "products:document-download",
    "products:list",
    "products:registration-form",
    "programme:idea-detail",
    "programme:ideas",
    "programme:support-list",
    "programme:target-history",
    "programme:targets",
    "reports:dashboard",
    "reports:export-recognised",
    "reports:export-round-dossiers",
    "reports:export-round-results",
    "reports:import-preview",
    "reports:import-template",
    "evaluations:correction-list",
    "evaluations:decision-pdf",
    "privacy:deletion-requests",
    "privacy:register",
    "reports:register",
    "reports:register-xlsx",
}


def test_every_url_is_classified():
    """A new URL must be declared public, a page, an own-account URL or an action (with who
    may act): the matrices then try it."""
    groups = [PUBLIC | SIGNED_IN, PAGES, OWN_ACCOUNT, set(ACTIONS)]
    names = {name for name, _converters in ALL_URLS}

    unclassified = names - set().union(*groups)
    twice = [n for n in names if sum(n in group for group in groups) > 1]
    stale = set().union(*groups) - names

    assert (sorted(unclassified), twice, sorted(stale)) == ([], [], [])


@pytest.fixture
def action_world(today, producer, producer_org, council_member, provincial_office, approver, areas):
    """The producer's objects, each in the state from which its action is allowed."""
    product = factories.complete_product(producer_org, name="Mật ong hoa nhãn")
    round_ = factories.RoundFactory(state="council")
    council = factories.CouncilFactory(round=round_)
    factories.CouncilMemberFactory(council=council, user=council_member, role=CouncilRole.CHAIR)
    for _ in range(2):
        factories.CouncilMemberFactory(council=council, role=CouncilRole.MEMBER)

    def dossier(state, **fields):
        """A dossier of another product of the producer (one dossier per product and round)."""
        other = factories.complete_product(producer_org, name=f"Sản phẩm {state}")
        return factories.DossierFactory(product=other, round=round_, state=state, **fields)

    draft = factories.DossierFactory(product=product, round=round_, state=DossierState.DRAFT)
    submitted = dossier(DossierState.SUBMITTED, revision=1)
    accepted = dossier(DossierState.ACCEPTED, revision=1)
    returned = dossier(DossierState.RETURNED, revision=1)
    forwarded = dossier(DossierState.FORWARDED, revision=1)
    scoring = dossier(DossierState.IN_SCORING, council=council, revision=1)
    ScoreSheet.objects.create(dossier=scoring, member=council_member)
    session = CouncilSession.objects.create(
        council=council, held_on=today, place="Hội trường", opened_by=council_member
    )
    session.attendees.set(council.members.all())
    idea = factories.ProductIdeaFactory(producer=producer_org, stage=IdeaStage.PLAN)
    ready = factories.ProductIdeaFactory(producer=producer_org, stage=IdeaStage.READY)
    sales_point = factories.SalesPointFactory(product=product)
    event = factories.TradeEventFactory()
    participation = factories.EventParticipationFactory(event=event, product=product)
    invitation = factories.InvitationFactory(producer=producer_org, invited_by=producer)
    membership = factories.MembershipFactory(producer=producer_org, is_owner=False)
    batch = ImportBatch.objects.create(
        province_id=33,
        file_name="cu.xlsx",
        file_sha256="0" * 64,
        content=b"",
        uploaded_by=provincial_office,
    )
    label_report = LabelReport.objects.create(
        province_id=33, product_name="Mật ong", where_seen="market", place="Chợ"
    )
    event_row = DossierEvent.objects.create(
        dossier=submitted, actor=producer, action=DossierAction.SUBMIT, to_state="submitted"
    )
    certificate = factories.CertificateFactory(
        dossier=factories.DossierFactory(
            product=factories.complete_product(producer_org, name="Sản phẩm đã công nhận"),
            round=round_,
            state=DossierState.APPROVED,
        )
    )
    correction = request_correction(
        certificate, by=producer, changes={"product_name": "Tên mới"}, reason="Đổi nhãn hiệu"
    )
    deletion = request_deletion(producer)
    held = OutboxBatch.objects.create(label="Trả hồ sơ", created_by=provincial_office)
    message = OutboxMessage.objects.create(
        batch=held, dossier=submitted, event=event_row, recipient=producer,
        to_email=producer.email, subject="Hồ sơ", body="Nội dung",
    )  # fmt: skip
    ids = {
        "evaluations:round": round_.pk,
        "evaluations:dossier": draft.pk,
        "evaluations:dossier-resubmit": returned.pk,
        "evaluations:dossier-corrections": returned.pk,
        "evaluations:dossier-return": submitted.pk,
        "evaluations:dossier-accept": submitted.pk,
        "evaluations:dossier-reject": submitted.pk,
        "evaluations:dossier-forward": accepted.pk,
        "evaluations:council": council.pk,
        "evaluations:session": session.pk,
        "evaluations:sheet": scoring.pk,
        "products": product.pk,
        "products:photo": product.photos.first().pk,
        "products:document": product.documents.first().pk,
        "programme:idea": idea.pk,
        "programme:idea-convert": ready.pk,
        "programme:sales-points": product.pk,
        "programme:sales-point": sales_point.pk,
        "programme:event": event.pk,
        "programme:event-product-remove": participation.pk,
        "producers:member": membership.pk,
        "producers:invitation": invitation.pk,
        "reports:import": batch.pk,
        "catalogue:label-report": label_report.pk,
        "evaluations:correction-decide": correction.pk,
        "privacy:deletion-request": deletion.pk,
    }
    extra = {
        "round_pk": round_.pk,
        "dossier_pk": scoring.pk,
        "user_pk": council_member.pk,
        "number": certificate.number,
    }
    data = {
        "evaluations:council-assign": {"dossiers": [forwarded.pk]},
        "evaluations:council-session-new": {"held_on": "2026-09-16", "place": "Phòng họp"},
        "evaluations:session-attendance": {
            "present": list(council.members.values_list("pk", flat=True))
        },
        "evaluations:session-discussion": {"note": "Thống nhất 4 sao."},
        "evaluations:dossier-reject": {"reject-reason": "Không đủ điều kiện."},
        "evaluations:round-move": {"state": "closed"},
        "outbox:decide": {"message": [message.pk], "decision": "send"},
        "catalogue:label-report": {"state": "closed", "note": "Đã xử lý"},
        "programme:idea-advice": {"advice": "Nên làm bao bì mới."},
        "programme:idea-advance": {"stage": "ready"},
        "programme:event-product-add": {"product": product.pk, "booth": "A1"},
        "products:photo-move": {"direction": "up"},
        "producers:members": {"email": "moi.thanhvien@example.vn"},
        "duties:selfcheck": {},
        "evaluations:certificate-correction": {
            "product_name": "Tên mới",
            "reason": "Đổi nhãn hiệu",
            "confirm": "on",
        },
        "evaluations:correction-decide": {"decision": "approve", "note": "", "confirm": "on"},
        "evaluations:session-written-sheet": {
            "member": council.members.exclude(user=council_member).first().pk,
            "basis": "Quy chế hội đồng, Điều 5",
        },
        "privacy:deletion-request-execute": {"confirm": "on"},
    }
    return {"ids": ids, "extra": extra, "data": data, "forwarded": forwarded}


def _post(client, name, converters, world):
    kwargs = url_kwargs(name, converters, world["ids"], world["extra"])
    return client.post(reverse(name, kwargs=kwargs), world["data"].get(name, {}))


def _refusal_problem(name, persona, response, before, after) -> str | None:
    _allowed, scope = ACTIONS[name]
    status = response.status_code
    if persona == "anonymous":
        login = reverse("accounts:login")
        if status != 302 or not response["Location"].startswith(login):
            return f"answered {status}, not a redirect to sign in"
    elif scope in {AREA, PROVINCE} and persona in FAR | (
        OUTSIDE_THE_AREA if scope == AREA else set()
    ):
        if status != 404:
            return f"answered {status}: an outsider must get 404"
    elif scope == BODY and persona in FAR:
        if status not in {302, 404}:
            return f"answered {status}: nothing of another province can be chosen"
    elif status not in {403, 404}:
        return f"answered {status}: a refusal is 403 or 404"
    if changed(before, after):
        return f"changed {changed(before, after)}"
    return None


ACTION_URLS = [(n, c) for n, c in ALL_URLS if n in ACTIONS]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "converters"), ACTION_URLS, ids=[n for n, _ in ACTION_URLS])
def test_an_action_refused_answers_403_or_404_and_changes_nothing(
    client, request, action_world, name, converters
):
    allowed, _scope = ACTIONS[name]
    problems = []
    for persona in ["anonymous", *PERSONAS]:
        if persona in allowed:
            continue
        client.logout()
        if persona != "anonymous":
            client.force_login(request.getfixturevalue(persona))
        before = snapshot()
        response = _post(client, name, converters, action_world)
        problem = _refusal_problem(name, persona, response, before, snapshot())
        if problem:
            problems.append(f"{persona}: {problem}")

    assert not problems, "\n".join(problems)


# Creations whose form names a producer: only officials whose area holds the producer may file
# for it; anyone else's valid-looking form changes nothing.
PRODUCER_FORMS = {
    "programme:idea-create": lambda org: {
        "producer": org.pk,
        "name": "Trà sen",
        "description": "Trà ướp hoa sen.",
    },
    "programme:support-create": lambda org: {
        "producer": org.pk,
        "kind": "packaging_design",
        "source": "provincial",
        "amount_vnd": "15000000",
        "given_on": "2026-09-01",
    },
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(PRODUCER_FORMS))
def test_only_officials_of_the_producers_area_file_for_it(
    client, request, today, producer_org, district_officer, name
):
    data = PRODUCER_FORMS[name](producer_org)
    problems = []
    for persona in [*sorted(OUTSIDE_THE_AREA - {"stranger", "far_producer"}), "council_member"]:
        client.force_login(request.getfixturevalue(persona))
        before = snapshot()
        client.post(reverse(name), data)
        if changed(before, snapshot()):
            problems.append(f"{persona}: changed {changed(before, snapshot())}")

    client.force_login(district_officer)
    before = snapshot()
    client.post(reverse(name), data)

    assert not problems, "\n".join(problems)
    assert changed(before, snapshot()), "the area's own officer files it"
