from django.http import Http404
from django.utils.translation import gettext_lazy as _


class NotFound(Http404):
    """Raised by `access_*` selectors for missing and forbidden objects alike."""

    def __init__(self) -> None:
        super().__init__(_("Not found."))
