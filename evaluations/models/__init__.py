from .audit import DossierAction, DossierEvent
from .certificate import (
    Certificate,
    CertificateStatus,
    Notice,
    RevocationGround,
    Sequence,
)
from .council import Council, CouncilMember, CouncilRole
from .dossier import Dossier, DossierKind, DossierState
from .result import CouncilResult
from .round import Round, RoundState
from .sheet import ScoreSheet

__all__ = [
    "Certificate",
    "CertificateStatus",
    "Council",
    "CouncilMember",
    "CouncilResult",
    "CouncilRole",
    "Dossier",
    "DossierAction",
    "DossierEvent",
    "DossierKind",
    "DossierState",
    "Notice",
    "RevocationGround",
    "Round",
    "RoundState",
    "ScoreSheet",
    "Sequence",
]
