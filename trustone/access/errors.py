from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _


class NotFound(Http404):
    """Raised by `access_*` selectors for missing and forbidden objects alike."""

    def __init__(self) -> None:
        super().__init__(_("Not found."))


def require(condition: bool) -> None:
    """A service's own role check: refuse unless `condition` holds. The portal answers a
    refusal like a missing object (404), so a role reveals nothing."""
    if not condition:
        raise PermissionDenied
