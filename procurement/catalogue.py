"""The criteria catalogue (Bijlage 3 of the covenant, DOMAIN §8): reads, and what the
portal says about each phase.

Anyone reads the published versions: the one in force (the latest published version whose
valid-from date has come) and the older or upcoming ones. Drafts are the coordinator's
(secretariat administrator's) alone; anyone else gets the same not-found as for a draft
that does not exist. The writes are in `procurement.services.catalogue`.

A criterion's text is plain text: one paragraph (or numbered point) per line, a bullet
point on a line that starts with "- ". `text_blocks` turns it into paragraphs and lists
for the page, the DOCX and the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from trustone.access.actor import Actor
from trustone.access.errors import NotFound
from trustone.languages import portal_language

from .models import AmbitionLevel, CriteriaCatalogue, Criterion, TenderPhase

#: When each phase's criteria fit best (Bijlage 3, under each phase's heading).
PHASE_RECOMMENDATIONS: dict[str, Promise] = {
    TenderPhase.SELECTION: _(
        "Recommended for framework contracts and/or the supply of several materials."
    ),
    TenderPhase.AWARD: _(
        "Recommended for the (shorter-term) supply of materials from risk countries."
    ),
    TenderPhase.CONTRACT: _("Recommended for longer-running contracts."),
}

PHASE_ORDER = [phase.value for phase in TenderPhase]
AMBITION_ORDER = [level.value for level in AmbitionLevel]

BULLET = "- "


@dataclass(frozen=True)
class Block:
    """A paragraph (`items` empty) or a bullet list (`text` empty) of a criterion's text."""

    text: str = ""
    items: tuple[str, ...] = ()

    @property
    def is_list(self) -> bool:
        return bool(self.items)


def text_blocks(text: str) -> list[Block]:
    """The criterion's text as paragraphs and bullet lists, in order; blank lines are
    dropped."""
    blocks: list[Block] = []
    items: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith(BULLET):
            items.append(line[len(BULLET) :].strip())
            continue
        if items:
            blocks.append(Block(items=tuple(items)))
            items = []
        if line:
            blocks.append(Block(text=line))
    if items:
        blocks.append(Block(items=tuple(items)))
    return blocks


@dataclass(frozen=True)
class ShownCriterion:
    """A criterion in one language, as the page and the documents show it."""

    criterion: Criterion
    title: str
    text: str
    language: str

    @property
    def code(self) -> str:
        return self.criterion.code

    @property
    def blocks(self) -> list[Block]:
        return text_blocks(self.text)

    @property
    def plain_text(self) -> str:
        """The title and the text, as the copy button puts them on the clipboard."""
        return f"{self.title}\n\n{self.text.strip()}"

    @property
    def phase_label(self) -> str:
        return str(self.criterion.get_phase_display())

    @property
    def ambition_label(self) -> str:
        return str(self.criterion.get_ambition_display())


def shown(criterion: Criterion, language: str | None = None) -> ShownCriterion:
    """The criterion in `language` (by default the portal language of the request)."""
    language = portal_language(language)
    if language == "en":
        return ShownCriterion(criterion, criterion.title_en, criterion.text_en, language)
    return ShownCriterion(criterion, criterion.title_nl, criterion.text_nl, language)


def _with_criteria(catalogues: QuerySet[CriteriaCatalogue]) -> QuerySet[CriteriaCatalogue]:
    return catalogues.prefetch_related(
        Prefetch("criteria", queryset=Criterion.objects.order_by("order", "id"))
    )


def published_catalogues() -> QuerySet[CriteriaCatalogue]:
    """Public: every published version, newest first."""
    return CriteriaCatalogue.objects.filter(published_at__isnull=False).order_by("-version")


def catalogue_in_force(on: date | None = None) -> CriteriaCatalogue | None:
    """Public: the version in force on `on` (today by default): of the published versions
    whose valid-from date has come, the one valid from the latest date (the highest
    version when two start on the same day), with its criteria. None before the first."""
    on = on or timezone.localdate()
    return (
        _with_criteria(published_catalogues().filter(valid_from__lte=on))
        .order_by("-valid_from", "-version")
        .first()
    )


def access_published_catalogue(version: int) -> CriteriaCatalogue:
    """Public: one published version with its criteria; a draft or a missing version is
    not found."""
    catalogue = _with_criteria(published_catalogues()).filter(version=version).first()
    if catalogue is None:
        raise NotFound
    return catalogue


def access_published_criterion(code: str, version: int | None = None) -> Criterion:
    """Public: a criterion of a published version (by default the version in force), for
    its DOCX and PDF; not found in a draft, a missing version or under an unknown code."""
    if version is None:
        catalogue = catalogue_in_force()
        if catalogue is None:
            raise NotFound
    else:
        catalogue = access_published_catalogue(version)
    criterion = next((c for c in catalogue.criteria.all() if c.code == code), None)
    if criterion is None:
        raise NotFound
    return criterion


def catalogue_versions_visible_to(actor: Actor) -> QuerySet[CriteriaCatalogue]:
    """Every version, drafts included, with its number of criteria for the coordinator;
    the published versions for anyone else."""
    catalogues = CriteriaCatalogue.objects.annotate(criteria_count=Count("criteria")).order_by(
        "-version"
    )
    if actor.is_secretariat_admin:
        return catalogues
    return catalogues.filter(published_at__isnull=False)


def current_draft(actor: Actor) -> CriteriaCatalogue | None:
    """The coordinator's draft version, if there is one; None for anyone else."""
    if not actor.is_secretariat_admin:
        return None
    return CriteriaCatalogue.objects.filter(published_at__isnull=True).order_by("-version").first()


def access_draft(actor: Actor, version: int) -> CriteriaCatalogue:
    """A draft version with its criteria, for the coordinator; the same not-found for a
    published or missing version and for anyone else."""
    if not actor.is_secretariat_admin:
        raise NotFound
    draft = (
        _with_criteria(CriteriaCatalogue.objects.filter(published_at__isnull=True))
        .filter(version=version)
        .first()
    )
    if draft is None:
        raise NotFound
    return draft


def access_draft_criterion(actor: Actor, criterion_id: int) -> Criterion:
    """A criterion of a draft version, for the coordinator to edit; the same not-found
    for a criterion of a published version, a missing one and for anyone else."""
    if not actor.is_secretariat_admin:
        raise NotFound
    criterion = (
        Criterion.objects.select_related("catalogue")
        .filter(pk=criterion_id, catalogue__published_at__isnull=True)
        .first()
    )
    if criterion is None:
        raise NotFound
    return criterion


@dataclass(frozen=True)
class PhaseSection:
    """One phase of the catalogue as the page shows it: its recommendation and its
    criteria (those that pass the filters)."""

    phase: str
    label: str
    recommendation: str
    criteria: list[ShownCriterion]


def catalogue_sections(
    catalogue: CriteriaCatalogue,
    *,
    phase: str = "",
    ambition: str = "",
    language: str | None = None,
) -> list[PhaseSection]:
    """The catalogue's criteria per phase (in the covenant's order), in one language,
    only the phase and ambition level asked for (all when empty); phases without a
    criterion left out."""
    criteria = sorted(
        catalogue.criteria.all(),
        key=lambda c: (PHASE_ORDER.index(c.phase), AMBITION_ORDER.index(c.ambition), c.order),
    )
    sections = []
    for value in PHASE_ORDER:
        if phase and value != phase:
            continue
        rows = [
            shown(c, language)
            for c in criteria
            if c.phase == value and (not ambition or c.ambition == ambition)
        ]
        if rows:
            sections.append(
                PhaseSection(
                    phase=value,
                    label=str(TenderPhase(value).label),
                    recommendation=str(PHASE_RECOMMENDATIONS[value]),
                    criteria=rows,
                )
            )
    return sections
