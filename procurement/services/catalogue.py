"""Writes of the criteria catalogue (Bijlage 3): the coordinator (secretariat
administrator) prepares a new version as a draft, edits its criteria and publishes it.
A published version is never changed: a tender keeps the version it used, and a change
is a new version (CONVENTIONS §8)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from trustone.access.actor import Actor
from trustone.access.errors import require
from trustone.audit.services import audit_record

from ..models import CriteriaCatalogue, Criterion

CRITERION_TEXT_FIELDS = ("title_nl", "title_en", "text_nl", "text_en")


def _locked(catalogue_id: int) -> CriteriaCatalogue:
    return CriteriaCatalogue.objects.select_for_update().get(pk=catalogue_id)


def _refuse_published(catalogue: CriteriaCatalogue) -> None:
    if catalogue.published_at is not None:
        raise ValidationError(
            _(
                "Version %(version)s is published and is never changed: make a new draft "
                "version instead."
            )
            % {"version": catalogue.version}
        )


@transaction.atomic
def catalogue_draft_create(*, actor: Actor) -> CriteriaCatalogue:
    """The coordinator starts a new version: a draft (version + 1) with a copy of the
    newest version's criteria. One draft at a time."""
    require(actor.is_secretariat_admin)
    # Lock every version: two coordinators clicking at once make one draft, not two.
    versions = list(CriteriaCatalogue.objects.select_for_update().order_by("-version"))
    draft = next((c for c in versions if c.published_at is None), None)
    if draft is not None:
        raise ValidationError(
            _("Version %(version)s is still a draft: edit and publish it first.")
            % {"version": draft.version}
        )
    newest = versions[0] if versions else None
    catalogue = CriteriaCatalogue(
        version=(newest.version + 1) if newest else 1,
        # Provisional: the coordinator sets the real date when publishing.
        valid_from=max(timezone.localdate(), newest.valid_from if newest else date.min),
    )
    catalogue.full_clean()
    catalogue.save()
    if newest is not None:
        copies = [
            Criterion(
                catalogue=catalogue,
                phase=criterion.phase,
                ambition=criterion.ambition,
                code=criterion.code,
                title_nl=criterion.title_nl,
                title_en=criterion.title_en,
                text_nl=criterion.text_nl,
                text_en=criterion.text_en,
                order=criterion.order,
            )
            for criterion in newest.criteria.order_by("order", "id")
        ]
        Criterion.objects.bulk_create(copies)
    audit_record(
        actor=actor,
        action="criteria_draft_created",
        target=catalogue,
        data={"copied_from": newest.version if newest else None},
    )
    return catalogue


def _clean_text(value: str) -> str:
    lines = [line.rstrip() for line in value.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip()


@transaction.atomic
def criterion_update(
    *,
    actor: Actor,
    criterion: Criterion,
    title_nl: str,
    title_en: str,
    text_nl: str,
    text_en: str,
) -> Criterion:
    """The coordinator changes a criterion's titles and texts (Dutch and English) in a
    draft version; a criterion of a published version is refused."""
    require(actor.is_secretariat_admin)
    _refuse_published(_locked(criterion.catalogue_id))
    criterion = Criterion.objects.get(pk=criterion.pk)
    values = {
        "title_nl": " ".join(title_nl.split()),
        "title_en": " ".join(title_en.split()),
        "text_nl": _clean_text(text_nl),
        "text_en": _clean_text(text_en),
    }
    errors = {name: _("This field cannot be blank.") for name, value in values.items() if not value}
    if errors:
        raise ValidationError(errors)
    changed = [name for name, value in values.items() if getattr(criterion, name) != value]
    for name in changed:
        setattr(criterion, name, values[name])
    criterion.full_clean()
    criterion.save(update_fields=[*CRITERION_TEXT_FIELDS])
    audit_record(
        actor=actor,
        action="criterion_changed",
        target=criterion,
        data={"version": criterion.catalogue.version, "fields": changed},
    )
    return criterion


@transaction.atomic
def catalogue_publish(
    *, actor: Actor, catalogue: CriteriaCatalogue, valid_from: date, note: str
) -> CriteriaCatalogue:
    """The coordinator publishes a draft: from `valid_from` it is the version in force.
    The date may not lie in the past nor before the latest published version's; the note
    says what changed."""
    require(actor.is_secretariat_admin)
    catalogue = _locked(catalogue.pk)
    _refuse_published(catalogue)
    errors: dict[str, str] = {}
    latest = (
        CriteriaCatalogue.objects.filter(published_at__isnull=False)
        .exclude(pk=catalogue.pk)
        .aggregate(latest=Max("valid_from"))["latest"]
    )
    today = timezone.localdate()
    if valid_from < today:
        errors["valid_from"] = _("A new version cannot take effect in the past.")
    elif latest is not None and valid_from < latest:
        errors["valid_from"] = _(
            "The date cannot lie before %(date)s, when the latest published version takes effect."
        ) % {"date": date_format(latest, "DATE_FORMAT")}
    note = note.strip()
    if not note:
        errors["note"] = _("Say what changed in this version.")
    if errors:
        raise ValidationError(errors)
    if not catalogue.criteria.exists():
        raise ValidationError(_("A version without criteria cannot be published."))
    catalogue.valid_from, catalogue.note, catalogue.published_at = valid_from, note, timezone.now()
    catalogue.full_clean()
    catalogue.save(update_fields=["valid_from", "note", "published_at"])
    audit_record(
        actor=actor,
        action="criteria_published",
        target=catalogue,
        data={"valid_from": valid_from.isoformat()},
    )
    return catalogue
