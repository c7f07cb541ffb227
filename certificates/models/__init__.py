from .certificate import (
    Certificate,
    CertificateStatus,
    Notice,
    RevocationGround,
    Sequence,
)
from .correction_request import CorrectionRequest, CorrectionState
from .issued_document import IssuedDocument

__all__ = [
    "Certificate",
    "CertificateStatus",
    "CorrectionRequest",
    "CorrectionState",
    "IssuedDocument",
    "Notice",
    "RevocationGround",
    "Sequence",
]
