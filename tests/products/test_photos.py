import io
import os
import uuid

import pytest
from django.conf import settings
from django.urls import reverse
from PIL import Image

from evaluations.services import timeline
from products.models import ProductPhoto
from tests import factories
from tests.uploads import GPS_IFD, PDF, photo_upload, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def product(producer, producer_org):
    return factories.ProductFactory(producer=producer_org)


@pytest.fixture
def post_photo(client, producer, product):
    client.force_login(producer)

    def post(file=None, **extra):
        data = {"image": file or photo_upload(), "caption": "Hũ mật ong 500 ml", **extra}
        return client.post(reverse("products:photos", kwargs={"pk": product.pk}), data)

    return post


def test_producer_uploads_a_photo_stored_without_exif_under_a_generated_name(post_photo, product):
    response = post_photo(photo_upload("IMG_2024 nhà tôi.jpg", exif=True, size=(600, 400)))

    photo = ProductPhoto.objects.get()
    stored = Image.open(photo.image.path)
    assert response["Location"] == reverse("products:photos", kwargs={"pk": product.pk})
    assert (photo.caption, photo.is_cover, photo.position) == ("Hũ mật ong 500 ml", True, 0)
    assert dict(stored.getexif()) == {}
    assert stored.getexif().get_ifd(GPS_IFD) == {}
    assert stored.size == (400, 600)  # turned upright by its EXIF orientation
    assert "IMG_2024" not in photo.image.name
    assert photo.image.path.startswith(str(settings.MEDIA_ROOT))


def test_photo_gets_a_thumbnail_of_about_400_pixels(post_photo):
    post_photo(photo_upload(size=(1600, 1200)))

    thumbnail = Image.open(ProductPhoto.objects.get().thumbnail.path)

    assert thumbnail.size == (400, 300)


def test_first_photo_is_the_cover_and_the_next_ones_follow_in_order(post_photo):
    post_photo()
    post_photo()

    photos = list(ProductPhoto.objects.values_list("position", "is_cover"))

    assert photos == [(0, True), (1, False)]


def test_photo_that_is_really_a_pdf_is_refused_and_nothing_is_stored(post_photo):
    response = post_photo(upload("anh.jpg", PDF, "image/jpeg"))

    assert response.status_code == 200
    assert [e.code for e in response.context["form"].errors.as_data()["image"]] == ["not_image"]
    assert response.context["form"]["caption"].value() == "Hũ mật ong 500 ml"
    assert ProductPhoto.objects.count() == 0


def test_double_submitted_photo_is_stored_once(post_photo):
    token = str(uuid.uuid4())

    post_photo(client_token=token)
    post_photo(client_token=token)

    assert ProductPhoto.objects.count() == 1


def test_producer_changes_the_cover_and_the_order(client, producer, product):
    first, second = factories.PhotoFactory.create_batch(2, product=product)
    ProductPhoto.objects.filter(pk=first.pk).update(is_cover=True)
    client.force_login(producer)

    client.post(reverse("products:photo-cover", kwargs={"pk": second.pk}))
    client.post(reverse("products:photo-move", kwargs={"pk": second.pk}), {"direction": "up"})

    order = list(product.photos.order_by("position").values_list("pk", "is_cover"))
    assert order == [(second.pk, True), (first.pk, False)]


def test_deleting_the_cover_makes_the_next_photo_the_cover_and_removes_the_files(
    client, producer, product, django_capture_on_commit_callbacks
):
    first, second = factories.PhotoFactory.create_batch(2, product=product)
    ProductPhoto.objects.filter(pk=first.pk).update(is_cover=True)
    paths = [first.image.path, first.thumbnail.path]
    client.force_login(producer)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("products:photo-delete", kwargs={"pk": first.pk}))

    assert list(product.photos.values_list("pk", "is_cover")) == [(second.pk, True)]
    assert [os.path.exists(path) for path in paths] == [False, False]


def test_product_takes_at_most_12_photos(post_photo, product):
    factories.PhotoFactory.create_batch(12, product=product)

    response = post_photo()

    assert [e.code for e in response.context["form"].errors.as_data()["image"]] == ["too_many"]
    assert product.photos.count() == 12


def test_photo_added_to_a_returned_dossier_is_audited(post_photo, product, producer):
    dossier = factories.DossierFactory(product=product, state="returned", revision=1)

    post_photo()

    [event] = timeline(dossier)
    assert (event.action, event.actor) == ("edit", producer)


def test_product_under_review_takes_no_photo(post_photo, product):
    factories.DossierFactory(product=product, state="submitted")

    response = post_photo()

    assert response.context["form"] is None
    assert response.context["lock"].state == "submitted"
    assert ProductPhoto.objects.count() == 0


def test_photo_is_served_with_its_type_and_nosniff(client, producer, product):
    photo = factories.PhotoFactory(product=product)
    client.force_login(producer)

    response = client.get(reverse("products:photo-thumbnail", kwargs={"pk": photo.pk}))

    assert response.status_code == 200
    assert (response["Content-Type"], response["X-Content-Type-Options"]) == (
        "image/jpeg",
        "nosniff",
    )
    assert Image.open(io.BytesIO(b"".join(response.streaming_content))).size == (32, 24)
