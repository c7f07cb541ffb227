"""Dossiers at each step of the local review, for the producer persona's cooperative (Khoái
Châu) and for the stranger's (Kim Động). States are arranged directly with the factories; the
tests act only through the transitions and the views."""

import datetime

import pytest
from django.utils import timezone

from dossiers.models import DossierState
from tests import factories


@pytest.fixture
def open_round(today):
    return factories.RoundFactory(name="Đợt 2 năm 2026", year=2026, number=2)


@pytest.fixture
def product(producer_org):
    return factories.complete_product(producer_org, name="Mật ong hoa nhãn Khoái Châu")


@pytest.fixture
def make_dossier(open_round, product):
    """A dossier of the producer's product in `state`; submitted ones carry their submission."""

    def make(state=DossierState.SUBMITTED, **kwargs):
        if state != DossierState.DRAFT:
            kwargs.setdefault("revision", 1)
            kwargs.setdefault("submitted_at", timezone.now() - datetime.timedelta(days=1))
        if state in {DossierState.ACCEPTED, DossierState.FORWARDED}:
            kwargs.setdefault(
                "local_assessment",
                {
                    "raw_materials": "Nguyên liệu tại địa phương",
                    "local_labour": "12 lao động trong xã",
                    "idea_origin": "Ý tưởng của hợp tác xã",
                    "local_identity": "Nghề nuôi ong truyền thống",
                },
            )
        kwargs.setdefault("round", open_round)
        kwargs.setdefault("product", product)
        return factories.DossierFactory(state=state, **kwargs)

    return make


@pytest.fixture
def draft(make_dossier):
    return make_dossier(DossierState.DRAFT)


@pytest.fixture
def submitted(make_dossier):
    return make_dossier(DossierState.SUBMITTED)


ASSESSMENT = {
    "raw_materials": "Mật ong thu từ vườn nhãn của các hộ thành viên trong xã.",
    "local_labour": "12 lao động, đều cư trú tại xã.",
    "idea_origin": "Ý tưởng của hợp tác xã từ năm 2015.",
    "local_identity": "Nghề nuôi ong lấy mật hoa nhãn truyền thống của Khoái Châu.",
}
