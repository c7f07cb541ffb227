"""Make a self-signed demo signing certificate (PKCS#12) for development and CI.

Never for production: a province signs with the organisation certificate its CA issued
(deploy/README.md). ``make run`` calls this; without --force an existing file is kept.
"""

import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create a self-signed demo signing certificate (PKCS#12) under var/signing/."

    def add_arguments(self, parser):
        parser.add_argument("--path", default=str(settings.DEMO_SIGNING_PKCS12))
        parser.add_argument("--passphrase", default=settings.DEMO_SIGNING_PASSPHRASE)
        parser.add_argument("--force", action="store_true", help="replace an existing file")

    def handle(self, *args, path, passphrase, force, **options):
        target = Path(path)
        if target.exists() and not force:
            self.stdout.write(f"Kept the existing demo signing certificate {target}")
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(make_pkcs12(passphrase))
        target.chmod(0o600)
        self.stdout.write(self.style.SUCCESS(f"Demo signing certificate written to {target}"))


def make_pkcs12(passphrase: str, *, common_name: str = "OCOP demo signer (NOT VALID)") -> bytes:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "OCOP Portal demo"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    return pkcs12.serialize_key_and_certificates(
        b"ocop-demo",
        key,
        certificate,
        None,
        serialization.BestAvailableEncryption(passphrase.encode()),
    )
