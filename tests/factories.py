"""factory_boy factories. No surprises: each builds exactly the rows its name says."""

import datetime
import itertools
from decimal import Decimal

import factory
from django.utils import timezone

from accounts.models import Role, User
from evaluations.models import (
    Council,
    CouncilMember,
    CouncilResult,
    CouncilRole,
    Dossier,
    Round,
    RoundState,
)
from producers.models import Gender, Membership, Producer, ProducerKind
from products.models import EvidenceDocument, EvidenceKind, Product, SelfAssessment
from regions.models import Commune

_tax_codes = itertools.count(1000000001)
PASSWORD = "matkhau-OCOP-2026"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"user{n}@example.vn")
    full_name = factory.Faker("name", locale="vi_VN")
    role = Role.PRODUCER
    password = factory.django.Password(PASSWORD)


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

    round = factory.SubFactory(RoundFactory)
    product = factory.SubFactory(ProductFactory)


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
