"""Refresh the Vietnamese catalogue and merge translations into it.

    python scripts/translate.py                      # makemessages + compilemessages only
    python scripts/translate.py vi.json    # also set msgstr from {"English": "Tiếng Việt"}
    python scripts/translate.py --check              # exit 1 on untranslated or fuzzy entries

Several people may run it at once, so it takes a file lock around the whole read-modify-write.
"""

import fcntl
import json
import os
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po"
MANAGE = [sys.executable, str(ROOT / "manage.py")]
ENV = {**os.environ, "DEBUG": "1"}
IGNORE = ["--ignore=.venv", "--ignore=var", "--ignore=bench", "--ignore=tests"]


def makemessages() -> None:
    subprocess.run(
        [*MANAGE, "makemessages", "-l", "vi", "--no-obsolete", "--no-location", *IGNORE],
        check=True,
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.DEVNULL,
    )


def merge(translations: dict[str, str]) -> int:
    catalogue = polib.pofile(str(PO), wrapwidth=100)
    changed = 0
    for entry in catalogue:
        key = entry.msgid
        if key in translations and entry.msgstr != translations[key]:
            entry.msgstr = translations[key]
            changed += 1
        plural = translations.get(entry.msgid_plural) if entry.msgid_plural else None
        if entry.msgid_plural and key in translations:
            entry.msgstr_plural = {0: translations[key] if plural is None else plural}
        # msgmerge's fuzzy matches are guesses: only a translation given here settles them.
        if "fuzzy" in entry.flags and key in translations:
            entry.flags.remove("fuzzy")
            entry.previous_msgid = None
            entry.previous_msgid_plural = None
    catalogue.metadata["Language"] = "vi"
    catalogue.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
    catalogue.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    catalogue.save(str(PO))
    return changed


def check() -> int:
    catalogue = polib.pofile(str(PO))
    missing = [e.msgid for e in catalogue.untranslated_entries()]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
    for msgid in missing:
        print(f"untranslated: {msgid!r}")
    for msgid in fuzzy:
        print(f"fuzzy: {msgid!r}")
    print(f"{len(catalogue)} entries, {len(missing)} untranslated, {len(fuzzy)} fuzzy")
    return 1 if missing or fuzzy else 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--check"]:
        return check()
    PO.parent.mkdir(parents=True, exist_ok=True)
    with open(ROOT / "locale" / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        makemessages()
        changed = 0
        for path in argv:
            changed += merge(json.loads(Path(path).read_text(encoding="utf-8")))
        merge({})
        subprocess.run(
            [*MANAGE, "compilemessages", "-l", "vi"],
            check=True,
            cwd=ROOT,
            env=ENV,
            stdout=subprocess.DEVNULL,
        )
    print(f"Set {changed} translations.")
    return check()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
