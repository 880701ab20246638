from django.http import HttpRequest, HttpResponse

from trustone.access import policies
from trustone.access.declare import access_policy


@access_policy(policies.PUBLIC)
def health(request: HttpRequest) -> HttpResponse:
    """Liveness check for load balancers (and the benchmarks' trivial view): a constant."""
    return HttpResponse("ok", content_type="text/plain")
