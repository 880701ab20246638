from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import (
    CovenantMembership,
    Declaration,
    Invitation,
    Invoice,
    LevelAssignment,
    Membership,
    Organisation,
    PartyApplication,
    Tariff,
    Termination,
    User,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "city", "is_active"]
    list_filter = ["kind", "country", "is_active"]
    search_fields = ["name", "registration_number", "city"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_staff", "is_active", "last_login"]
    search_fields = ["email", "full_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("full_name", "language")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "role", "created_at", "expires_at", "accepted_at"]
    search_fields = ["email", "organisation__name"]
    exclude = ["token_hash"]
    readonly_fields = ["accepted_at", "accepted_by", "invited_by"]


@admin.register(Tariff)
class TariffAdmin(admin.ModelAdmin):
    """The secretariat adds tariff schedules here; issued invoices keep their amounts."""

    list_display = [
        "valid_from",
        "limited_base",
        "full_base",
        "per_extra_chain",
        "per_establishment",
        "first_year_cap",
        "second_year_cap",
    ]

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        if obj is not None and Invoice.objects.filter(tariff_valid_from=obj.valid_from).exists():
            return False
        return super().has_delete_permission(request, obj)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records that are never changed after they were made (they are made by services)."""

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(CovenantMembership)
class CovenantMembershipAdmin(ReadOnlyAdmin):
    list_display = ["organisation", "member_type", "joined_on", "ends_on"]
    list_filter = ["member_type"]
    search_fields = ["organisation__name"]


@admin.register(Declaration)
class DeclarationAdmin(ReadOnlyAdmin):
    list_display = ["organisation", "chapter", "signed_on", "signer_name"]


@admin.register(Termination)
class TerminationAdmin(ReadOnlyAdmin):
    list_display = ["organisation", "kind", "notice_on", "ends_on"]


@admin.register(Invoice)
class InvoiceAdmin(ReadOnlyAdmin):
    list_display = ["number", "organisation", "year", "issued_on", "amount"]
    list_filter = ["year", "member_type"]
    search_fields = ["number", "organisation__name"]


@admin.register(PartyApplication)
class PartyApplicationAdmin(ReadOnlyAdmin):
    list_display = ["organisation_name", "organisation_kind", "status", "created_at"]


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
