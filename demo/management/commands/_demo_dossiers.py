"""Demo dossiers at each step of the local review and the council, for `seed_demo`.

They move through the real transitions, so they carry revisions, audit rows, correction items and
score sheets like any other; the notices those moves generate wait in the provincial office's
outbox (a demo sends no email).
"""

import io

from django.core.files.base import ContentFile
from PIL import Image

from accounts.models import Role, User
from councils.models import CouncilRole
from councils.services import declare_no_conflict, save_sheet_points, sheet_for, submit_sheet
from councils.sessions import close_session, open_session
from criteria import scoring
from dossiers.models import Dossier, DossierKind
from evaluations.council_assignment import assign_dossiers
from evaluations.services import create_dossier
from evaluations.transitions import (
    accept_dossier,
    close_scoring,
    forward_dossier,
    return_dossier,
    submit_dossier,
)
from outbox.hold import holding_notices
from products.models import EvidenceDocument, EvidenceKind, ProductPhoto, SelfAssessment

# A valid one-page PDF: enough for the portal's content checks and the browser's viewer.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
DOCUMENTS = (
    EvidenceKind.BUSINESS_REGISTRATION,
    EvidenceKind.QUALITY_DECLARATION,
    EvidenceKind.TEST_REPORT,
    EvidenceKind.FOOD_SAFETY,
)
LOCAL_ASSESSMENT = {
    "raw_materials": "Nguyên liệu trồng tại địa phương, có hợp đồng liên kết với các hộ.",
    "local_labour": "Sử dụng lao động của xã, phần lớn là lao động nữ.",
    "idea_origin": "Ý tưởng sản phẩm của hợp tác xã từ nghề truyền thống.",
    "local_identity": "Gắn với đặc sản và tri thức bản địa của vùng.",
}


def _jpeg(colour) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), colour).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def _complete(product) -> None:
    """The documents, a photo and a self-assessment that make the product's dossier complete."""
    for kind in DOCUMENTS:
        if not product.documents.filter(kind=kind).exists():
            document = EvidenceDocument(
                product=product,
                kind=kind,
                title=EvidenceKind(kind).label,
                content_type="application/pdf",
                size=len(PDF),
            )
            document.file.save(f"{kind}.pdf", ContentFile(PDF), save=True)
    if not product.photos.exists():
        photo = ProductPhoto(product=product, position=0, is_cover=True)
        photo.image.save("anh.jpg", ContentFile(_jpeg((190, 140, 40))), save=False)
        photo.thumbnail.save("anh-nho.jpg", ContentFile(_jpeg((190, 140, 40))), save=False)
        photo.save()
    sheet = scoring.load_criteria_set(product.criteria_decision, product.criteria_set)
    SelfAssessment.objects.update_or_create(
        product=product,
        defaults={
            "criteria_decision": product.criteria_decision,
            "criteria_set": product.criteria_set,
            # The middle option of each criterion: a plausible 3-4★ claim.
            "points_by_code": {
                leaf.code: str(leaf.options[len(leaf.options) // 2].points)
                for leaf in sheet.leaf_criteria()
            },
        },
    )


def _officer_for(product) -> User | None:
    officers = User.objects.filter(role=Role.LOCAL_OFFICER, is_active=True).order_by("pk")
    commune = product.producer.commune
    return next((o for o in officers if o.covers_commune(commune)), None)


def seed_dossiers(*, round_, council, office, products) -> int:
    """File the first products of the demo in ``round_`` and move them along; returns how many.
    Does nothing when the round already has dossiers, or those products have theirs elsewhere
    (an earlier run's round): a product has one dossier in progress at a time."""
    # (product index, how far it goes)
    # The scored one goes first: its session must close before the next dossier joins the council.
    plan = [(0, "submitted"), (1, "returned"), (5, "scored"), (8, "in_scoring"), (11, "accepted")]
    filed_before = Dossier.objects.filter(product__in=[products[i] for i, _step in plan])
    if Dossier.objects.filter(round=round_).exists() or filed_before.exists():
        return 0
    filed = 0
    with holding_notices(label="Dữ liệu mẫu", by=office):
        for index, step in plan:
            product = products[index]
            officer = _officer_for(product)
            owner = product.producer.memberships.order_by("pk").first().user
            if officer is None:
                continue
            _complete(product)
            dossier = create_dossier(product, by=owner, round=round_, kind=DossierKind.FIRST)
            dossier = submit_dossier(dossier, by=owner)
            filed += 1
            if step == "returned":
                criterion = scoring.load_criteria_set(
                    product.criteria_decision, product.criteria_set
                ).leaf_criteria()[0]
                return_dossier(
                    dossier,
                    by=officer,
                    items=[
                        {
                            "item": EvidenceKind.TEST_REPORT,
                            "comment": "Phiếu kiểm nghiệm đã quá 12 tháng, đề nghị nộp bản mới.",
                        },
                        {
                            "item": criterion.code,
                            "kind": "criterion",
                            "comment": "Bổ sung hợp đồng liên kết vùng nguyên liệu.",
                        },
                    ],
                    comment="Hồ sơ cần bổ sung trước khi xã tiếp nhận.",
                )
            if step in {"accepted", "in_scoring", "scored"}:
                dossier = accept_dossier(dossier, by=officer, assessment=LOCAL_ASSESSMENT)
            if step in {"in_scoring", "scored"}:
                dossier = forward_dossier(dossier, by=officer)
                assign_dossiers(council, by=office, dossiers=[dossier])
            if step == "scored":
                _score_in_session(dossier, council)
    return filed


# Each scoring member's total aims near these; the sheets meet every 4★ minimum.
DEMO_TOTALS = (82, 78, 80, 76, 79)


def _points_near(criteria_set: scoring.CriteriaSet, target: int) -> dict[str, str]:
    """Options meeting each criterion's 4★ minimum, raised one criterion at a time while the
    total stays at or under ``target``: a plausible 4★ sheet."""
    minima = criteria_set.minima(4)
    leaves = criteria_set.leaf_criteria()
    chosen = {}
    for criterion in leaves:
        floor = minima.get(criterion.code, 0)
        points = [option.points for option in criterion.options]
        chosen[criterion.code] = min((p for p in points if p >= floor), default=max(points))
    for criterion in leaves:
        for option in sorted(criterion.options, key=lambda o: o.points, reverse=True):
            total = sum(chosen.values()) - chosen[criterion.code] + option.points
            if option.points > chosen[criterion.code] and total <= target:
                chosen[criterion.code] = option.points
                break
    return {code: str(points) for code, points in chosen.items()}


def _score_in_session(dossier, council) -> None:
    """A session of the council scores the dossier and closes: its result awaits the approver."""
    seats = list(council.members.select_related("user").order_by("pk"))
    chair = next(seat.user for seat in seats if seat.role == CouncilRole.CHAIR)
    session = open_session(
        council,
        by=chair,
        held_on=dossier.round.opens_on,
        place="Hội trường Sở Nông nghiệp và Môi trường",
        present=council.members.all(),
    )
    criteria_set = scoring.load_criteria_set(
        dossier.criteria_decision, dossier.product.criteria_set
    )
    scorers = [seat.user for seat in seats if seat.role in CouncilRole.SCORING]
    for member, target in zip(scorers, DEMO_TOTALS, strict=False):
        declare_no_conflict(dossier, member=member)
        sheet = sheet_for(dossier, member)
        save_sheet_points(sheet, points=_points_near(criteria_set, target))
        submit_sheet(sheet, by=member)
    close_scoring(dossier, by=chair)
    close_session(session, by=chair)
