import pytest
from django.urls import reverse

from evaluations.services import timeline
from producers.models import Membership, Producer
from regions.models import Commune
from tests import factories

from .helpers import profile_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def newcomer(areas):
    """A confirmed producer account that has no producer profile yet."""
    return factories.UserFactory(email="moi@example.vn")


def test_newcomer_is_sent_from_the_dashboard_to_create_the_profile(client, newcomer):
    client.force_login(newcomer)

    response = client.get(reverse("producers:dashboard"))

    assert response.status_code == 302
    assert response["Location"] == reverse("producers:profile-create")


def test_newcomer_creates_the_profile_and_becomes_its_owner(client, newcomer, home_commune):
    client.force_login(newcomer)

    response = client.post(reverse("producers:profile-create"), profile_data(home_commune))

    producer = Producer.objects.get()
    membership = Membership.objects.get()
    assert response["Location"] == reverse("producers:dashboard")
    assert (producer.name, producer.tax_code, producer.phone) == (
        "Hợp tác xã Chè Thái Hưng",
        "0901234567",
        "0912345678",
    )
    assert (producer.commune, producer.representative_ethnicity) == (home_commune, "Thái")
    assert (membership.user, membership.producer, membership.is_owner) == (newcomer, producer, True)


def test_newcomer_submitting_the_profile_twice_gets_one_producer(client, newcomer, home_commune):
    client.force_login(newcomer)
    url = reverse("producers:profile-create")

    client.post(url, profile_data(home_commune))
    second = client.post(url, profile_data(home_commune))

    assert second.status_code == 302
    assert Producer.objects.count() == 1


def test_profile_form_keeps_what_was_typed_when_the_tax_code_is_wrong(
    client, newcomer, home_commune
):
    client.force_login(newcomer)

    response = client.post(
        reverse("producers:profile-create"), profile_data(home_commune, tax_code="12345")
    )

    form = response.context["form"]
    assert response.status_code == 200
    assert list(form.errors) == ["tax_code"]
    assert form["name"].value() == "Hợp tác xã Chè Thái Hưng"
    assert form["representative_name"].value() == "Lò Thị Mai"
    assert Producer.objects.count() == 0


def test_profile_refuses_a_tax_code_already_registered_and_says_what_to_do(
    client, newcomer, home_commune, producer_org
):
    client.force_login(newcomer)

    response = client.post(
        reverse("producers:profile-create"),
        profile_data(home_commune, tax_code=producer_org.tax_code),
    )

    errors = response.context["form"].errors.as_data()
    assert [error.code for error in errors["tax_code"]] == ["unique"]
    assert Producer.objects.count() == 1


def test_profile_refuses_a_commune_of_another_province(client, newcomer, home_commune):
    elsewhere = Commune.objects.exclude(province_id=home_commune.province_id).first()
    client.force_login(newcomer)

    response = client.post(
        reverse("producers:profile-create"),
        profile_data(home_commune, commune=str(elsewhere.pk)),
    )

    assert list(response.context["form"].errors) == ["commune"]
    assert Producer.objects.count() == 0


def test_profile_offers_the_communes_of_the_posted_province(client, newcomer, home_commune):
    elsewhere = Commune.objects.exclude(province_id=home_commune.province_id).first()
    client.force_login(newcomer)

    response = client.post(
        reverse("producers:profile-create"),
        profile_data(home_commune, province=str(elsewhere.province_id), commune=""),
    )

    offered = set(response.context["form"].fields["commune"].queryset)
    assert offered == set(Commune.objects.filter(province_id=elsewhere.province_id))


def test_profile_refuses_a_registration_date_in_the_future(client, newcomer, home_commune, today):
    client.force_login(newcomer)

    response = client.post(
        reverse("producers:profile-create"),
        profile_data(home_commune, registration_date="2027-01-01"),
    )

    assert list(response.context["form"].errors) == ["registration_date"]


def test_producer_edits_the_profile(client, producer, producer_org, home_commune):
    client.force_login(producer)
    data = profile_data(
        home_commune, tax_code=producer_org.tax_code, version=str(producer_org.version)
    )

    response = client.post(reverse("producers:profile-edit"), data)

    producer_org.refresh_from_db()
    assert response["Location"] == reverse("producers:profile")
    assert (producer_org.name, producer_org.version) == ("Hợp tác xã Chè Thái Hưng", 2)


def test_producer_saving_from_a_stale_second_tab_loses_nothing(
    client, producer, producer_org, home_commune
):
    client.force_login(producer)
    url = reverse("producers:profile-edit")
    base = {"tax_code": producer_org.tax_code, "version": "1"}
    client.post(url, profile_data(home_commune, name="Tên từ tab thứ nhất", **base))

    response = client.post(url, profile_data(home_commune, name="Tên từ tab thứ hai", **base))

    producer_org.refresh_from_db()
    form = response.context["form"]
    assert response.status_code == 200
    assert producer_org.name == "Tên từ tab thứ nhất"
    assert form["name"].value() == "Tên từ tab thứ hai"
    assert form["version"].value() == "2"
    assert [e.code for e in form.non_field_errors().as_data()] == ["stale"]


def test_producer_saving_again_after_the_conflict_keeps_the_second_tab(
    client, producer, producer_org, home_commune
):
    client.force_login(producer)
    url = reverse("producers:profile-edit")
    base = {"tax_code": producer_org.tax_code}
    client.post(url, profile_data(home_commune, name="Tab một", version="1", **base))

    client.post(url, profile_data(home_commune, name="Tab hai", version="2", **base))

    producer_org.refresh_from_db()
    assert (producer_org.name, producer_org.version) == ("Tab hai", 3)


def test_profile_change_is_audited_on_a_returned_dossier(
    client, producer, producer_org, home_commune
):
    dossier = factories.DossierFactory(product__producer=producer_org, state="returned", revision=1)
    client.force_login(producer)
    data = profile_data(home_commune, tax_code=producer_org.tax_code, version="1")

    client.post(reverse("producers:profile-edit"), data)

    [event] = timeline(dossier)
    assert (event.action, event.actor) == ("edit", producer)


def test_profile_shows_the_producers_data(client, producer, producer_org):
    client.force_login(producer)

    response = client.get(reverse("producers:profile"))

    assert response.context["producer"] == producer_org
    assert producer_org.tax_code in response.content.decode()


@pytest.mark.parametrize("persona", ["commune_officer", "provincial_office", "approver"])
def test_official_has_no_producer_pages(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    responses = [
        client.get(reverse(name))
        for name in ("producers:dashboard", "producers:profile", "producers:profile-create")
    ]

    assert [r.status_code for r in responses] == [404, 404, 404]
