from .audit import DossierEvent
from .certificate import (
    Certificate,
    CertificateStatus,
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
    "DossierEvent",
    "DossierKind",
    "DossierState",
    "RevocationGround",
    "Round",
    "RoundState",
    "ScoreSheet",
    "Sequence",
]
