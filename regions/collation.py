"""Names in Vietnamese alphabetical order, on PostgreSQL and on SQLite alike.

The alphabet is a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y: "Ái Quốc" sorts with
the A's and "Đông Hưng" after every D, not after Z as raw code points put them. Tones decide only
between names that are otherwise equal (a, à, ả, ã, á, ạ).

PostgreSQL has the ICU collation ``vi-x-icu`` (created by regions' migration where missing);
SQLite gets a collation of the same name computed in Python (``register_sqlite_collation``), so
one ``Collate`` expression orders alike on both.
"""

import functools
import unicodedata

from django.db.models import F
from django.db.models.functions import Collate

VIETNAMESE = "vi-x-icu"

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"  # f j w z: names borrowed from other languages
_LETTER = {letter: 200 + i for i, letter in enumerate(_ALPHABET)}
# Combining marks that make another letter of the alphabet (ă â ê ô ơ ư)…
_MODIFIED = {
    ("a", "\u0306"): "ă",
    ("a", "\u0302"): "â",
    ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ",
    ("u", "\u031b"): "ư",
}
# …and the tones, in the dictionary's order: ngang, huyền, hỏi, ngã, sắc, nặng.
_TONE = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


@functools.lru_cache(maxsize=4096)
def sort_key(text: str) -> tuple:
    """The key that orders ``text`` among others as a Vietnamese dictionary does."""
    letters: list[str] = []
    tones: list[int] = []
    for char in unicodedata.normalize("NFD", (text or "").casefold()):
        if unicodedata.combining(char) and letters:
            if (letters[-1], char) in _MODIFIED:
                letters[-1] = _MODIFIED[(letters[-1], char)]
            elif char in _TONE:
                tones[-1] = _TONE[char]
            continue
        letters.append(char)
        tones.append(0)
    primary = tuple(_LETTER.get(c, ord(c) if ord(c) < 128 else 1000 + ord(c)) for c in letters)
    return primary, tuple(tones), text or ""


def compare(left: str, right: str) -> int:
    a, b = sort_key(left), sort_key(right)
    return (a > b) - (a < b)


def vietnamese_order(field: str, *, descending: bool = False):
    """An ``order_by`` term putting ``field`` (a name) in Vietnamese alphabetical order."""
    expression = Collate(F(field), VIETNAMESE)
    return expression.desc() if descending else expression.asc()


def register_sqlite_collation(sender, connection, **kwargs):
    """connection_created: give SQLite the collation PostgreSQL has (see the module's doc)."""
    if connection.vendor == "sqlite":
        connection.connection.create_collation(VIETNAMESE, compare)
