from django.contrib import admin

from .models import Framework, Question, Report


class AnswerOptionInline(admin.TabularInline):
    from .models import AnswerOption

    model = AnswerOption
    extra = 0


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    """Questions of a framework version. Editing a version that reports were submitted
    under is refused: make a new version instead."""

    list_display = ["code", "framework", "step", "categories", "source"]
    list_filter = ["framework"]
    inlines = [AnswerOptionInline]

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or not _used(obj.framework))

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or not _used(obj.framework))


class StepInline(admin.TabularInline):
    from .models import Step

    model = Step
    extra = 0


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    """The secretariat adds a new framework version here; a version with submitted
    reports cannot be changed, so submitted reports keep the framework they used."""

    list_display = ["version", "name", "valid_from", "is_published"]
    inlines = [StepInline]

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or not _used(obj))

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or not _used(obj))


def _used(framework: Framework) -> bool:
    return Report.objects.filter(framework=framework, status__in=["submitted", "returned"]).exists()
