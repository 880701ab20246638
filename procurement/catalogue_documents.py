"""A criterion as a document to paste into tender papers: DOCX (python-docx) and PDF
(WeasyPrint), in one language."""

from __future__ import annotations

from io import BytesIO

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from trustone.pdf import render_pdf

from .catalogue import PHASE_RECOMMENDATIONS, ShownCriterion

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def document_filename(item: ShownCriterion, extension: str) -> str:
    version = item.criterion.catalogue.version
    return f"trustone-criterion-{item.code}-v{version}-{item.language}.{extension}"


def _source_line(item: ShownCriterion) -> str:
    catalogue = item.criterion.catalogue
    return _(
        "TruStone criteria catalogue (Bijlage 3 of the covenant), version %(version)s, valid "
        "from %(date)s · %(phase)s · ambition level %(ambition)s · %(code)s"
    ) % {
        "version": catalogue.version,
        "date": date_format(catalogue.valid_from, "DATE_FORMAT"),
        "phase": item.phase_label,
        "ambition": item.ambition_label,
        "code": item.code,
    }


def criterion_docx(item: ShownCriterion) -> bytes:
    """The criterion as a Word document: its title, where it comes from, its text with
    the numbered points and bullet lists as they are."""
    from docx import Document  # imported late: only downloads need it

    with translation.override(item.language):
        document = Document()
        document.core_properties.title = item.title
        document.core_properties.subject = _source_line(item)
        document.core_properties.language = item.language
        document.add_heading(item.title, level=1)
        source = document.add_paragraph(_source_line(item))
        source.runs[0].italic = True
        document.add_paragraph(str(PHASE_RECOMMENDATIONS[item.criterion.phase]))
        for block in item.blocks:
            if block.is_list:
                for entry in block.items:
                    document.add_paragraph(entry, style="List Bullet")
            else:
                document.add_paragraph(block.text)
        buffer = BytesIO()
        document.save(buffer)
    return buffer.getvalue()


def criterion_pdf(item: ShownCriterion) -> bytes:
    """The criterion as a PDF, in the criterion's language."""
    return render_pdf(
        "pdf/procurement/criterion.html",
        {
            "item": item,
            "catalogue": item.criterion.catalogue,
            "recommendation": PHASE_RECOMMENDATIONS[item.criterion.phase],
            "printed_at": timezone.localtime(),
        },
        language=item.language,
    )
