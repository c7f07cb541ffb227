"""Signing issued PDFs with the province's certificate (PAdES, pyHanko), issue 18.

The certificate is a PKCS#12 file (the organisation certificate a Vietnamese CA issues to the
provincial People's Committee or its OCOP office) and its passphrase, both from the environment
(``SIGNING_PKCS12_PATH``, ``SIGNING_PKCS12_PASSPHRASE``). Without them documents are issued
unsigned, and ``check --deploy`` warns: a Warning, not an Info, because a province that goes live
without one issues certificates nobody can check offline. CI's deployment check therefore runs
with a throwaway certificate made by ``create_demo_signing_certificate`` (.ci/run).
"""

import functools
import io
import logging
from pathlib import Path

from django.conf import settings
from django.core import checks

logger = logging.getLogger(__name__)
FIELD_NAME = "OCOPSignature"


class SigningUnavailable(Exception):
    pass


@functools.cache
def _signer(path: str, passphrase: str):
    from pyhanko.sign import signers

    if not Path(path).is_file():
        raise SigningUnavailable(f"No signing certificate at {path}")
    signer = signers.SimpleSigner.load_pkcs12(
        pfx_file=path, passphrase=passphrase.encode() if passphrase else None
    )
    if signer is None:
        raise SigningUnavailable(f"Could not open {path}: wrong passphrase or not PKCS#12")
    return signer


def configured_signer():
    """The signer from settings, or None when none is configured."""
    path = settings.SIGNING_PKCS12_PATH
    if not path:
        return None
    return _signer(path, settings.SIGNING_PKCS12_PASSPHRASE)


def signer_name(signer) -> str:
    return signer.signing_cert.subject.human_friendly


def sign_pdf(content: bytes, *, reason: str = "") -> tuple[bytes, str]:
    """``content`` signed (PAdES baseline B) with the configured certificate, and the signer's
    name; the bytes unchanged and "" when no certificate is configured."""
    signer = configured_signer()
    if signer is None:
        return content, ""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    metadata = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason or None,
        location=None,
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(content))
    signed = signers.sign_pdf(writer, metadata, signer=signer)
    return signed.getvalue(), signer_name(signer)


@checks.register(checks.Tags.security, deploy=True)
def check_signing_certificate(app_configs=None, **kwargs):
    if not settings.SIGNING_PKCS12_PATH:
        return [
            checks.Warning(
                "No signing certificate: certificates, notices and minutes are issued unsigned.",
                hint="Set SIGNING_PKCS12_PATH and SIGNING_PKCS12_PASSPHRASE (deploy/README.md).",
                id="evaluations.W010",
            )
        ]
    try:
        configured_signer()
    except Exception as error:
        return [
            checks.Warning(
                f"The signing certificate cannot be used: {error}",
                hint="Check SIGNING_PKCS12_PATH and SIGNING_PKCS12_PASSPHRASE.",
                id="evaluations.W011",
            )
        ]
    return []
