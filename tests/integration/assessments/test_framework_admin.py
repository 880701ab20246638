"""A framework version that reports were submitted under cannot be changed."""

import pytest
from django.contrib.admin.sites import site

from assessments.models import Framework, Question, Report, ReportingPeriod

pytestmark = pytest.mark.django_db


def test_a_used_framework_version_is_read_only_in_the_admin(world, framework_v1, rf) -> None:
    framework_admin = site._registry[Framework]
    question_admin = site._registry[Question]
    question = Question.objects.filter(framework=framework_v1).first()
    request = rf.get("/admin/")
    request.user = world.users["secretariat_admin"]
    request.user.is_staff = request.user.is_superuser = True
    assert framework_admin.has_change_permission(request, framework_v1)
    period = ReportingPeriod.objects.create(
        year=2026, deadline="2027-03-01", framework=framework_v1
    )
    Report.objects.create(
        organisation=world.organisations["company"],
        period=period,
        framework=framework_v1,
        status="submitted",
    )
    assert not framework_admin.has_change_permission(request, framework_v1)
    assert not question_admin.has_change_permission(request, question)
    assert framework_admin.has_change_permission(request, None)  # a new version
