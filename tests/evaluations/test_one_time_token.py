"""Every create form carries a one-time token: sending it again (Back, then submit; a double
click; a reload) answers with the first object instead of making a second one
(once.services.create_once)."""

import uuid

import pytest
from django.urls import reverse

from dossiers.models import Dossier, Round
from once import services as once
from once.models import SubmissionToken
from products.models import Product
from tests.evaluations.test_rounds import _form as round_form

pytestmark = pytest.mark.django_db

REPEATED = "Biểu mẫu này đã được gửi; đây là kết quả của lần gửi đầu tiên."


def _messages(response):
    return [str(message) for message in response.context["messages"]]


def _product_data(token):
    return {"name": "Mật ong hoa nhãn Khoái Châu", "criteria_set": "4", "client_token": token}


def test_each_create_form_shows_a_fresh_token(client, producer, product, open_round, today):
    client.force_login(producer)

    pages = [
        client.get(reverse("products:create")),
        client.get(reverse("products:create")),
        client.get(reverse("evaluations:dossier-create") + f"?product={product.pk}"),
    ]

    tokens = [page.context["form"]["client_token"].value() for page in pages]
    assert len(set(tokens)) == 3
    assert "data-once-token" in pages[0].text


def test_a_repeated_product_form_answers_with_the_first_product(client, producer, producer_org):
    client.force_login(producer)
    token = str(uuid.uuid4())

    first = client.post(reverse("products:create"), _product_data(token))
    again = client.post(reverse("products:create"), _product_data(token), follow=True)

    product = Product.objects.get(producer=producer_org)
    assert first.url == product.get_absolute_url()
    assert again.redirect_chain == [(product.get_absolute_url(), 302)]
    assert REPEATED in _messages(again)


def test_a_repeated_dossier_form_answers_with_the_first_dossier(
    client, producer, product, open_round
):
    client.force_login(producer)
    url = reverse("evaluations:dossier-create") + f"?product={product.pk}"
    data = {"round": open_round.pk, "kind": "first", "client_token": str(uuid.uuid4())}

    first = client.post(url, data)
    again = client.post(url, data)

    dossier = Dossier.objects.get(product=product)
    assert first.url == again.url == dossier.get_absolute_url()


def test_a_repeated_round_form_answers_with_the_first_round(client, provincial_office, today):
    client.force_login(provincial_office)
    data = round_form(client_token=str(uuid.uuid4()))

    client.post(reverse("evaluations:round-create"), data)
    again = client.post(reverse("evaluations:round-create"), data)

    assert again.url == Round.objects.get().get_absolute_url()


def test_a_refused_form_releases_its_token_to_be_sent_again(client, provincial_office, today):
    client.force_login(provincial_office)
    token = str(uuid.uuid4())

    refused = client.post(
        reverse("evaluations:round-create"),
        round_form(client_token=token, council_meeting_on="2027-04-01"),
    )
    corrected = client.post(reverse("evaluations:round-create"), round_form(client_token=token))

    assert refused.status_code == 200
    assert refused.context["form"].errors
    assert corrected.url == Round.objects.get().get_absolute_url()


def test_two_requests_racing_with_one_token_make_one_object(
    client, producer, producer_org, monkeypatch
):
    """The second request checked before the first committed; the unique token decides."""
    client.force_login(producer)
    token = str(uuid.uuid4())
    client.post(reverse("products:create"), _product_data(token))
    looked_up = []
    real = once._earlier

    def not_yet_committed(value):
        looked_up.append(value)
        return None if len(looked_up) == 1 else real(value)

    monkeypatch.setattr(once, "_earlier", not_yet_committed)
    # The product's own token would find the first product: make the race reach the insert.
    data = _product_data(token) | {"name": "Một sản phẩm khác"}
    monkeypatch.setattr("products.services._existing", lambda *args, **kwargs: None)

    again = client.post(reverse("products:create"), data)

    assert len(looked_up) == 2  # checked, clashed on the unique token, looked again
    assert list(Product.objects.values_list("name", flat=True)) == ["Mật ong hoa nhãn Khoái Châu"]
    assert SubmissionToken.objects.count() == 1
    assert again.url == Product.objects.get().get_absolute_url()


def test_somebody_elses_token_shows_nothing_of_theirs(client, producer, producer_org, stranger):
    token = str(uuid.uuid4())
    client.force_login(producer)
    client.post(reverse("products:create"), _product_data(token))

    client.force_login(stranger)
    response = client.post(reverse("products:create"), _product_data(token))

    assert response.status_code == 404


def test_a_repeated_product_idea_answers_with_the_first_idea(
    client, commune_officer, producer_org, today
):
    from programme.models import ProductIdea

    client.force_login(commune_officer)
    data = {
        "producer": producer_org.pk,
        "name": "Trà sen",
        "description": "Trà ướp sen Bách Diệp.",
        "client_token": str(uuid.uuid4()),
    }

    first = client.post(reverse("programme:idea-create"), data)
    again = client.post(reverse("programme:idea-create"), data)

    idea = ProductIdea.objects.get()
    assert first.url == again.url == idea.get_absolute_url()
