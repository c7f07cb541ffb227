"""Text folding for diacritics-insensitive search.

Vietnamese users often type without accents ("mat ong" for "Mật ong"). We store a folded copy of
searchable names next to the original so that SQLite (the zero-setup default) and PostgreSQL find
the same rows with a plain ``icontains``/trigram lookup on the folded column.
"""

import unicodedata

# "đ" is a separate letter, not "d" plus a combining mark, so NFKD alone does not fold it.
_SPECIAL = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str | None) -> str:
    """Lower-case, strip diacritics, collapse whitespace: "Hưng  Yên" -> "hung yen"."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


# Longest text a person may type in a form's box (issue 19: a 5,000,000-character description was
# accepted). Notes and comments; descriptions and plans.
NOTE_MAX_LENGTH = 2000
LONG_TEXT_MAX_LENGTH = 5000
