"""The criteria catalogue (Bijlage 3): anyone reads the version in force, per phase and
ambition level, in Dutch or English, and downloads a criterion as DOCX or PDF; the
coordinator prepares a new version as a draft, edits it and publishes it; a published
version is never changed."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

import docx
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from procurement.catalogue import Block, catalogue_in_force, text_blocks
from procurement.models import CriteriaCatalogue, Criterion
from procurement.services.catalogue import criterion_update
from trustone.access.actor import actor_for
from trustone.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

CRITERIA = reverse("procurement:criteria")
VERSIONS = reverse("procurement:criteria_versions")
SEL_B_NL = "Opdrachtnemer spant zich in om de Internationale Sociale Voorwaarden na te leven"
SEL_B_EN = "The Contractor shall make every effort to comply with the International Social"
AWD_S_NL = "Inschrijver voldoet ten minste aan niveau drie van TruStone"
AWD_S_EN = "The bidder meets at least level three of TruStone"


def english(client):
    client.cookies["django_language"] = "en"
    return client


def page_text(response) -> str:
    content = response.content.decode()
    main = content[content.index('<main id="main"') : content.index("</main>")]
    return " ".join(main.split())


def pdf_text(content: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return " ".join(text.split())


def docx_text(content: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(content)).paragraphs)


def publish(version: int, valid_from: date, *, text_nl: str = "", code: str = "AWD-S") -> None:
    """A published version `version` (copy of version 1), one criterion's Dutch changed."""
    v1 = CriteriaCatalogue.objects.get(version=1)
    catalogue = CriteriaCatalogue.objects.create(
        version=version,
        valid_from=valid_from,
        note=f"Versie {version}.",
        published_at=timezone.now(),
    )
    for criterion in v1.criteria.all():
        criterion.pk, criterion.catalogue = None, catalogue
        if text_nl and criterion.code == code:
            criterion.text_nl = text_nl
        criterion.save()


# --- Reading ---------------------------------------------------------------------------


def test_version_1_holds_the_nine_criteria_of_bijlage_3(catalogue_v1) -> None:
    assert (catalogue_v1.valid_from, catalogue_v1.published_at is not None) == (
        date(2025, 3, 1),
        True,
    )
    rows = list(catalogue_v1.criteria.values_list("code", "phase", "ambition"))
    assert rows == [
        (f"{prefix}-{level[0].upper()}", phase, level)
        for prefix, phase in (("SEL", "selection"), ("AWD", "award"), ("CON", "contract"))
        for level in ("basis", "significant", "ambitious")
    ]
    con_a = catalogue_v1.criteria.get(code="CON-A")
    assert "alle schakels van het productieproces" in con_a.text_nl
    assert "all links of the production process" in con_a.text_en
    # Cleaned of the PDF's hyphenation and line breaks.
    for criterion in catalogue_v1.criteria.all():
        for text in (criterion.text_nl, criterion.text_en):
            assert "- inspanningen" not in text and "  " not in text
            assert not re.search(r"\w- \w", text.replace("arbeids- en", ""))
    assert catalogue_in_force() == catalogue_v1


def test_anyone_reads_the_catalogue_in_dutch(client, catalogue_v1) -> None:
    response = client.get(CRITERIA)
    assert response.status_code == 200
    text = page_text(response)
    assert SEL_B_NL in text and AWD_S_NL in text
    assert "De inschrijver draagt bij aan positieve impact" in text
    assert SEL_B_EN not in text
    assert "1 maart 2025" in text
    assert response.context["catalogue"] == catalogue_v1
    assert [s.phase for s in response.context["sections"]] == ["selection", "award", "contract"]
    assert all(len(s.criteria) == 3 for s in response.context["sections"])
    # Each criterion: the copy button and the two downloads of this version.
    content = response.content.decode()
    assert 'data-copy="#copy-SEL-B"' in content
    assert reverse("procurement:criterion_docx", args=["SEL-B"]) + "?version=1" in content
    assert reverse("procurement:criterion_pdf", args=["CON-A"]) + "?version=1" in content


def test_anyone_reads_the_catalogue_in_english(client, catalogue_v1) -> None:
    text = page_text(english(client).get(CRITERIA))
    assert SEL_B_EN in text and AWD_S_EN in text
    assert "Recommended for framework contracts" in text
    assert SEL_B_NL not in text
    assert "March 1, 2025" in text or "1 March 2025" in text


def test_filters_by_phase_and_ambition_level(client, catalogue_v1) -> None:
    response = client.get(CRITERIA, {"phase": "award", "ambition": "significant"})
    assert [i.code for s in response.context["sections"] for i in s.criteria] == ["AWD-S"]
    response = client.get(CRITERIA, {"ambition": "ambitious"})
    codes = [i.code for s in response.context["sections"] for i in s.criteria]
    assert codes == ["SEL-A", "AWD-A", "CON-A"]
    response = client.get(CRITERIA, {"phase": "contract"})
    assert SEL_B_NL not in page_text(response)
    bad = client.get(CRITERIA, {"phase": "tender", "ambition": "heroic"})
    assert bad.status_code == 400
    assert set(bad.context["form"].errors) == {"phase", "ambition"}
    assert 'class="field-error"' in bad.content.decode()


def test_an_older_version_stays_readable(client, catalogue_v1) -> None:
    publish(2, date(2025, 9, 1), text_nl="Inschrijver voldoet aan niveau drie (versie 2).")
    now = client.get(CRITERIA)
    assert now.context["catalogue"].version == 2
    assert "Inschrijver voldoet aan niveau drie (versie 2)." in page_text(now)
    old = client.get(CRITERIA, {"version": 1})
    assert old.status_code == 200
    text = page_text(old)
    assert AWD_S_NL in text and "(versie 2)" not in text
    assert "Vandaag is versie 2 van kracht" in text
    docx_url = reverse("procurement:criterion_docx", args=["AWD-S"])
    assert AWD_S_NL in docx_text(client.get(docx_url, {"version": 1}).content)
    assert "(versie 2)" in docx_text(client.get(docx_url).content)
    for version in ("99", "abc", "-1"):
        assert client.get(CRITERIA, {"version": version}).status_code == 404
        assert client.get(docx_url, {"version": version}).status_code == 404


def test_an_upcoming_version_is_not_yet_in_force(client, catalogue_v1) -> None:
    publish(2, timezone.localdate() + timedelta(days=20), text_nl="Komt eraan.")
    response = english(client).get(CRITERIA)
    assert response.context["catalogue"] == catalogue_v1
    labels = dict(response.context["form"].fields["version"].choices)
    assert labels[2].endswith("(upcoming)") and labels[1].endswith("(in force)")
    del client.cookies["django_language"]
    assert "Komt eraan." in page_text(client.get(CRITERIA, {"version": 2}))


def test_empty_states(client, catalogue_v1) -> None:
    draft = CriteriaCatalogue.objects.create(version=2, valid_from=date(2025, 1, 1))
    Criterion.objects.create(
        catalogue=draft,
        phase="award",
        ambition="basis",
        code="DRAFT-1",
        title_nl="Concept",
        title_en="Draft",
        text_nl="Geheim concept.",
        text_en="Secret draft.",
    )
    # A draft is nobody's to read here, not even by its number or its code.
    assert client.get(CRITERIA, {"version": 2}).status_code == 404
    assert client.get(reverse("procurement:criterion_docx", args=["DRAFT-1"])).status_code == 404
    assert (
        client.get(reverse("procurement:criterion_pdf", args=["DRAFT-1"]), {"version": 2})
    ).status_code == 404
    CriteriaCatalogue.objects.filter(version=1).delete()
    response = client.get(CRITERIA)
    assert response.status_code == 200
    assert "Geheim concept." not in page_text(response)
    assert response.context["catalogue"] is None
    assert 'class="empty"' in response.content.decode()
    assert client.get(reverse("procurement:criterion_docx", args=["SEL-B"])).status_code == 404


# --- Downloads -------------------------------------------------------------------------


def test_a_criterion_as_docx(client, catalogue_v1) -> None:
    url = reverse("procurement:criterion_docx", args=["SEL-B"])
    response = client.get(url, {"version": 1})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="trustone-criterion-SEL-B-v1-nl.docx"' in response["Content-Disposition"]
    text = docx_text(response.content)
    assert "De inschrijver heeft basiservaring met het uitvoeren" in text
    assert SEL_B_NL in text
    document = docx.Document(io.BytesIO(english(client).get(url).content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert SEL_B_EN in text and SEL_B_NL not in text
    # The bullet points are a real list.
    awd = docx.Document(
        io.BytesIO(client.get(reverse("procurement:criterion_docx", args=["AWD-B"])).content)
    )
    bullets = [p.text for p in awd.paragraphs if p.style.name == "List Bullet"]
    assert bullets[0] == "having a public policy statement;" and len(bullets) == 7


def test_a_criterion_as_pdf(client, catalogue_v1) -> None:
    url = reverse("procurement:criterion_pdf", args=["CON-B"])
    response = client.get(url, {"version": 1})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    assert "Risicoanalyse productieketen" in text
    assert "CON-B" in text
    text = pdf_text(english(client).get(url).content)
    assert "Production chain risk analysis" in text
    assert client.get(reverse("procurement:criterion_pdf", args=["NOPE"])).status_code == 404


# --- Maintenance -----------------------------------------------------------------------


def test_the_coordinator_makes_edits_and_publishes_a_version(world, catalogue_v1) -> None:
    office = world.client("secretariat_admin")
    assert office.get(VERSIONS).status_code == 200
    response = office.post(reverse("procurement:criteria_draft_new"))
    draft = CriteriaCatalogue.objects.get(version=2)
    assert response.url == reverse("procurement:criteria_draft", args=[2])
    assert draft.published_at is None
    assert list(draft.criteria.values_list("code", "text_nl")) == list(
        catalogue_v1.criteria.values_list("code", "text_nl")
    )
    # The public still reads version 1 only.
    assert world.client("anonymous").get(CRITERIA).context["catalogue"] == catalogue_v1

    criterion = draft.criteria.get(code="AWD-S")
    edit = reverse("procurement:criterion_edit", args=[criterion.pk])
    assert office.get(edit).context["form"].initial["text_nl"] == criterion.text_nl
    response = office.post(
        edit,
        {
            "title_nl": "  De inschrijver heeft   vergaande ervaring ",
            "title_en": "The bidder has extensive experience",
            "text_nl": "Inschrijver voldoet aan niveau drie.\r\n- 100% inzicht in fabrieken;\r\n",
            "text_en": "The bidder meets level three.\r\n- 100% insight into factories;",
        },
    )
    assert response.status_code == 302
    criterion.refresh_from_db()
    assert criterion.title_nl == "De inschrijver heeft vergaande ervaring"
    assert criterion.text_nl == "Inschrijver voldoet aan niveau drie.\n- 100% inzicht in fabrieken;"
    assert AWD_S_NL in catalogue_v1.criteria.get(code="AWD-S").text_nl  # v1 untouched

    valid_from = timezone.localdate() + timedelta(days=14)
    response = office.post(
        reverse("procurement:criteria_publish", args=[2]),
        {"valid_from": valid_from.isoformat(), "note": "Gunningscriteria vereenvoudigd."},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.published_at is not None
    assert (draft.valid_from, draft.note) == (valid_from, "Gunningscriteria vereenvoudigd.")
    assert list(
        AuditEntry.objects.filter(action__startswith="criter")
        .order_by("id")
        .values_list("action", flat=True)
    ) == ["criteria_draft_created", "criterion_changed", "criteria_published"]
    # Published, it is readable by its number and in force from its date.
    public = world.client("anonymous")
    assert "Inschrijver voldoet aan niveau drie." in page_text(public.get(CRITERIA, {"version": 2}))
    assert catalogue_in_force(valid_from) == draft
    assert catalogue_in_force() == catalogue_v1
    # A draft page no longer exists for it: a published version is not edited.
    assert office.get(reverse("procurement:criteria_draft", args=[2])).status_code == 404
    assert office.get(edit).status_code == 404


def test_a_published_version_is_never_edited(world, catalogue_v1) -> None:
    office = world.client("secretariat_admin")
    criterion = catalogue_v1.criteria.get(code="SEL-B")
    before = criterion.text_nl
    edit = reverse("procurement:criterion_edit", args=[criterion.pk])
    assert office.get(edit).status_code == 404
    data = {"title_nl": "X", "title_en": "X", "text_nl": "X", "text_en": "X"}
    assert office.post(edit, data).status_code == 404
    assert office.post(reverse("procurement:criteria_publish", args=[1]), {}).status_code == 404
    # The service refuses too, whoever calls it.
    actor = actor_for(world.users["secretariat_admin"])
    with pytest.raises(ValidationError, match="nooit meer gewijzigd"):
        criterion_update(actor=actor, criterion=criterion, **data)
    criterion.refresh_from_db()
    assert criterion.text_nl == before


def test_bad_input_shows_errors_per_field(world, catalogue_v1) -> None:
    office = world.client("secretariat_admin")
    office.post(reverse("procurement:criteria_draft_new"))
    criterion = CriteriaCatalogue.objects.get(version=2).criteria.get(code="SEL-B")
    edit = reverse("procurement:criterion_edit", args=[criterion.pk])
    response = office.post(
        edit, {"title_nl": "   ", "title_en": "Title", "text_nl": "Tekst", "text_en": ""}
    )
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"title_nl", "text_en"}
    assert response.content.decode().count('class="field-error"') == 2

    publish_url = reverse("procurement:criteria_publish", args=[2])
    response = office.post(publish_url, {"valid_from": "2020-01-01", "note": "Nieuw."})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"valid_from"}
    assert "kan niet ingaan op een datum in het verleden" in page_text(response)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = office.post(publish_url, {"valid_from": tomorrow, "note": "  "})
    assert set(response.context["form"].errors) == {"note"}
    response = office.post(publish_url, {"valid_from": "not a date", "note": "Iets"})
    assert set(response.context["form"].errors) == {"valid_from"}
    assert CriteriaCatalogue.objects.get(version=2).published_at is None


def test_a_new_version_does_not_start_before_the_latest(world, catalogue_v1) -> None:
    later = timezone.localdate() + timedelta(days=60)
    publish(2, later)
    office = world.client("secretariat_admin")
    office.post(reverse("procurement:criteria_draft_new"))
    draft = CriteriaCatalogue.objects.get(version=3)
    assert draft.criteria.count() == 9  # copied from version 2, the newest
    response = office.post(
        reverse("procurement:criteria_publish", args=[3]),
        {"valid_from": (later - timedelta(days=1)).isoformat(), "note": "Te vroeg."},
    )
    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["valid_from"]


def test_one_draft_at_a_time(world, catalogue_v1) -> None:
    office = world.client("secretariat_admin")
    office.post(reverse("procurement:criteria_draft_new"))
    response = office.post(reverse("procurement:criteria_draft_new"), follow=True)
    assert "Version 2 is still a draft" in page_text(response) or "Versie 2" in page_text(response)
    assert list(CriteriaCatalogue.objects.values_list("version", flat=True)) == [2, 1]
    versions = office.get(VERSIONS)
    assert versions.context["draft"].version == 2
    assert reverse("procurement:criteria_draft", args=[2]) in versions.content.decode()


def test_the_pages_query_count_does_not_grow_with_the_versions(
    world, catalogue_v1, django_assert_max_num_queries
) -> None:
    office = world.client("secretariat_admin")
    public = world.client("anonymous")
    for version in (2, 3):
        publish(version, date(2025, 3, version))
    with django_assert_max_num_queries(12):
        assert office.get(VERSIONS).status_code == 200
    with django_assert_max_num_queries(8):
        assert public.get(CRITERIA).status_code == 200
    for version in range(4, 10):
        publish(version, date(2025, 3, version))
    with django_assert_max_num_queries(12):
        assert office.get(VERSIONS).status_code == 200
    with django_assert_max_num_queries(8):
        assert public.get(CRITERIA).status_code == 200


# --- Where people find it --------------------------------------------------------------


def test_the_bidder_check_and_the_government_menu_link_to_the_catalogue(world) -> None:
    link = f'href="{CRITERIA}"'
    assert (
        link in world.client("anonymous").get(reverse("procurement:bidder_check")).content.decode()
    )
    assert (
        link in world.client("government_admin").get(reverse("members:dashboard")).content.decode()
    )


# --- The text's layout -----------------------------------------------------------------


def test_text_blocks_keep_paragraphs_and_bullet_lists() -> None:
    text = "1. Eerste punt:\n- een;\n- twee\n\n2. Tweede punt\n-geen opsomming\nslot"
    assert text_blocks(text) == [
        Block(text="1. Eerste punt:"),
        Block(items=("een;", "twee")),
        Block(text="2. Tweede punt"),
        Block(text="-geen opsomming"),
        Block(text="slot"),
    ]
    assert text_blocks("") == []
