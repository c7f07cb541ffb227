"""The register of personal data the portal holds (Decree 13/2023/NĐ-CP; the Personal Data
Protection Law, in force from 1 January 2026): every field, its category, why it is held, on what
legal basis and for how long. Shown to the provincial office at /privacy/register/; a test checks
that every field named here exists, and that every sensitive field is guarded.

Categories follow Decree 13/2023, Art. 2: "basic" personal data (name, contact details, address…)
and "sensitive" personal data (ethnic origin, health — here a disability — and, under the Law,
data whose disclosure harms the person). Gender is listed as sensitive on purpose: together with
ethnicity and disability it is what criterion 3.2 of every criteria set rewards, and the portal
treats the three alike.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

BASIC = "basic"
SENSITIVE = "sensitive"
CATEGORY_LABELS = {BASIC: _("basic"), SENSITIVE: _("sensitive")}

CONSENT = _("the person's consent at sign-up (Decree 13/2023, Art. 11)")
PUBLIC_TASK = _(
    "the province's OCOP task under Decision 26/2026/QĐ-TTg (Decree 13/2023, Art. 17: "
    "processing by a competent state body without consent)"
)
EMPLOYMENT = _("the official's appointment to the programme")

ACCOUNT_KEPT = _("while the account is used; erased or anonymised on request")
UNCONFIRMED = _("accounts never confirmed: erased after 30 days (apply_retention)")
DOSSIER_KEPT = _(
    "as long as the dossiers and certificates of the producer are kept (archives law); "
    "the person's details are blanked on request, the certificate stays"
)
LOG_KEPT = _("2 years, then deleted (apply_retention)")


@dataclass(frozen=True)
class PersonalDataField:
    model: str  # "app_label.ModelName"
    field: str
    category: str
    purpose: str
    legal_basis: str
    retention: str

    @property
    def category_label(self) -> str:
        return CATEGORY_LABELS[self.category]


def _user(field, purpose, basis=CONSENT, retention=ACCOUNT_KEPT):
    return PersonalDataField("accounts.User", field, BASIC, purpose, basis, retention)


def _producer(field, purpose, category=BASIC):
    return PersonalDataField(
        "producers.Producer", field, category, purpose, PUBLIC_TASK, DOSSIER_KEPT
    )


REGISTER: tuple[PersonalDataField, ...] = (
    _user("email", _("signing in; notices about the person's dossiers")),
    _user("full_name", _("naming the person on dossiers, score sheets and minutes")),
    _user("phone", _("reaching the person about a dossier")),
    _user(
        "organisation",
        _("officials and council members: flagging conflicts of interest"),
        EMPLOYMENT,
    ),
    _user(
        "home_commune",
        _("officials and council members: flagging conflicts of interest"),
        EMPLOYMENT,
    ),
    _user("last_login", _("security: spotting unused and misused accounts"), PUBLIC_TASK),
    _producer("representative_name", _("the legal representative named in the dossier (Form 01)")),
    _producer("representative_position", _("the representative's capacity to sign (Form 01)")),
    _producer(
        "address_line",
        _("the producer's address in the dossier; printed publicly only if the producer chooses"),
    ),
    _producer("phone", _("reaching the producer; published only if the producer chooses")),
    _producer("email", _("reaching the producer; published only if the producer chooses")),
    _producer(
        "representative_gender",
        _("criterion 3.2 (women-led producers) and the programme's statistics"),
        SENSITIVE,
    ),
    _producer(
        "representative_ethnicity",
        _("criterion 3.2 (ethnic-minority producers) and the programme's statistics"),
        SENSITIVE,
    ),
    _producer(
        "representative_has_disability",
        _("criterion 3.2 (producers led by a person with a disability)"),
        SENSITIVE,
    ),
    PersonalDataField(
        "privacy.ConsentRecord",
        "ip_address",
        BASIC,
        _("proof of when and from where consent was given"),
        CONSENT,
        ACCOUNT_KEPT,
    ),
    PersonalDataField(
        "privacy.PersonalDataAccess",
        "viewer",
        BASIC,
        _("the log of who viewed sensitive data (Decree 13/2023, Art. 27)"),
        PUBLIC_TASK,
        LOG_KEPT,
    ),
)

SENSITIVE_PRODUCER_FIELDS = tuple(
    entry.field
    for entry in REGISTER
    if entry.model == "producers.Producer" and entry.category == SENSITIVE
)

# The purpose text a producer agrees to at sign-up. Change CONSENT_VERSION whenever its meaning
# changes: every producer is then asked again when they next sign in.
CONSENT_VERSION = "2026-12"
CONSENT_TEXT = _(
    "The provincial OCOP programme processes the personal data you give here and in your "
    "producer profile (your name, email and phone; the legal representative's name, position, "
    "gender, ethnicity and any disability; the producer's address) to register your products, "
    "assess and rank them under Decision 26/2026/QĐ-TTg, issue and publish certificates, and "
    "reach you about your dossiers. Gender, ethnicity and disability are sensitive data, used "
    "only for criterion 3.2 and the programme's statistics and seen only by you and the provincial "
    "OCOP office; every view is logged. Contact details are published only if you choose. You may "
    'download your data, correct it, withdraw consent or ask for deletion from "My personal '
    'data"; records the law requires to be kept (dossiers, certificates) are then kept without '
    "your details."
)
