"""The whole journey of one product, in Vietnamese, on a phone and on a desktop:

a producer signs up, registers a product with a photo and documents, self-assesses and submits;
the commune officer returns it with a comment; the producer corrects and resubmits; the officer
accepts with Form 03 and forwards it; two council members score it and the chair closes scoring;
the approver approves it in the admin; the public verification page shows the certificate.
"""

import datetime
import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from accounts.models import Role
from criteria import scoring
from evaluations.councils import form_council
from evaluations.models import Certificate, Dossier, DossierState, RoundState
from evaluations.services import timeline
from evaluations.sessions import open_session
from evaluations.transitions import assign_dossier
from regions.models import Commune
from tests import factories
from tests.e2e.conftest import sign_in, sign_in_as
from tests.uploads import PDF, image_bytes

pytestmark = pytest.mark.e2e


CRITERIA_SET = 25  # ornamental animals: the shortest sheet
PRODUCT = "Cá chép Koi Tân Hưng"


def _field(page, label: str):
    escaped = re.sub(r"([.^$*+?()\[\]{}|\\/])", r"\\\1", label)
    return page.get_by_label(re.compile(rf"^\s*{escaped}\*?\s*$"))


def _open(page, summary: str) -> None:
    """Open a <details> step of the dossier page (unless it is open already)."""
    details = page.locator("details", has=page.locator("summary", has_text=summary))
    # While the embedded documents load, the page can shift under a click on a phone and the
    # tap lands beside the summary: look, and tap again, as a person would.
    for _ in range(5):
        if details.evaluate("element => element.open"):
            break
        details.locator("summary").first.click()  # not a nested <details>
        page.wait_for_timeout(300)
    expect(details.locator(".card-body")).to_be_visible()


def _upload_document(page, kind: str, path, issued_on: str | None = None) -> None:
    _field(page, "Loại").select_option(label=kind)
    _field(page, "Tệp").set_input_files(str(path))
    if issued_on:
        _field(page, "Ngày cấp").fill(issued_on)
    page.get_by_role("button", name="Tải lên tài liệu").click()
    expect(page.get_by_text("Đã thêm tài liệu.")).to_be_visible()


def _four_star_choices(criteria_set) -> dict[str, int]:
    """Option indexes giving a 4★ sheet: the best everywhere, then the worst on criteria that
    carry no star minimum until the total falls below 90 (a 5★ result goes to the ministry)."""
    leaves = criteria_set.leaf_criteria()
    choices = {
        c.code: max(range(len(c.options)), key=lambda i: c.options[i].points) for c in leaves
    }
    for criterion in leaves:
        if scoring.score(criteria_set, _points(criteria_set, choices)).total < 90:
            break
        if all(option.min_star is None for option in criterion.options):
            choices[criterion.code] = min(
                range(len(criterion.options)), key=lambda i: criterion.options[i].points
            )
    return choices


def _points(criteria_set, choices: dict[str, int]) -> dict:
    return {
        code: criteria_set.criterion(code).options[index].points for code, index in choices.items()
    }


def _pick(page, choices: dict[str, int], prefix: str) -> None:
    for answered, (code, index) in enumerate(choices.items(), start=1):
        if prefix == "criterion-":
            page.locator(f"label[for='criterion-{code.replace('.', '-')}-{index}']").click()
            # Each choice autosaves; wait for it before the next, as a person reading would.
            expect(page.locator("#sheet-status [data-role=answered]")).to_have_text(
                f"Đã chấm {answered}/{len(choices)} tiêu chí"
            )
        else:
            page.locator(f"label[for='{prefix}{code}-{index}']").click()


@pytest.mark.django_db(transaction=True)
def test_a_product_goes_from_sign_up_to_a_verified_certificate(page, tmp_path, commune_officer):
    commune = commune_officer.jurisdiction_commune
    round_ = factories.RoundFactory(name="Đợt 2 năm 2026")
    chair = factories.UserFactory(
        email="chutich@example.vn",
        full_name="Đỗ Mạnh Hùng",
        role=Role.COUNCIL_MEMBER,
        province_id=33,
    )
    member = factories.UserFactory(
        email="uyvien@example.vn",
        full_name="Bùi Văn Sơn",
        role=Role.COUNCIL_MEMBER,
        province_id=33,
    )
    office = factories.UserFactory(
        email="vanphong@example.vn",
        full_name="Vũ Thị Tâm",
        role=Role.PROVINCIAL_OFFICE,
        province_id=33,
        is_staff=True,
    )
    approver = factories.UserFactory(
        email="lanhdao@example.vn",
        full_name="Ngô Văn Duyệt",
        role=Role.APPROVER,
        province_id=33,
        is_staff=True,
    )
    council = form_council(
        round_, by=office, name="Hội đồng OCOP tỉnh Hưng Yên", chair=chair, members=[member]
    )
    criteria_set = scoring.load_criteria_set("26/2026", CRITERIA_SET)
    choices = _four_star_choices(criteria_set)
    expected = scoring.score(criteria_set, _points(criteria_set, choices))
    assert expected.stars == 4
    photo = tmp_path / "ca-koi.jpg"
    photo.write_bytes(image_bytes("JPEG", size=(800, 600)))
    paper = tmp_path / "giay-to.pdf"
    paper.write_bytes(PDF)

    # 1. The producer signs up and confirms the email.
    page.goto("/accounts/sign-up/")
    _field(page, "Họ và tên").fill("Lò Thị Mai")
    _field(page, "Email").fill("lothimai@example.vn")
    _field(page, "Mật khẩu").fill("ca-koi-tan-hung-2026")
    _field(page, "Nhập lại mật khẩu").fill("ca-koi-tan-hung-2026")
    _field(page, "Tôi đã đọc nội dung về dữ liệu cá nhân ở trên và đồng ý.").check()
    page.get_by_role("button", name="Tạo tài khoản").click()
    expect(page.get_by_text("lothimai@example.vn")).to_be_visible()
    page.goto(re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[-1].body).group(1))

    # 2. The producer profile, in the officer's commune.
    page.goto("/producer/profile/new/")
    _field(page, "Loại").select_option(label="Hợp tác xã")
    _field(page, "Tên").fill("Hợp tác xã Thủy sản Tân Hưng")
    _field(page, "Mã số thuế / mã số đăng ký kinh doanh").fill("0901234599")
    _field(page, "Ngày đăng ký").fill("2019-05-04")
    _field(page, "Xã / phường").select_option(label=Commune.objects.get(pk=commune.pk).name)
    _field(page, "Điện thoại").fill("0912345678")
    _field(page, "Người đại diện theo pháp luật").fill("Lò Thị Mai")
    _field(page, "Giới tính người đại diện").select_option(label="Nữ")
    _field(page, "Tỷ lệ lao động địa phương (%)").fill("90")
    page.get_by_role("button", name="Lưu hồ sơ").click()
    expect(page.get_by_text("Đã lưu hồ sơ chủ thể")).to_be_visible()

    # 3. The product, a photo, the documents, the self-assessment.
    page.goto("/products/new/")
    _field(page, "Tên sản phẩm").fill(PRODUCT)
    _field(page, "Ngành").select_option(label="Sinh vật cảnh")
    _field(page, "Nhóm").select_option(label="Động vật cảnh")
    _field(page, "Bộ tiêu chí").select_option(label="25. Động vật cảnh")
    page.get_by_role("button", name="Lưu bản nháp").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(PRODUCT)
    product_url = page.url
    page.get_by_role("link", name="Ảnh", exact=True).click()
    _field(page, "Ảnh").set_input_files(str(photo))
    page.get_by_role("button", name="Tải ảnh lên").click()
    expect(page.get_by_text("Đã thêm ảnh.")).to_be_visible()
    page.get_by_role("link", name="Tài liệu", exact=True).click()
    _upload_document(page, "Giấy đăng ký kinh doanh", paper)
    _upload_document(page, "Bản công bố chất lượng", paper)
    _upload_document(page, "Phiếu kết quả kiểm nghiệm", paper, issued_on="2026-08-20")
    page.goto(product_url + "self-assessment/")
    _pick(page, choices, prefix="c-")
    page.get_by_role("button", name="Lưu phiếu tự đánh giá").click()
    expect(page.get_by_text("Đã lưu phiếu tự đánh giá.")).to_be_visible()

    # 4. Submit to the open round.
    page.goto("/evaluations/dossiers/mine/")
    page.goto(f"/evaluations/dossiers/new/?product={product_url.rstrip('/').rsplit('/', 1)[-1]}")
    _field(page, "Đợt đánh giá").select_option(value=str(round_.pk))
    page.get_by_role("button", name="Nộp hồ sơ").click()
    expect(page.locator(".badge").first).to_have_text("Đã nộp")
    dossier_url = page.url

    # 5. The commune officer returns it with a comment.
    page.context.clear_cookies()
    sign_in(page, commune_officer.email, factories.PASSWORD)
    page.goto(dossier_url)
    _open(page, "Trả hồ sơ để bổ sung")
    page.get_by_role("checkbox", name="Phiếu kết quả kiểm nghiệm", exact=True).check()
    page.get_by_label("Nội dung cần bổ sung: Phiếu kết quả kiểm nghiệm").fill(
        "Thiếu chỉ tiêu vi sinh."
    )
    page.get_by_role("button", name="Trả hồ sơ cho chủ thể").click()
    expect(page.get_by_text("Đã trả hồ sơ để chủ thể bổ sung.")).to_be_visible()

    # 6. The producer corrects and resubmits.
    page.context.clear_cookies()
    sign_in(page, "lothimai@example.vn", "ca-koi-tan-hung-2026")
    page.goto(dossier_url)
    expect(page.locator(".returned-items")).to_contain_text("Thiếu chỉ tiêu vi sinh.")
    page.goto(product_url + "documents/")
    _upload_document(page, "Phiếu kết quả kiểm nghiệm", paper, issued_on="2026-09-10")
    page.goto(dossier_url)
    page.get_by_label("Trả lời: Phiếu kết quả kiểm nghiệm").fill("Đã bổ sung chỉ tiêu vi sinh.")
    page.get_by_role("button", name="Lưu câu trả lời").click()
    expect(page.get_by_text("Đã lưu câu trả lời.")).to_be_visible()
    page.get_by_role("button", name="Nộp lại hồ sơ").click()
    expect(page.get_by_text("Đã nộp lại hồ sơ sau khi bổ sung")).to_be_visible()

    # 7. The officer accepts with Form 03 and forwards to the province.
    page.context.clear_cookies()
    sign_in_as(page, commune_officer)
    page.goto(dossier_url)
    _open(page, "Tiếp nhận kèm phiếu đánh giá cấp xã (Mẫu số 03)")
    # Scoped to the accept form: the return form lists criteria with similar titles.
    accept = page.locator("form[action$='/accept/']")
    accept.get_by_label("Nguồn gốc sản phẩm và nguyên liệu tại địa phương").fill("Cá nuôi tại xã.")
    accept.get_by_label("Sử dụng lao động địa phương").fill("8 lao động của xã.")
    accept.get_by_label("Nguồn gốc ý tưởng sản phẩm").fill("Ý tưởng của hợp tác xã.")
    accept.get_by_label("Tính đặc trưng, bản sắc và tri thức địa phương").fill("Nghề nuôi cá cảnh.")
    page.get_by_role("button", name="Tiếp nhận hồ sơ").click()
    expect(page.get_by_text("Đã tiếp nhận hồ sơ")).to_be_visible()
    page.get_by_role("button", name="Chuyển lên tỉnh").click()
    expect(page.get_by_text("Đã chuyển hồ sơ lên tỉnh.")).to_be_visible()

    # The provincial office assigns it to the council (arranged: not part of this journey).
    dossier = Dossier.objects.get(product__name=PRODUCT)
    assign_dossier(dossier, by=office, council=council)
    round_.state = RoundState.COUNCIL
    round_.save(update_fields=["state"])

    # 8. Each council member scores; the chair closes scoring.
    for person in (member, chair):
        page.context.clear_cookies()
        sign_in_as(page, person)
        page.goto(f"/evaluations/sheets/{dossier.pk}/")
        _pick(page, choices, prefix="criterion-")
        page.get_by_label("Tôi ký phiếu đánh giá này").check()
        page.get_by_role("button", name="Nộp phiếu đánh giá").click()
        expect(page.locator("[data-role=submitted]")).to_contain_text("Phiếu đã khóa.")
    # The council sits with both members present (arranged: the session has its own journey).
    session = open_session(
        council,
        by=chair,
        held_on=datetime.date(2026, 9, 15),
        place="Hội trường UBND tỉnh",
        present=council.members.all(),
    )
    page.goto(session.get_absolute_url())
    page.get_by_label("Xác nhận: kết quả của hội đồng là chính thức").check()
    page.get_by_role("button", name="Kết thúc chấm điểm").click()
    expect(page.get_by_text(f"Đã kết thúc chấm điểm “{PRODUCT}”")).to_be_visible()

    # 9. The approver signs in with password and authenticator code, and approves the result
    # in the admin, with a decision.
    page.context.clear_cookies()
    sign_in(page, approver.email, factories.PASSWORD)
    page.goto("/admin/evaluations/councilresult/")
    page.locator("input[name=_selected_action]").first.check()
    page.locator("select[name=action]").select_option("approve_results")
    page.locator("button[name=index]").click()
    expect(page.get_by_text("cấp giấy chứng nhận")).to_be_visible()
    page.get_by_label("Số quyết định").fill("1234/QĐ-UBND")
    page.get_by_label("Ngày quyết định").fill("2026-09-01")
    page.get_by_role("button", name="Xác nhận").click()
    expect(page.get_by_text("Đã phê duyệt 1 kết quả.")).to_be_visible()

    # 10. Anyone verifies the certificate.
    certificate = Certificate.objects.get()
    page.context.clear_cookies()
    page.goto("/catalogue/verify/")
    page.get_by_role("textbox").first.fill(certificate.number)
    page.get_by_role("textbox").first.press("Enter")
    expect(page.get_by_text(PRODUCT).first).to_be_visible()
    expect(page.get_by_text("Còn hiệu lực").first).to_be_visible()
    expect(page.get_by_text("1234/QĐ-UBND").first).to_be_visible()

    dossier.refresh_from_db()
    assert dossier.state == DossierState.APPROVED
    assert [event.action for event in timeline(dossier)] == [
        "create",
        "submit",
        "return",
        "edit",
        "resubmit",
        "accept",
        "forward",
        "assign",
        "close_scoring",
        "approve",
    ]
    assert (certificate.stars, certificate.average, certificate.decision_number) == (
        4,
        expected.total,
        "1234/QĐ-UBND",
    )
