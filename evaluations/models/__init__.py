from .audit import DossierAction, DossierEvent
from .certificate import (
    Certificate,
    CertificateStatus,
    Notice,
    RevocationGround,
    Sequence,
)
from .correction_request import CorrectionRequest, CorrectionState
from .council import Council, CouncilMember, CouncilRole
from .dossier import Dossier, DossierKind, DossierState
from .issued_document import IssuedDocument
from .result import CouncilResult
from .revision import CorrectionItem, CorrectionKind, DossierRevision
from .round import Round, RoundState
from .session import CouncilSession, SessionItem, SessionState, WrittenSheetAdmission
from .sheet import ScoreSheet

__all__ = [
    "Certificate",
    "CertificateStatus",
    "CorrectionItem",
    "CorrectionKind",
    "CorrectionRequest",
    "CorrectionState",
    "Council",
    "CouncilMember",
    "CouncilResult",
    "CouncilRole",
    "CouncilSession",
    "Dossier",
    "DossierAction",
    "DossierEvent",
    "DossierKind",
    "DossierRevision",
    "DossierState",
    "IssuedDocument",
    "Notice",
    "RevocationGround",
    "Round",
    "RoundState",
    "ScoreSheet",
    "Sequence",
    "SessionItem",
    "SessionState",
    "WrittenSheetAdmission",
]
