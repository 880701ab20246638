"""Dutch first, English complete: every string of ours is in both catalogues, and the
language switcher works."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[3]
LOCALE = ROOT / "trustone" / "locale"


def untranslated(path: Path) -> list[str]:
    missing = []
    for entry in polib.pofile(str(path)):
        if entry.obsolete:
            continue
        done = all(entry.msgstr_plural.values()) if entry.msgid_plural else bool(entry.msgstr)
        if not done or "fuzzy" in entry.flags:
            missing.append(entry.msgid)
    return missing


@pytest.mark.parametrize("language", ["nl", "en"])
def test_catalogue_has_every_entry_translated(language) -> None:
    assert untranslated(LOCALE / language / "LC_MESSAGES" / "django.po") == []


def test_catalogues_hold_every_string_of_the_code(tmp_path) -> None:
    """Extract the strings afresh into a copy and compare with the committed catalogues."""
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv", ".local", ".git", "node_modules", "__pycache__", "*.mo"
        ),
    )
    result = subprocess.run(
        [sys.executable, "-c", "import trustone.i18n as i; i.extract()"],
        cwd=copy,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    for language in ("nl", "en"):
        fresh = {
            e.msgid
            for e in polib.pofile(
                str(copy / "trustone/locale" / language / "LC_MESSAGES/django.po")
            )
        }
        committed = {
            e.msgid for e in polib.pofile(str(LOCALE / language / "LC_MESSAGES/django.po"))
        }
        assert fresh - committed == set(), f"run `python -m trustone.i18n` ({language})"


@pytest.mark.django_db
def test_dutch_is_the_default_and_english_is_one_click_away(client) -> None:
    assert "Verantwoorde natuursteen" in client.get(reverse("home")).content.decode()
    response = client.get(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    page = client.get(reverse("home")).content.decode()
    assert "Responsible natural stone" in page
    assert '<html lang="en"' in page


@pytest.mark.django_db
def test_language_switch_goes_back_only_to_this_site(client) -> None:
    response = client.get(
        reverse("set_language"), {"language": "en", "next": "https://evil.example/"}
    )
    assert response.url == "/"
    response = client.get(reverse("set_language"), {"language": "xx", "next": "/members/"})
    assert response.url == "/members/"
    assert "django_language" not in response.cookies


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_translation_keeps_the_placeholders_of_its_source(language) -> None:
    """A translation that drops or renames a %(name)s placeholder breaks compilemessages
    (and would break the message): msgfmt checks every python-format entry."""
    catalogue = LOCALE / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check-format", "-o", "/dev/null", str(catalogue)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
