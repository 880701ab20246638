"""Keep the catalogues complete: `python -m trustone.i18n` (or `make messages-update`).

Extracts the strings (makemessages for nl and en), fills the English catalogue
(msgstr = msgid: the source strings are English), drops fuzzy guesses, and lists the
Dutch entries that still need a translation (exit status 1 when there are any)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "trustone" / "locale"
IGNORE = [".venv", ".local", "node_modules", "static/vendor", "tests"]


def extract() -> None:
    import django
    from django.core.management import call_command

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trustone.settings.local")
    django.setup()
    os.chdir(ROOT)
    for domain in ("django", "djangojs"):
        call_command(
            "makemessages",
            locale=["nl", "en"],
            domain=domain,
            ignore_patterns=IGNORE,
            no_obsolete=True,
            verbosity=0,
        )


def fill_english(path: Path) -> None:
    import polib

    catalogue = polib.pofile(str(path))
    catalogue.metadata.update(
        {
            "Language": "en",
            "Content-Type": "text/plain; charset=UTF-8",
            "Plural-Forms": "nplurals=2; plural=(n != 1);",
        }
    )
    for entry in catalogue:
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
    catalogue.save()


def missing_dutch(path: Path) -> list[str]:
    import polib

    catalogue = polib.pofile(str(path))
    missing = []
    for entry in catalogue:
        if entry.obsolete:
            continue
        translated = all(entry.msgstr_plural.values()) if entry.msgid_plural else bool(entry.msgstr)
        if "fuzzy" in entry.flags or not translated:
            missing.append(entry.msgid)
    return missing


def main() -> int:
    extract()
    for domain in ("django", "djangojs"):
        english = LOCALE / "en" / "LC_MESSAGES" / f"{domain}.po"
        if english.exists():
            fill_english(english)
    missing = []
    for domain in ("django", "djangojs"):
        dutch = LOCALE / "nl" / "LC_MESSAGES" / f"{domain}.po"
        if dutch.exists():
            missing += missing_dutch(dutch)
    for msgid in missing:
        print(f"untranslated (nl): {msgid!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
