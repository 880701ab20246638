from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults

from trustone.access import policies
from trustone.access.declare import access_policy


@access_policy(policies.PUBLIC)
def health(request: HttpRequest) -> HttpResponse:
    """Liveness check for load balancers (and the benchmarks' trivial view): a constant."""
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """A URL that matches nothing: under /api/ the API's JSON error (`{"detail": …}`, as
    the schema documents), elsewhere the portal's page."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return defaults.page_not_found(request, exception)
