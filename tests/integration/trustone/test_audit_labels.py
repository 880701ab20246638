"""The audit log stores descriptions untranslated and shows them in the reader's language,
whoever caused the entry and in whichever language."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from assessments.models import Assessment, ReportingPeriod
from assessments.models import Report as AssessmentReport
from tests.factories import CovenantMembershipFactory
from trustone.access.actor import actor_for
from trustone.audit.models import AuditEntry
from trustone.audit.services import audit_record

pytestmark = pytest.mark.django_db


def test_a_label_recorded_in_dutch_reads_in_english_for_an_english_reader(
    world, framework_v1
) -> None:
    company = world.organisations["company"]
    CovenantMembershipFactory(organisation=company)
    period = ReportingPeriod.objects.create(
        year=2026, deadline="2027-03-01", framework=framework_v1
    )
    report = AssessmentReport.objects.create(
        organisation=company, period=period, framework=framework_v1
    )
    assessment = Assessment.objects.create(report=report, kind="full")
    with translation.override("nl"):  # a Dutch coordinator assigns
        audit_record(
            actor=actor_for(world.users["secretariat_admin"]),
            action="assessment_assigned",
            target=assessment,
        )
    entry = AuditEntry.objects.get(action="assessment_assigned")
    with translation.override("nl"):
        dutch = Assessment(kind="full").get_kind_display()
    assert dutch not in entry.target_repr
    assert "(Full assessment)" in entry.target_repr

    client = world.client("secretariat_admin")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "(Full assessment)" in client.get(reverse("audit:log")).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    assert f"({dutch})" in client.get(reverse("audit:log")).content.decode()
