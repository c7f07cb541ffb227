"""factory_boy factories. No surprises: each builds exactly the rows its name says."""

import datetime
import itertools
from decimal import Decimal

import factory
from django.utils import timezone

from accounts.models import Role, User
from evaluations.models import (
    Certificate,
    Council,
    CouncilMember,
    CouncilResult,
    CouncilRole,
    Dossier,
    Round,
    RoundState,
)
from evaluations.models.certificate import VALIDITY_MONTHS, add_months
from evaluations.transitions.core import refresh_product_lock
from producers.models import Gender, Membership, Producer, ProducerKind
from products.models import EvidenceDocument, EvidenceKind, Product, SelfAssessment
from regions.models import Commune

_tax_codes = itertools.count(1000000001)
PASSWORD = "matkhau-OCOP-2026"


# The authenticator key of every test account whose role needs two-factor sign-in.
TOTP_KEY = "3132333435363738393031323334353637383930"  # RFC 6238's test secret, hex


class UserFactory(factory.django.DjangoModelFactory):
    """An account. Approvers, the provincial office and administrators get a confirmed
    authenticator (TOTP_KEY), as every real one has after their first sign-in; the suite's
    ``force_login`` then verifies the session with it (tests/conftest.py)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.vn")
    full_name = factory.Faker("name", locale="vi_VN")
    role = Role.PRODUCER
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def second_factor(user, create, extracted, **kwargs):
        from accounts.two_factor import role_requires_two_factor

        wanted = role_requires_two_factor(user) if extracted is None else extracted
        if create and wanted:
            from django_otp.plugins.otp_totp.models import TOTPDevice

            TOTPDevice.objects.create(user=user, name="authenticator", key=TOTP_KEY)


class ProducerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Producer

    kind = ProducerKind.COOPERATIVE
    name = factory.Sequence(lambda n: f"Hợp tác xã Nông nghiệp số {n}")
    tax_code = factory.LazyFunction(lambda: str(next(_tax_codes)))
    registration_date = datetime.date(2019, 3, 1)
    commune = factory.LazyFunction(lambda: Commune.objects.filter(province_id=33).first())
    phone = "0912345678"
    email = factory.Sequence(lambda n: f"htx{n}@example.vn")
    representative_name = factory.Faker("name", locale="vi_VN")
    representative_gender = Gender.FEMALE
    local_labour_share = 80
    workers = 12


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    producer = factory.SubFactory(ProducerFactory)
    user = factory.SubFactory(UserFactory)
    is_owner = True


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    producer = factory.SubFactory(ProducerFactory)
    name = factory.Sequence(lambda n: f"Mật ong hoa nhãn {n}")
    criteria_set = 4  # honey and other raw foods
    description = "Mật ong nguyên chất thu hoạch từ vườn nhãn."


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EvidenceDocument

    product = factory.SubFactory(ProductFactory)
    kind = EvidenceKind.BUSINESS_REGISTRATION
    title = factory.LazyAttribute(lambda d: EvidenceKind(d.kind).label)
    file = factory.django.FileField(filename="giay-to.pdf", data=b"%PDF-1.4\n%%EOF\n")
    content_type = "application/pdf"
    size = 15


class SelfAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SelfAssessment

    product = factory.SubFactory(ProductFactory)
    criteria_decision = "26/2026"
    criteria_set = factory.SelfAttribute("product.criteria_set")
    points_by_code = factory.LazyFunction(dict)


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Round

    province_id = 33
    name = factory.Sequence(lambda n: f"Đợt {n % 2 + 1} năm 2026")
    year = 2026
    number = factory.Sequence(lambda n: n + 1)
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=10))
    local_cutoff_on = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=30)
    )
    council_meeting_on = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=45)
    )
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=60))
    state = RoundState.OPEN


class DossierFactory(factory.django.DjangoModelFactory):
    """A dossier in the given state, set directly: for arranging tests, never for acting."""

    class Meta:
        model = Dossier
        skip_postgeneration_save = True

    round = factory.SubFactory(RoundFactory)
    product = factory.SubFactory(ProductFactory)

    @factory.post_generation
    def product_lock(dossier, create, extracted, **kwargs):
        """A state set directly locks the product as the transition into it would have."""
        if create:
            refresh_product_lock(dossier)


class CouncilFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Council

    round = factory.SubFactory(RoundFactory)
    name = "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh"


class CouncilMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CouncilMember

    council = factory.SubFactory(CouncilFactory)
    user = factory.SubFactory(UserFactory, role=Role.COUNCIL_MEMBER, province_id=33)
    role = CouncilRole.MEMBER


class CouncilResultFactory(factory.django.DjangoModelFactory):
    """A council result awaiting approval; its dossier is set to SCORED directly (arranging)."""

    class Meta:
        model = CouncilResult

    dossier = factory.SubFactory(DossierFactory, state="scored")
    average = Decimal("72.50")
    stars = 4
    band_stars = factory.SelfAttribute("stars")
    member_totals = factory.LazyFunction(dict)
    spread = Decimal("4.00")
    closed_by = factory.SubFactory(UserFactory, role=Role.COUNCIL_MEMBER, province_id=33)


class CertificateFactory(factory.django.DjangoModelFactory):
    """A recognition written directly, for arranging catalogue and verification tests.

    Numbers use province 99 so they never collide with those issue_certificate gives (33).
    Tests of numbering, validity and replacement call evaluations.certificates instead.
    """

    class Meta:
        model = Certificate

    dossier = factory.SubFactory(DossierFactory, state="approved")
    product = factory.SelfAttribute("dossier.product")
    number = factory.Sequence(lambda n: f"OCOP-99-2026-{n + 1:04d}")
    product_code = factory.Sequence(lambda n: f"99-99999-{n + 1:03d}-2026")
    stars = 4
    average = Decimal("75.00")
    decision_number = factory.Sequence(lambda n: f"{n + 100}/QĐ-UBND")
    decision_date = factory.LazyFunction(timezone.localdate)
    valid_until = factory.LazyAttribute(lambda c: add_months(c.decision_date, VALIDITY_MONTHS))
    issued_by = factory.SubFactory(UserFactory, role=Role.APPROVER, province_id=33)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """Like issue_certificate: the certified copy is taken from the live rows (issue 18);
        the factory's product code stands when the product has none."""
        from evaluations.certified import freeze

        certificate = model_class(*args, **kwargs)
        freeze(certificate, certificate.product)
        certificate.save()
        return certificate


class PhotoFactory(factory.django.DjangoModelFactory):
    """A product photo as the upload service leaves it: a JPEG and its thumbnail."""

    class Meta:
        model = "products.ProductPhoto"

    product = factory.SubFactory(ProductFactory)
    image = factory.django.ImageField(width=64, height=48, format="JPEG", filename="anh.jpg")
    thumbnail = factory.django.ImageField(width=32, height=24, format="JPEG", filename="nho.jpg")
    position = factory.Sequence(lambda n: n)


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "producers.Invitation"

    producer = factory.SubFactory(ProducerFactory)
    email = factory.Sequence(lambda n: f"moi{n}@example.vn")
    invited_by = factory.SubFactory(UserFactory)
    token = factory.Sequence(lambda n: f"invitation-token-{n:08d}")


# Provincial programme (programme app) -------------------------------------------------------


class ProductIdeaFactory(factory.django.DjangoModelFactory):
    """An idea at the first stage; set ``stage`` to arrange a later one."""

    class Meta:
        model = "programme.ProductIdea"

    producer = factory.SubFactory(ProducerFactory)
    name = factory.Sequence(lambda n: f"Trà hoa sen {n}")
    description = "Trà ướp hoa sen Tây Hồ, đóng hộp quà tặng."
    entered_by = factory.SubFactory(UserFactory)


class SupportRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "programme.SupportRecord"

    producer = factory.SubFactory(ProducerFactory)
    kind = "packaging_design"
    source = "provincial"
    amount_vnd = 15_000_000
    given_on = datetime.date(2026, 5, 20)
    recorded_by = factory.SubFactory(UserFactory, role=Role.PROVINCIAL_OFFICE, province_id=33)


class SalesPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "programme.SalesPoint"

    product = factory.SubFactory(ProductFactory)
    kind = "shop"
    name = factory.Sequence(lambda n: f"Cửa hàng OCOP số {n}")
    address = "12 Phố Hiến, Hưng Yên"


class TradeEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "programme.TradeEvent"

    province_id = 33
    name = factory.Sequence(lambda n: f"Hội chợ OCOP lần {n + 1}")
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=20))
    ends_on = factory.LazyAttribute(lambda e: e.starts_on + datetime.timedelta(days=3))
    place = "Quảng trường Nguyễn Văn Linh, Hưng Yên"
    organiser = "Sở Nông nghiệp và Môi trường"
    created_by = factory.SubFactory(UserFactory, role=Role.PROVINCIAL_OFFICE, province_id=33)


class EventParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "programme.EventParticipation"

    event = factory.SubFactory(TradeEventFactory)
    product = factory.SubFactory(ProductFactory)


def complete_answers(criteria_decision: str = "26/2026", criteria_set: int = 4) -> dict[str, str]:
    """Every criterion of the set answered with its first option: a complete self-assessment."""
    from criteria import scoring

    sheet = scoring.load_criteria_set(criteria_decision, criteria_set)
    return {leaf.code: str(leaf.options[0].points) for leaf in sheet.leaf_criteria()}


def complete_product(producer, **kwargs) -> Product:
    """A product whose dossier can be submitted: the required documents (a food, so the
    food-safety certificate too), a photo and a complete self-assessment."""
    product = ProductFactory(producer=producer, **kwargs)
    for kind in (
        EvidenceKind.BUSINESS_REGISTRATION,
        EvidenceKind.QUALITY_DECLARATION,
        EvidenceKind.TEST_REPORT,
        EvidenceKind.FOOD_SAFETY,
    ):
        DocumentFactory(product=product, kind=kind)
    PhotoFactory(product=product)
    SelfAssessmentFactory(
        product=product,
        points_by_code=complete_answers(product.criteria_decision, product.criteria_set),
    )
    return product
