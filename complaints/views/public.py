"""The public side of the complaints mechanism: anyone files a complaint without an
account, is given a receipt code once, and comes back with it to read the committee's
messages, answer and add evidence. The published rulings, anonymised."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from trustone.access import policies
from trustone.access.views import PortalView
from trustone.forms import add_validation_errors
from trustone.ratelimit import rate_limit_exceeded, rate_limit_reached

from .. import rules, selectors, services, throttle
from ..forms import ComplaintForm, PartyMessageForm, ReceiptForm
from ..models import CaseStatus
from ..selectors import Reader
from .common import attachment_response

SESSION_KEY = "complaints_case"


def _private(response: HttpResponse) -> HttpResponse:
    add_never_cache_headers(response)
    # No referrer leaves the portal; not "no-referrer", under which browsers send
    # "Origin: null" with the page's own forms and the CSRF check refuses every filing.
    response["Referrer-Policy"] = "same-origin"
    return response


class ComplaintsHomeView(PortalView):
    """What the committee does, how to file, how to come back, and where else to turn."""

    access_policy = policies.PUBLIC

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(
            request,
            "complaints/home.html",
            {
                "mechanisms": selectors.mechanisms_visible_to(self.actor).filter(is_active=True),
                "rulings": selectors.published_rulings()[:3],
            },
        )


class ComplaintCreateView(PortalView):
    """The intake form. The receipt code is shown in the answer to the filing itself,
    never stored in the clear and never shown again."""

    access_policy = policies.PUBLIC
    template_name = "complaints/complaint_form.html"

    def _page(self, request: HttpRequest, form: ComplaintForm, status: int = 200) -> HttpResponse:
        context = {
            "form": form,
            "mechanisms": selectors.mechanisms_visible_to(self.actor).filter(is_active=True),
        }
        return _private(render(request, self.template_name, context, status=status))

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._page(request, ComplaintForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        # Only filed complaints count, so that a form sent back with errors locks nobody
        # out; once the limit is reached, every filing waits.
        form = ComplaintForm(request.POST, request.FILES)
        if rate_limit_reached(
            request, action="complaint_file", rate=settings.COMPLAINTS_INTAKE_RATE
        ):
            form.is_valid()  # what was typed is shown again, with the limit on top
            form.add_error(
                None,
                _(
                    "Too many complaints were sent from here in a short time. Please try "
                    "again in an hour; nothing you typed was stored."
                ),
            )
            return self._page(request, form, status=429)
        if form.is_valid():
            data = form.cleaned_data
            try:
                case, digits = services.complaint_file(
                    language=form.language_value(),
                    is_anonymous=data["is_anonymous"],
                    name="" if data["is_anonymous"] else data["name"],
                    email="" if data["is_anonymous"] else data["email"],
                    phone="" if data["is_anonymous"] else data["phone"],
                    content={
                        key: data[key]
                        for key in ("what", "where", "company", "remedy", "representative")
                    },
                    attachments=data["attachments"],
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                rate_limit_exceeded(
                    request, action="complaint_file", rate=settings.COMPLAINTS_INTAKE_RATE
                )
                return _private(
                    render(
                        request,
                        "complaints/receipt_shown.html",
                        {
                            "case": case,
                            "code": rules.receipt_display(digits),
                            "mechanisms": selectors.mechanisms_visible_to(self.actor).filter(
                                is_active=True
                            ),
                        },
                    )
                )
        return self._page(request, form, status=400)


class ReceiptView(PortalView):
    """Come back with the receipt code. A wrong code is refused, and after a few wrong
    codes this client waits longer each time (rules.failure_delay)."""

    access_policy = policies.PUBLIC
    template_name = "complaints/receipt.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return _private(render(request, self.template_name, {"form": ReceiptForm()}))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ReceiptForm(request.POST)
        wait = throttle.receipt_wait(request)
        if wait:
            form.add_error(None, _wait_message(wait))
            return _private(render(request, self.template_name, {"form": form}, status=429))
        if form.is_valid():
            digits = rules.receipt_digits(form.cleaned_data["code"])
            case = services.receipt_open(digits) if digits else None
            if case is not None:
                throttle.receipt_succeeded(request)
                request.session.cycle_key()
                request.session[SESSION_KEY] = case.pk
                return redirect("complaints:my_case")
            delay = throttle.receipt_failed(request)
            form.add_error(
                "code",
                _("This receipt code is not right. Check the 20 digits and try again.")
                + (" " + _wait_message(delay) if delay else ""),
            )
        return _private(render(request, self.template_name, {"form": form}, status=400))


def _wait_message(seconds: int) -> str:
    return ngettext(
        "Because of several wrong codes, wait %(count)s second before you try again.",
        "Because of several wrong codes, wait %(count)s seconds before you try again.",
        seconds,
    ) % {"count": seconds}


class ComplainantView(PortalView):
    """The complainant's view of the case, opened with the receipt in this session: the
    complaint as filed, the committee's messages and steps, an answer form."""

    access_policy = policies.PUBLIC

    def _case(self, request: HttpRequest) -> selectors.Case | None:
        return selectors.case_by_session(request.session.get(SESSION_KEY))

    def get(self, request: HttpRequest, form: PartyMessageForm | None = None) -> HttpResponseBase:
        case = self._case(request)
        if case is None:
            return redirect("complaints:receipt")
        case_file = services.case_file_read(actor=None, case=case, reader=Reader.COMPLAINANT)
        context = {
            "file": case_file,
            "form": (form or PartyMessageForm()) if case.status != CaseStatus.CLOSED else None,
            "mechanisms": selectors.mechanisms_visible_to(self.actor).filter(is_active=True),
        }
        return _private(
            render(request, "complaints/my_case.html", context, status=400 if form else 200)
        )

    def post(self, request: HttpRequest) -> HttpResponseBase:
        case = self._case(request)
        if case is None:
            return redirect("complaints:receipt")
        form = PartyMessageForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.case_message_post(
                    actor=None,
                    case=case,
                    reader=Reader.COMPLAINANT,
                    body=form.cleaned_data["body"],
                    attachments=form.cleaned_data["attachments"],
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("Your message is sent to the committee."))
                return redirect("complaints:my_case")
        return self.get(request, form=form)


class ComplainantAttachmentView(ComplainantView):
    access_policy = policies.PUBLIC

    def get(self, request: HttpRequest, pk: int) -> HttpResponseBase:  # type: ignore[override]
        case = self._case(request)
        if case is None:
            raise selectors.NotFound
        attachment = selectors.access_attachment(case, Reader.COMPLAINANT, pk)
        name, data = services.attachment_read(actor=None, case=case, attachment=attachment)
        return attachment_response(name, data, attachment)


class ComplainantLeaveView(PortalView):
    """Close the case on this device: the session forgets it."""

    access_policy = policies.PUBLIC
    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        request.session.pop(SESSION_KEY, None)
        request.session.cycle_key()
        messages.success(request, _("Your complaint is closed on this device."))
        return redirect("complaints:home")


class RulingListView(PortalView):
    access_policy = policies.PUBLIC

    def get(self, request: HttpRequest) -> HttpResponse:
        from trustone.pagination import paginate

        return render(
            request,
            "complaints/rulings.html",
            paginate(request, selectors.published_rulings(), per_page=20),
        )


class RulingView(PortalView):
    access_policy = policies.PUBLIC

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return render(
            request,
            "complaints/ruling.html",
            {"ruling": selectors.access_published_ruling(pk)},
        )
