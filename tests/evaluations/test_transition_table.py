"""The whole local-review transition table: every action, from every state, by every persona.

Allowed moves change the state and leave exactly one audit row; refused ones change nothing.
A move from the wrong state is a TransitionError with a message; a person without the right
role or jurisdiction gets PermissionDenied (and learns nothing about the dossier's state).
"""

import pytest
from django.core.exceptions import PermissionDenied

from dossiers.models import DossierState
from dossiers.models import DossierState as S
from evaluations import transitions
from evaluations.models import DossierEvent
from evaluations.transitions import TRANSITIONS, TransitionError
from tests.conftest import PERSONAS

from .conftest import ASSESSMENT

OFFICERS = ["commune_officer", "district_officer"]
# action: (how to call it, who may)
LOCAL_ACTIONS = {
    "submit": (lambda d, u: transitions.submit_dossier(d, by=u), ["producer"]),
    "resubmit": (lambda d, u: transitions.resubmit_dossier(d, by=u), ["producer"]),
    "withdraw": (lambda d, u: transitions.withdraw_dossier(d, by=u), ["producer"]),
    "return": (
        lambda d, u: transitions.return_dossier(
            d, by=u, items=[{"item": "test_report", "comment": "Phiếu kiểm nghiệm đã quá hạn."}]
        ),
        OFFICERS,
    ),
    "accept": (lambda d, u: transitions.accept_dossier(d, by=u, assessment=ASSESSMENT), OFFICERS),
    "reject": (
        lambda d, u: transitions.reject_dossier(d, by=u, reason="Sản phẩm không thuộc xã."),
        OFFICERS,
    ),
    "forward": (lambda d, u: transitions.forward_dossier(d, by=u), OFFICERS),
}


def _cases(kind):
    for action, (_call, allowed) in LOCAL_ACTIONS.items():
        sources, _target = TRANSITIONS[action]
        for state in DossierState:
            for persona in PERSONAS:
                if kind == "allowed" and state in sources and persona in allowed:
                    yield action, state.value, persona
                if kind == "wrong_state" and state not in sources and persona in allowed:
                    yield action, state.value, persona
                if kind == "wrong_role" and state in sources and persona not in allowed:
                    yield action, state.value, persona


def test_the_local_review_table_is_the_one_the_procedure_describes():
    local = {action: TRANSITIONS[action] for action in LOCAL_ACTIONS}

    assert local == {
        "submit": (frozenset({S.DRAFT}), S.SUBMITTED),
        "resubmit": (frozenset({S.RETURNED}), S.SUBMITTED),
        "withdraw": (frozenset({S.DRAFT, S.SUBMITTED, S.RETURNED}), S.WITHDRAWN),
        "return": (frozenset({S.SUBMITTED}), S.RETURNED),
        "accept": (frozenset({S.SUBMITTED}), S.ACCEPTED),
        "reject": (frozenset({S.SUBMITTED, S.ACCEPTED}), S.REJECTED),
        "forward": (frozenset({S.ACCEPTED}), S.FORWARDED),
    }


@pytest.mark.django_db
@pytest.mark.parametrize(("action", "state", "persona"), list(_cases("allowed")))
def test_persona_may_take_action_from_state(request, make_dossier, action, state, persona):
    dossier = make_dossier(state)
    actor = request.getfixturevalue(persona)
    call, _allowed = LOCAL_ACTIONS[action]

    moved = call(dossier, actor)

    target = TRANSITIONS[action][1]
    dossier.refresh_from_db()
    assert (moved.state, dossier.state) == (target, target)
    events = list(
        DossierEvent.objects.filter(dossier=dossier).values_list(
            "action", "from_state", "to_state", "actor_id"
        )
    )
    assert events == [(action, state, target, actor.pk)]


@pytest.mark.django_db
@pytest.mark.parametrize(("action", "state", "persona"), list(_cases("wrong_state")))
def test_action_is_refused_from_the_wrong_state(request, make_dossier, action, state, persona):
    dossier = make_dossier(state)
    actor = request.getfixturevalue(persona)
    call, _allowed = LOCAL_ACTIONS[action]
    # Officers never see drafts: for them a draft does not exist.
    expected = PermissionDenied if state == S.DRAFT and persona in OFFICERS else TransitionError

    with pytest.raises(expected):
        call(dossier, actor)

    dossier.refresh_from_db()
    assert dossier.state == state
    assert DossierEvent.objects.filter(dossier=dossier).count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(("action", "state", "persona"), list(_cases("wrong_role")))
def test_action_is_refused_to_the_wrong_persona(request, make_dossier, action, state, persona):
    dossier = make_dossier(state)
    actor = request.getfixturevalue(persona)
    call, _allowed = LOCAL_ACTIONS[action]

    with pytest.raises(PermissionDenied):
        call(dossier, actor)

    dossier.refresh_from_db()
    assert dossier.state == state
    assert DossierEvent.objects.filter(dossier=dossier).count() == 0


@pytest.mark.django_db
def test_allowed_actions_offer_the_producer_and_the_officer_their_own_buttons(
    producer, commune_officer, stranger, make_dossier
):
    dossier = make_dossier(S.SUBMITTED)

    offered = {
        "producer": transitions.allowed_actions(producer, dossier),
        "officer": transitions.allowed_actions(commune_officer, dossier),
        "stranger": transitions.allowed_actions(stranger, dossier),
    }

    assert offered == {
        "producer": ["withdraw"],
        "officer": ["return", "accept", "reject"],
        "stranger": [],
    }
