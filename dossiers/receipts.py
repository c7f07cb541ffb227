"""Giấy tiếp nhận hồ sơ: the receipt a producer gets for each submission (issue 18).

Each submission (a DossierRevision) gets a tracking code, ``HS-<province>-<year>-<8 chars>``, the
last part random from an alphabet without look-alike characters. The producer quotes it to the
office, and anyone holding it can look the submission up on the public page (the dossier's
state only, nothing of its content).
"""

import secrets

from django.utils import timezone

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def new_tracking_code(dossier) -> str:
    suffix = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"HS-{dossier.round.province_id:02d}-{timezone.localdate():%Y}-{suffix}"


def normalise_code(code: str) -> str:
    return "".join((code or "").split()).upper()
