"""A deactivated account, or nobody signed in, is refused by every permission predicate.

The sign-in backend already turns a deactivated account into an anonymous visitor, but the
predicates are also called from the admin, jobs and services with a user object in hand: each one
must refuse on its own (found by mutation testing, tests/MUTATION.md). Every case is first checked
with the account active, so a refusal here is the deactivation's doing, not a missing right.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from catalogue.permissions import can_handle_label_reports
from certificates import permissions as certificates_permissions
from councils import permissions as councils_permissions
from councils.models import CouncilRole
from dossiers import permissions as dossiers_permissions
from dossiers.models import DossierState
from evaluations import permissions as evaluations_permissions
from outbox.permissions import can_decide_outbox, can_view_outbox
from privacy.models import DeletionRequest
from privacy.permissions import can_handle_deletion, can_view_register
from producers import permissions as producers
from products import permissions as products
from programme import permissions as programme
from reports.permissions import can_import_certificates, can_view_reports
from tests import factories

HUNG_YEN = 33


@pytest.fixture
def things(producer_org, council_member):
    product = factories.ProductFactory(producer=producer_org)
    round_ = factories.RoundFactory()
    council = factories.CouncilFactory(round=round_)
    factories.CouncilMemberFactory(council=council, user=council_member, role=CouncilRole.CHAIR)
    return {
        "org": producer_org,
        "product": product,
        "round": round_,
        "council": council,
        "dossier": factories.DossierFactory(
            round=round_, product=product, state=DossierState.IN_SCORING, council=council
        ),
        "returned": factories.DossierFactory(
            round=round_,
            product=factories.ProductFactory(producer=producer_org),
            state=DossierState.RETURNED,
        ),
        "idea": factories.ProductIdeaFactory(producer=producer_org),
        "support": factories.SupportRecordFactory(producer=producer_org),
        "event": factories.TradeEventFactory(province_id=HUNG_YEN),
        "deletion": DeletionRequest(province_id=HUNG_YEN, requested_by_label="Nguyễn Thị Hoa"),
    }


# (persona, predicate, its arguments after the user): the active persona is allowed.
CASES = [
    ("provincial_office", can_handle_label_reports, lambda t: ()),
    ("approver", can_view_outbox, lambda t: ()),
    ("provincial_office", can_decide_outbox, lambda t: ()),
    ("provincial_office", can_view_register, lambda t: ()),
    ("provincial_office", can_handle_deletion, lambda t: (t["deletion"],)),
    ("producer", producers.is_member, lambda t: (t["org"].pk,)),
    ("producer", producers.can_view_producer, lambda t: (t["org"],)),
    ("commune_officer", producers.can_view_producer, lambda t: (t["org"],)),
    ("producer", producers.can_view_sensitive_personal_data, lambda t: (t["org"],)),
    ("provincial_office", producers.can_view_sensitive_personal_data, lambda t: (t["org"],)),
    ("producer", products.is_member, lambda t: (t["product"],)),
    ("producer", products.can_view_product, lambda t: (t["product"],)),
    ("commune_officer", products.can_view_product, lambda t: (t["product"],)),
    ("provincial_office", can_view_reports, lambda t: ()),
    ("provincial_office", can_import_certificates, lambda t: ()),
    ("producer", dossiers_permissions.can_view_dossier, lambda t: (t["dossier"],)),
    ("commune_officer", dossiers_permissions.can_view_dossier, lambda t: (t["dossier"],)),
    ("council_member", dossiers_permissions.can_view_dossier, lambda t: (t["dossier"],)),
    ("approver", dossiers_permissions.can_view_dossier, lambda t: (t["dossier"],)),
    ("producer", dossiers_permissions.can_answer_corrections, lambda t: (t["returned"],)),
    ("provincial_office", dossiers_permissions.can_manage_round, lambda t: (HUNG_YEN,)),
    ("provincial_office", dossiers_permissions.can_view_round, lambda t: (t["round"],)),
    ("commune_officer", dossiers_permissions.can_view_round, lambda t: (t["round"],)),
    ("producer", dossiers_permissions.can_view_round, lambda t: (t["round"],)),
    ("commune_officer", dossiers_permissions.can_use_queue, lambda t: ()),
    ("approver", dossiers_permissions.can_list_province_dossiers, lambda t: ()),
    ("commune_officer", dossiers_permissions.can_see_overdue, lambda t: ()),
    ("producer", dossiers_permissions.can_file_dossier, lambda t: (t["product"],)),
    ("provincial_office", councils_permissions.can_oversee_council, lambda t: (t["council"],)),
    ("council_member", councils_permissions.can_oversee_council, lambda t: (t["council"],)),
    ("provincial_office", certificates_permissions.can_record_extensions, lambda t: ()),
    ("producer", evaluations_permissions.can, lambda t: ("withdraw", t["dossier"])),
    ("commune_officer", evaluations_permissions.can, lambda t: ("accept", t["dossier"])),
    ("commune_officer", programme.can_view_targets, lambda t: ()),
    ("provincial_office", programme.can_edit_targets, lambda t: (HUNG_YEN,)),
    ("provincial_office", programme.can_view_target_history, lambda t: (HUNG_YEN,)),
    ("producer", programme.can_view_idea, lambda t: (t["idea"],)),
    ("commune_officer", programme.can_view_idea, lambda t: (t["idea"],)),
    ("producer", programme.can_view_idea_list, lambda t: ()),
    ("producer", programme.can_register_idea_for, lambda t: (t["org"],)),
    ("commune_officer", programme.can_register_idea_for, lambda t: (t["org"],)),
    ("commune_officer", programme.can_advise, lambda t: (t["idea"],)),
    ("producer", programme.can_view_support, lambda t: (t["support"],)),
    ("commune_officer", programme.can_view_support, lambda t: (t["support"],)),
    ("producer", programme.can_view_support_list, lambda t: ()),
    ("commune_officer", programme.can_record_support, lambda t: (t["org"],)),
    ("producer", programme.can_manage_sales_points, lambda t: (t["product"],)),
    ("provincial_office", programme.can_manage_events, lambda t: ()),
    ("provincial_office", programme.can_manage_event, lambda t: (t["event"],)),
]


def _case_id(case) -> str:
    persona, predicate, _ = case
    return f"{predicate.__module__.split('.')[0]}.{predicate.__name__}-{persona}"


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES, ids=[_case_id(case) for case in CASES])
def test_a_deactivated_account_and_a_visitor_are_refused_what_the_active_account_may_do(
    request, things, case
):
    persona, predicate, arguments = case
    user = request.getfixturevalue(persona)
    assert predicate(user, *arguments(things)) is True

    user.is_active = False
    assert predicate(user, *arguments(things)) is False
    assert predicate(AnonymousUser(), *arguments(things)) is False


@pytest.mark.django_db
def test_no_membership_is_found_for_a_deactivated_producer_account(producer):
    assert producers.membership_of(producer) is not None
    producer.is_active = False
    assert producers.membership_of(producer) is None
    assert producers.membership_of(AnonymousUser()) is None
