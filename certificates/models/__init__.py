from .certificate import Certificate, CertificateStatus, RevocationGround
from .correction_request import CorrectionRequest, CorrectionState
from .issued_document import IssuedDocument
from .notice import Notice, Sequence

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
