from django.contrib import admin

from .models import LevelAssignment


@admin.register(LevelAssignment)
class LevelAssignmentAdmin(admin.ModelAdmin):
    """Read-only: levels are recorded through the portal, never edited in place."""

    list_display = ["organisation", "year", "level", "decided_on", "source"]
    list_filter = ["year", "level", "source"]
    search_fields = ["organisation__name"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
