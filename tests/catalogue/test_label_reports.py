"""Reports of suspicious OCOP labels: filed by anyone from the verification page, limited per
connection, checked photos, landing in the right province's queue, handled by its office."""

import pytest
from django.urls import reverse

from catalogue.models import LabelReport, LabelReportState
from tests import factories
from tests.uploads import PDF, photo_upload, upload

REPORT = reverse("catalogue:report-label")
QUEUE = reverse("catalogue:label-reports")


def _form(**fields):
    return {
        "product_name": "Mật ong hoa nhãn",
        "where_seen": "market",
        "place": "Chợ Phố Hiến, Hưng Yên",
        "details": "Tem OCOP in mờ, không có mã QR",
        **fields,
    }


@pytest.mark.django_db
def test_verification_page_offers_the_report_form(client, listed):
    certificate = listed()

    page = client.get(certificate.get_absolute_url()).content.decode()
    form = client.get(REPORT, {"certificate": certificate.number}, HTTP_HX_REQUEST="true")

    assert "Báo cáo nhãn OCOP đáng ngờ" in page
    assert f"{REPORT}?certificate={certificate.number}" in page  # fetched when the fold opens
    assert f'value="{certificate.number}"' in form.text
    assert "<html" not in form.text  # the form alone, for the fold


@pytest.mark.django_db
def test_not_found_page_offers_the_form_with_the_number_typed(client):
    response = client.get(reverse("catalogue:verify", args=["OCOP-33-2026-9999"]))

    page = response.content.decode()
    form = client.get(REPORT, {"number": "OCOP-33-2026-9999"})
    assert response.status_code == 404
    assert "Báo cáo nhãn OCOP đáng ngờ" in page
    assert f"{REPORT}?number=OCOP-33-2026-9999" in page
    assert 'value="OCOP-33-2026-9999"' in form.text


@pytest.mark.django_db
def test_report_from_a_certificate_lands_in_its_province_with_the_photo(client, listed):
    certificate = listed()

    response = client.post(
        REPORT, _form(certificate=certificate.number, photo=photo_upload("nhan.jpg"))
    )

    report = LabelReport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == certificate.get_absolute_url()
    assert (report.province_id, report.certificate, report.state) == (
        certificate.product.producer.commune.province_id,
        certificate,
        LabelReportState.NEW,
    )
    assert report.photo_type == "image/jpeg"
    assert report.photo.name.endswith(".jpg")
    assert "nhan" not in report.photo.name  # the uploaded name is never kept


@pytest.mark.django_db
def test_without_a_certificate_the_reporter_chooses_the_province(client):
    refused = client.post(REPORT, _form(certificate_number="OCOP-33-2026-9999"))
    accepted = client.post(REPORT, _form(certificate_number="OCOP-33-2026-9999", province=1))

    assert refused.status_code == 400
    assert "Chọn tỉnh nơi bạn thấy sản phẩm" in refused.content.decode()
    assert accepted.status_code == 302
    assert LabelReport.objects.get().province_id == 1


@pytest.mark.django_db
def test_a_file_lying_about_being_a_photo_is_refused(client, listed):
    certificate = listed()
    liar = upload("nhan.jpg", PDF, "image/jpeg")

    response = client.post(REPORT, _form(certificate=certificate.number, photo=liar))

    assert response.status_code == 400
    assert "JPEG, PNG hoặc WebP" in response.content.decode()
    assert LabelReport.objects.count() == 0


@pytest.mark.django_db
def test_sixth_report_in_an_hour_is_refused_with_a_clear_message(client, listed):
    certificate = listed()
    for _ in range(5):
        assert client.post(REPORT, _form(certificate=certificate.number)).status_code == 302

    refused = client.post(REPORT, _form(certificate=certificate.number))
    other_address = client.post(
        REPORT, _form(certificate=certificate.number), REMOTE_ADDR="203.0.113.9"
    )

    assert refused.status_code == 429
    assert "đã gửi biểu mẫu này 5 lần trong một giờ qua" in refused.content.decode()
    assert other_address.status_code == 302
    assert LabelReport.objects.count() == 6


@pytest.mark.django_db
def test_rate_limit_message_in_english(client, listed):
    certificate = listed()
    for _ in range(5):
        client.post(REPORT, _form(certificate=certificate.number))

    refused = client.post(REPORT, _form(certificate=certificate.number), HTTP_ACCEPT_LANGUAGE="en")

    assert "already sent this form 5 times in the last hour" in refused.content.decode()


@pytest.mark.django_db
def test_a_filled_honeypot_saves_nothing(client, listed):
    certificate = listed()

    response = client.post(REPORT, _form(certificate=certificate.number, homepage="http://x"))

    assert response.status_code == 302
    assert LabelReport.objects.count() == 0


@pytest.mark.django_db
def test_office_sees_its_provinces_reports_and_updates_one_with_a_note(
    client, provincial_office, listed
):
    certificate = listed()
    client.post(REPORT, _form(certificate=certificate.number))
    client.post(REPORT, _form(product_name="Chè Thái", province=1))
    ours = LabelReport.objects.get(province_id=33)
    client.force_login(provincial_office)

    queue = client.get(QUEUE)
    client.post(
        reverse("catalogue:label-report", args=[ours.pk]),
        {"state": "checking", "note": "Đã chuyển đoàn kiểm tra"},
    )

    ours.refresh_from_db()
    update = ours.updates.get()
    assert [report.pk for report in queue.context["reports"]] == [ours.pk]
    assert ours.state == LabelReportState.CHECKING
    assert (update.by, update.note) == (provincial_office, "Đã chuyển đoàn kiểm tra")


@pytest.mark.django_db
def test_office_sees_the_photo(client, provincial_office, listed):
    certificate = listed()
    client.post(REPORT, _form(certificate=certificate.number, photo=photo_upload()))
    report = LabelReport.objects.get()
    client.force_login(provincial_office)

    response = client.get(reverse("catalogue:label-report-photo", args=[report.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["producer", "commune_officer", "approver", "council_member"])
def test_outsiders_get_a_404(client, request, persona, listed):
    certificate = listed()
    client.post(REPORT, _form(certificate=certificate.number, photo=photo_upload()))
    report = LabelReport.objects.get()
    client.force_login(request.getfixturevalue(persona))

    for url in [
        QUEUE,
        reverse("catalogue:label-report", args=[report.pk]),
        reverse("catalogue:label-report-photo", args=[report.pk]),
    ]:
        assert client.get(url).status_code == 404, url


@pytest.mark.django_db
def test_another_provinces_office_gets_a_404(client, listed):
    certificate = listed()
    client.post(REPORT, _form(certificate=certificate.number))
    office = factories.UserFactory(role="provincial_office", province_id=1)
    client.force_login(office)

    response = client.get(reverse("catalogue:label-report", args=[LabelReport.objects.get().pk]))

    assert response.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(("item_count", "queries"), [(1, 3), (3, 3)])
def test_queue_query_count_is_constant(
    client, provincial_office, item_count, queries, django_assert_num_queries
):
    for number in range(item_count):
        LabelReport.objects.create(
            province_id=33, product_name=f"Sản phẩm {number}", where_seen="shop", place="Chợ"
        )
    client.force_login(provincial_office)
    client.get(QUEUE)  # warm the per-process caches (province name)

    with django_assert_num_queries(queries):
        response = client.get(QUEUE)

    assert len(response.context["reports"]) == item_count


@pytest.mark.django_db
def test_the_photo_is_kept_without_its_location(client, listed):
    certificate = listed()

    client.post(REPORT, _form(certificate=certificate.number, photo=photo_upload(exif=True)))

    with LabelReport.objects.get().photo.open("rb") as stored:
        assert b"PhoneMaker" not in stored.read()
