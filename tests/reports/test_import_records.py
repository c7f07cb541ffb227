"""What an import leaves behind: the producer and product it finds or creates, the historical
round, the audit row naming the file and its row, and one live recognition per product when a
register holds several decisions for it."""

import datetime

import pytest
from django.urls import reverse

from certificates.models import Certificate
from dossiers.models import DossierState, Round
from evaluations.models import DossierEvent
from producers.models import Producer
from products.models import Product
from reports import services
from reports.imports import preview_import
from tests import factories

from .test_import import _row, _upload, _xlsx


def _commit(content: bytes, by, name: str = "so-cong-nhan.xlsx"):
    batch, _created = services.store_import_file(content=content, file_name=name, by=by)
    return services.commit_import(batch, by=by)


@pytest.mark.django_db
def test_the_historical_round_spans_the_whole_decision_year(provincial_office, today):
    _commit(_xlsx(_row()), provincial_office)

    round_ = Round.objects.get(number=0)
    assert (round_.province_id, round_.year, round_.criteria_decision) == (33, 2023, "26/2026")
    assert (round_.opens_on, round_.local_cutoff_on) == (
        datetime.date(2023, 1, 1), datetime.date(2023, 1, 1)
    )  # fmt: skip
    assert (round_.council_meeting_on, round_.closes_on) == (
        datetime.date(2023, 12, 31), datetime.date(2023, 12, 31)
    )  # fmt: skip


@pytest.mark.django_db
def test_a_new_producer_keeps_the_registers_address_and_representative(provincial_office, today):
    _commit(_xlsx(_row()), provincial_office)

    producer = Producer.objects.get(tax_code="0901234501")
    assert (producer.address_line, producer.representative_name) == ("Thôn Đông", "Nguyễn Văn An")
    # Not in a register: unknown (0) until the producer fills it in, never a made-up share.
    assert producer.local_labour_share == 0
    assert producer.registration_date == datetime.date(2023, 9, 15)


@pytest.mark.django_db
def test_empty_optional_cells_are_read_as_empty_text_and_import(provincial_office, today):
    content = _xlsx(_row(**{"Địa chỉ": None, "Người đại diện": None, "Điện thoại": None}))

    preview = preview_import(content, province_id=33)
    _commit(content, provincial_office)

    values = preview.rows[0].values
    assert (values["address_line"], values["representative"], values["phone"]) == ("", "", "")
    assert (values["product_code"], preview.rows[0].errors) == ("", [])
    producer = Producer.objects.get(tax_code="0901234501")
    assert (producer.address_line, producer.representative_name, producer.phone) == ("", "", "")
    assert Certificate.objects.get().product_code == "33-11977-001-2023"


@pytest.mark.django_db
def test_the_audit_row_names_the_batch_the_file_and_the_row(provincial_office, today):
    batch = _commit(
        _xlsx(_row(), _row(**{"Số giấy chứng nhận": "OCOP-33-2023-0013", "Tên sản phẩm": "Chè"})),
        provincial_office,
        name="so-2023.xlsx",
    )

    second = Certificate.objects.get(number="OCOP-33-2023-0013")
    event = DossierEvent.objects.get(dossier=second.dossier)
    assert event.data == {"batch": batch.pk, "row": 3, "file": "so-2023.xlsx"}


@pytest.mark.django_db
def test_a_file_name_longer_than_the_column_keeps_its_first_255_characters(
    provincial_office, today
):
    name = "so-cong-nhan-" + "x" * 300 + ".xlsx"

    batch, _created = services.store_import_file(
        content=_xlsx(_row()), file_name=name, by=provincial_office
    )

    batch.refresh_from_db()
    assert batch.file_name == name[:255]


@pytest.mark.django_db
def test_a_product_already_in_the_portal_receives_the_imported_recognition(
    provincial_office, today
):
    other_producers_namesake = Product.objects.create(
        producer=Producer.objects.create(
            kind="htx", name="HTX khác", tax_code="0901234599", commune_id=11977,
            registration_date=datetime.date(2020, 1, 1), local_labour_share=0,
        ),
        name="Nhãn lồng Hưng Yên", criteria_set=1,
    )  # fmt: skip
    _commit(_xlsx(_row()), provincial_office)
    product = Certificate.objects.get().product

    _commit(
        _xlsx(_row(**{"Số giấy chứng nhận": "OCOP-33-2024-0001",
                      "Tên sản phẩm": "NHÃN LỒNG hưng yên",
                      "Ngày quyết định": datetime.datetime(2024, 10, 1)})),
        provincial_office,
        name="so-2024.xlsx",
    )  # fmt: skip

    later = Certificate.objects.get(number="OCOP-33-2024-0001")
    # Found by its producer and its name, whatever the letter case; not another producer's.
    assert product != other_producers_namesake
    assert later.product == product
    assert Product.objects.count() == 2
    assert not Certificate.objects.filter(product=other_producers_namesake).exists()


@pytest.mark.django_db
def test_the_latest_decision_is_the_live_one_whatever_the_row_order(provincial_office, today):
    def recognition(number, year):
        return _row(**{"Số giấy chứng nhận": number,
                       "Ngày quyết định": datetime.datetime(year, 9, 1)})  # fmt: skip

    _commit(
        _xlsx(
            recognition("C-2024", 2024),
            recognition("C-2020", 2020),
            recognition("C-2022", 2022),
            _row(**{"Số giấy chứng nhận": "OTHER-2021", "Tên sản phẩm": "Chè búp",
                    "Ngày quyết định": datetime.datetime(2021, 5, 5)}),
        ),
        provincial_office,
    )  # fmt: skip

    replaced_by = dict(Certificate.objects.values_list("number", "replaced_by__number"))
    # Written in row order, each older decision is replaced by 2024 as it arrives (by decision
    # date, not by the order of writing); another product's recognition stays live.
    assert replaced_by == {
        "C-2024": None,
        "C-2020": "C-2024",
        "C-2022": "C-2024",
        "OTHER-2021": None,
    }


@pytest.mark.django_db
def test_an_earlier_replacement_is_kept_when_a_later_decision_arrives(provincial_office, today):
    def recognition(number, year):
        return _row(**{"Số giấy chứng nhận": number,
                       "Ngày quyết định": datetime.datetime(year, 9, 1)})  # fmt: skip

    _commit(_xlsx(recognition("C-2020", 2020), recognition("C-2022", 2022)), provincial_office)
    _commit(_xlsx(recognition("C-2024", 2024)), provincial_office, name="sau.xlsx")

    replaced_by = dict(Certificate.objects.values_list("number", "replaced_by__number"))
    assert replaced_by == {"C-2020": "C-2022", "C-2022": "C-2024", "C-2024": None}


@pytest.mark.django_db
def test_a_revoked_recognition_stays_revoked_not_replaced(
    provincial_office, today, certify, home_commune
):
    producer = Producer.objects.create(
        kind="htx", name="Hợp tác xã Nhãn lồng Tân Hưng", tax_code="0901234501",
        commune=home_commune, registration_date=datetime.date(2020, 1, 1), local_labour_share=0,
    )  # fmt: skip
    revoked = certify(
        home_commune, producer=producer, product_name="Nhãn lồng Hưng Yên",
        decided=datetime.date(2022, 3, 1), revoked=True,
    )  # fmt: skip

    _commit(_xlsx(_row(**{"Mã số sản phẩm": revoked.product.product_code})), provincial_office)

    imported = Certificate.objects.get(number="OCOP-33-2023-0012")
    revoked.refresh_from_db()
    assert imported.product == revoked.product
    assert (revoked.replaced_by, imported.replaced_by) == (None, None)


@pytest.mark.django_db
def test_the_preview_page_counts_rows_by_what_the_commit_would_do(client, provincial_office, today):
    client.force_login(provincial_office)
    _commit(_xlsx(_row()), provincial_office)
    content = _xlsx(
        _row(),
        _row(**{"Số giấy chứng nhận": "N-1", "Tên sản phẩm": "Chè"}),
        _row(**{"Số giấy chứng nhận": "N-2", "Tên sản phẩm": "Gạo"}),
        _row(**{"Số giấy chứng nhận": "E-1", "Tên sản phẩm": ""}),
    )

    batch = _upload(client, content).context["batch"]
    response = client.get(reverse("reports:import-preview", args=[batch.pk]))

    assert response.context["counts"] == {"new": 2, "unchanged": 1, "error": 1}


@pytest.mark.django_db
def test_a_product_code_held_by_another_product_in_the_portal_is_refused(provincial_office, today):
    _commit(_xlsx(_row(**{"Mã số sản phẩm": "33-11977-005-2023"})), provincial_office)
    content = _xlsx(
        _row(**{"Số giấy chứng nhận": "D-1", "Tên sản phẩm": "Nhãn sấy", "Mã số thuế": "0901234502",
                "Mã số sản phẩm": "33-11977-005-2023"}),
        _row(**{"Số giấy chứng nhận": "D-2", "Ngày quyết định": datetime.datetime(2024, 9, 1),
                "Mã số sản phẩm": "33-11977-005-2023"}),
    )  # fmt: skip

    preview = preview_import(content, province_id=33)

    assert [row.errors for row in preview.rows] == [
        [
            "Dòng 2, cột “Mã số sản phẩm”: mã số sản phẩm 33-11977-005-2023 "
            "thuộc về một sản phẩm khác."
        ],
        [],  # the product's own code, on a later recognition of the same product
    ]


@pytest.mark.django_db
def test_a_second_recognition_of_the_same_year_already_imported_is_refused(
    provincial_office, today
):
    _commit(_xlsx(_row()), provincial_office)

    preview = preview_import(
        _xlsx(_row(**{"Số giấy chứng nhận": "OCOP-33-2023-0099", "Số quyết định": "9/QĐ"})),
        province_id=33,
    )

    assert preview.rows[0].errors == [
        "Dòng 2, cột “Ngày quyết định”: sản phẩm này đã có quyết định công nhận năm 2023 "
        "được nhập từ trước."
    ]


@pytest.mark.django_db
def test_a_product_without_a_code_in_the_portal_takes_the_registers_code(provincial_office, today):
    producer = Producer.objects.create(
        kind="htx", name="Hợp tác xã Nhãn lồng Tân Hưng", tax_code="0901234501",
        commune_id=11977, registration_date=datetime.date(2020, 1, 1), local_labour_share=0,
    )  # fmt: skip
    product = Product.objects.create(producer=producer, name="Nhãn lồng Hưng Yên", criteria_set=1)
    content = _xlsx(_row(**{"Mã số sản phẩm": "33-11977-004-2023"}))

    preview = preview_import(content, province_id=33)
    _commit(content, provincial_office)

    assert preview.rows[0].errors == []
    product.refresh_from_db()
    assert product.product_code == "33-11977-004-2023"
    assert Certificate.objects.get().product == product


@pytest.mark.django_db
def test_a_code_other_than_the_products_own_is_refused(provincial_office, today):
    _commit(_xlsx(_row(**{"Mã số sản phẩm": "33-11977-005-2023"})), provincial_office)

    preview = preview_import(
        _xlsx(_row(**{"Số giấy chứng nhận": "D-3", "Ngày quyết định": "01/09/2024",
                      "Mã số sản phẩm": "33-11977-006-2024"})),
        province_id=33,
    )  # fmt: skip

    assert preview.rows[0].errors == [
        "Dòng 2, cột “Mã số sản phẩm”: mã số sản phẩm 33-11977-006-2024 thuộc về một sản phẩm khác."
    ]


@pytest.mark.django_db
def test_a_portal_dossier_of_the_same_year_is_not_an_earlier_recognition(
    provincial_office, today, past_round
):
    producer = Producer.objects.create(
        kind="htx", name="Hợp tác xã Nhãn lồng Tân Hưng", tax_code="0901234501",
        commune_id=11977, registration_date=datetime.date(2020, 1, 1), local_labour_share=0,
    )  # fmt: skip
    product = Product.objects.create(producer=producer, name="Nhãn lồng Hưng Yên", criteria_set=1)
    factories.DossierFactory(round=past_round, product=product, state=DossierState.REJECTED)

    preview = preview_import(
        _xlsx(_row(**{"Ngày quyết định": datetime.datetime(2025, 3, 1)})), province_id=33
    )

    # Only a recognition recorded before the portal (the round numbered 0) blocks the year.
    assert (past_round.year, preview.rows[0].errors) == (2025, [])
