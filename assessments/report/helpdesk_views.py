"""Helpdesk pages: a company's questions, the secretariat's inbox, the public FAQ."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trustone.access import policies
from trustone.access.views import PortalView
from trustone.forms import add_validation_errors
from trustone.languages import portal_language
from trustone.pagination import paginate

from ..models import ThreadKind
from . import selectors, services


class ThreadForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("What do you need?"), choices=ThreadKind.choices)
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=200)
    body = forms.CharField(
        label=gettext_lazy("Your question"), widget=forms.Textarea(attrs={"rows": 5})
    )
    attachment = forms.FileField(label=gettext_lazy("Attachment (optional)"), required=False)


class ReplyForm(forms.Form):
    body = forms.CharField(label=gettext_lazy("Reply"), widget=forms.Textarea(attrs={"rows": 4}))
    attachment = forms.FileField(label=gettext_lazy("Attachment (optional)"), required=False)


class FaqForm(forms.Form):
    question_nl = forms.CharField(label=gettext_lazy("Question (Dutch)"), max_length=300)
    question_en = forms.CharField(label=gettext_lazy("Question (English)"), max_length=300)
    answer_nl = forms.CharField(label=gettext_lazy("Answer (Dutch)"), widget=forms.Textarea)
    answer_en = forms.CharField(label=gettext_lazy("Answer (English)"), widget=forms.Textarea)


class HelpdeskView(PortalView):
    """Companies: their questions and a new one. The secretariat: the shared inbox."""

    access_policy = policies.COMPANY | policies.SECRETARIAT_ASSESSING
    template_name = "assessments/helpdesk.html"

    def _render(self, form: ThreadForm | None, status: int = 200) -> HttpResponse:
        threads = selectors.threads_visible_to(self.actor)
        if self.actor.is_secretariat and self.request.GET.get("show") != "all":
            threads = threads.filter(is_answered=False)
        context = {"form": form, **paginate(self.request, threads)}
        return render(self.request, self.template_name, context, status=status)

    def get(self, request: HttpRequest) -> HttpResponse:
        form = (
            None
            if self.actor.is_secretariat
            else ThreadForm(initial={"kind": request.GET.get("kind", "question")})
        )
        return self._render(form)

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ThreadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                thread = services.thread_start(
                    actor=self.actor,
                    subject=form.cleaned_data["subject"],
                    body=form.cleaned_data["body"],
                    kind=form.cleaned_data["kind"],
                    upload=form.cleaned_data["attachment"],
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("Your question has been sent to the secretariat."))
                return redirect("assessments:thread", thread.pk)
        return self._render(form, status=400)


class ThreadView(PortalView):
    access_policy = policies.COMPANY | policies.SECRETARIAT_ASSESSING
    template_name = "assessments/thread.html"

    def _render(self, thread: Any, form: ReplyForm, status: int = 200) -> HttpResponse:
        return render(
            self.request,
            self.template_name,
            {
                "thread": thread,
                "form": form,
                "faq_form": FaqForm(),
                "thread_messages": selectors.messages_of(self.actor, thread),
            },
            status=status,
        )

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self._render(selectors.access_thread(self.actor, pk), ReplyForm())

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        thread = selectors.access_thread(self.actor, pk)
        form = ReplyForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.thread_reply(
                    actor=self.actor,
                    thread=thread,
                    body=form.cleaned_data["body"],
                    upload=form.cleaned_data["attachment"],
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("Your reply has been sent."))
                return redirect("assessments:thread", thread.pk)
        return self._render(thread, form, status=400)


class AttachmentView(PortalView):
    access_policy = policies.COMPANY | policies.SECRETARIAT_ASSESSING

    def get(self, request: HttpRequest, message_pk: int) -> HttpResponseBase:
        message = selectors.access_attachment(self.actor, message_pk)
        return FileResponse(
            message.attachment.open("rb"), as_attachment=True, filename=message.attachment_name
        )


class FaqPublishView(PortalView):
    access_policy = policies.SECRETARIAT_ADMIN
    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        form = FaqForm(request.POST)
        if form.is_valid():
            services.faq_publish(actor=self.actor, **form.cleaned_data)
            messages.success(request, _("The answer has been published in the FAQ."))
        else:
            messages.error(request, _("Fill in the question and the answer in both languages."))
        return redirect("assessments:faq")


class FaqView(PortalView):
    access_policy = policies.PUBLIC

    def get(self, request: HttpRequest) -> HttpResponse:
        language = portal_language(request.LANGUAGE_CODE)
        return render(
            request,
            "assessments/faq.html",
            {"entries": selectors.faq_entries(), "language": language},
        )
