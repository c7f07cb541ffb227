"""Staff keep their own details, among them the commune used for conflict-of-interest flags."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from regions.models import Commune

pytestmark = pytest.mark.django_db


def test_council_member_records_the_commune_where_they_live_or_work(
    client, council_member, home_commune
):
    client.force_login(council_member)

    response = client.post(
        reverse("accounts:my-details"),
        {
            "full_name": "Hoàng Văn Hội",
            "phone": "0912345678",
            "organisation": "Sở Nông nghiệp và Môi trường",
            "home_commune": home_commune.pk,
        },
    )

    council_member.refresh_from_db()
    assert response.url == reverse("accounts:my-details")
    assert council_member.home_commune == home_commune
    assert council_member.organisation == "Sở Nông nghiệp và Môi trường"


def test_a_name_is_required(client, council_member):
    client.force_login(council_member)

    response = client.post(reverse("accounts:my-details"), {"full_name": ""})

    council_member.refresh_from_db()
    assert response.status_code == 200
    assert council_member.full_name == "Hoàng Văn Hội"
    assert "full_name" in response.context["form"].errors


def test_producers_keep_their_profile_instead(client, producer):
    client.force_login(producer)

    response = client.get(reverse("accounts:my-details"))

    assert response.status_code == 404


def test_the_admin_edits_the_commune_where_a_person_lives_or_works(admin_client, council_member):
    response = admin_client.get(
        reverse("admin:accounts_user_change", kwargs={"object_id": council_member.pk})
    )

    assert "home_commune" in response.context["adminform"].form.fields


def test_the_page_reads_the_communes_in_one_query_however_many_there_are(
    client, council_member, home_commune
):
    """Each commune is labelled with its province: read one by one, the national list of
    3,321 communes took two seconds to show."""
    client.force_login(council_member)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("accounts:my-details"))
    Commune.objects.bulk_create(
        Commune(
            code=90000 + n,
            name=f"Xã Thử {n}",
            kind=Commune.Kind.COMMUNE,
            name_folded=f"xa thu {n}",
            province_id=home_commune.province_id,
        )
        for n in range(20)
    )

    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("accounts:my-details"))

    assert "Xã Thử 19" in response.content.decode()
    assert len(many) == len(few)
