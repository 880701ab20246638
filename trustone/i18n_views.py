"""Switching language with a plain link or GET form, so that pages for anonymous visitors
carry no CSRF token and can be cached."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme

from trustone.access import policies
from trustone.access.declare import access_policy


@access_policy(policies.PUBLIC)
def language_switch(request: HttpRequest) -> HttpResponse:
    """Remember the chosen language in a cookie and go back to the page."""
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    language = request.GET.get("language", "")
    if language in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE or 365 * 24 * 3600,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=False,
        )
    return response
