from .dossier import Dossier, DossierAction, DossierKind, DossierState
from .revision import CorrectionItem, CorrectionKind, DossierRevision
from .round import Round, RoundState

__all__ = [
    "CorrectionItem",
    "CorrectionKind",
    "Dossier",
    "DossierAction",
    "DossierKind",
    "DossierRevision",
    "DossierState",
    "Round",
    "RoundState",
]
