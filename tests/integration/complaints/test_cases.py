"""The case file of the complaints and disputes committee (Art. 11): anonymous intake
with a receipt code, the committee's steps and deadlines, who reads what, recusal,
disputes that block notice, referral to the steering group, published rulings."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from complaints import services
from complaints.models import Case, CaseEntry, PublishedRuling
from complaints.rules import receipt_display
from members.disputes import has_pending_dispute
from members.lifecycle import notice_preview
from members.models import CovenantMembership, Termination
from tests.conftest import make_user
from tests.factories.complaints import MARKER, as_actor, complaint, dispute, evidence
from trustone.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def _main(response):
    """The page's main content (the whole page differs by its per-request nonce)."""
    text = response.content.decode()
    return text[text.index("<main") : text.index("</main>")]


def _file(client, REMOTE_ADDR="127.0.0.1", **overrides):  # noqa: N803 (the header's name)
    data = {
        "language": "other",
        "language_other": "Hindi",
        "what": "Mazdooron ko mask nahin diye jaate. " + MARKER,
        "where": "Bijolia",
        "company": "",
        "remedy": "Masks and a doctor",
        "representative": "",
        "is_anonymous": "on",
        **overrides,
    }
    return client.post(reverse("complaints:new"), data, REMOTE_ADDR=REMOTE_ADDR)


def test_anyone_files_a_complaint_without_an_account_and_sees_the_receipt_once(client):
    response = _file(client, attachments=[evidence()])
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    case = Case.objects.get()
    code = response.context["code"]
    digits = code.replace(" ", "")
    assert len(digits) == 20 and digits.isdigit()
    # Only the first eight digits and a slow hash are kept; no contact, no address.
    assert case.receipt_lookup == digits[:8]
    assert case.receipt_hash.startswith("argon2")
    assert digits not in case.receipt_hash
    assert case.contact is None and case.is_anonymous
    assert case.language == "Hindi"
    entry = AuditEntry.objects.get(action="complaint_filed")
    assert entry.ip_address is None and entry.user is None
    # The code is never shown again: the receipt page asks for it.
    page = client.get(reverse("complaints:receipt"))
    assert digits not in page.content.decode() and code not in page.content.decode()


def test_a_complaint_needs_what_happened_and_a_way_back_unless_anonymous(client):
    response = _file(client, what="", is_anonymous="")
    assert response.status_code == 400
    assert response.context["form"].errors["what"]
    assert response.context["form"].errors["name"]
    assert not Case.objects.exists()
    response = _file(client, language="other", language_other="")
    assert response.context["form"].errors["language_other"]
    assert not Case.objects.exists()


def test_a_bad_attachment_is_refused_and_nothing_is_stored(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("foto.pdf", b"MZ not a pdf", content_type="application/pdf")
    response = _file(client, attachments=[fake])
    assert response.status_code == 400
    assert "foto.pdf" in str(response.context["form"].errors["attachments"])
    assert not Case.objects.exists()


def test_the_complainant_comes_back_with_the_receipt_and_answers(client, world):
    case, digits = complaint()
    committee = as_actor(world, "committee_member")
    services.case_step_take(
        actor=committee,
        case=case,
        step="information",
        text="Hoeveel mensen werken er?",
        audience="complainant",
    )
    services.case_message_post(
        actor=committee,
        case=case,
        reader=services.filing.Reader.COMMITTEE,
        body="Interne notitie: tolk regelen.",
        attachments=[],
        audience="internal",
    )
    response = client.post(reverse("complaints:receipt"), {"code": receipt_display(digits)})
    assert response.status_code == 302
    page = client.get(reverse("complaints:my_case")).content.decode()
    assert "Hoeveel mensen werken er?" in page
    assert MARKER in page
    assert "tolk regelen" not in page
    response = client.post(
        reverse("complaints:my_case"),
        {"body": "Ongeveer veertig.", "attachments": [evidence("foto.pdf")]},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.reply_due is None
    answer = CaseEntry.objects.filter(side="complainant").latest("id")
    assert answer.attachments.count() == 1
    assert answer.author is None
    # The complainant leaves: the session forgets the case.
    client.post(reverse("complaints:my_case_leave"))
    assert client.get(reverse("complaints:my_case")).status_code == 302


def test_a_wrong_receipt_is_refused_with_a_growing_delay(client):
    case, digits = complaint()
    wrong = str((int(digits) + 1) % 10**20).zfill(20)
    delays = []
    for _attempt in range(4):
        response = client.post(reverse("complaints:receipt"), {"code": wrong})
        assert response.status_code in (400, 429)
        delays.append(response.status_code)
    # The first two wrong codes cost nothing; the third makes the client wait 2 s, and
    # while it waits even the right code is refused.
    assert delays[:3] == [400, 400, 400]
    assert delays[3] == 429
    response = client.post(reverse("complaints:receipt"), {"code": digits})
    assert response.status_code == 429
    assert client.get(reverse("complaints:my_case")).status_code == 302
    from complaints import throttle

    request = response.wsgi_request
    first = throttle.receipt_wait(request)
    throttle.receipt_failed(request)
    assert throttle.receipt_wait(request) > first


def test_the_delay_follows_the_rule_and_is_kept_without_the_address(rf):
    from django.core.cache import cache

    from complaints import throttle

    request = rf.post("/", REMOTE_ADDR="203.0.113.9")
    throttle.receipt_succeeded(request)
    waits = [throttle.receipt_failed(request) for _ in range(6)]
    assert waits == [0, 0, 2, 4, 8, 16]
    key = throttle._key(request)
    assert "203.0.113.9" not in key and cache.get(key)["failures"] == 6
    throttle.receipt_succeeded(request)
    assert throttle.receipt_wait(request) == 0


def test_the_committee_works_a_case_from_admission_to_referral_and_expulsion(world):
    case, _digits = complaint()
    committee = as_actor(world, "committee_member")
    today = timezone.localdate()
    services.case_step_take(actor=committee, case=case, step="admissible", text="Ontvankelijk.")
    case.refresh_from_db()
    assert case.status == "admitted" and case.ruling_due == today + timedelta(days=84)
    with pytest.raises(services.filing.ValidationError):
        services.case_step_take(actor=committee, case=case, step="admissible", text="Nog eens.")
    hearing = today + timedelta(days=10)
    services.case_step_take(
        actor=committee, case=case, step="hearing", text="Hoorzitting.", on=hearing
    )
    case.refresh_from_db()
    assert case.hearing_on == hearing
    services.case_respondent_set(
        actor=committee, case=case, organisation_id=world.organisations["company"].pk
    )
    services.case_step_take(actor=committee, case=case, step="ruling", text="Gegrond.")
    case.refresh_from_db()
    assert case.status == "ruled" and case.compliance_due == today + timedelta(days=90)
    services.case_step_take(
        actor=committee, case=case, step="not_complied", text="Verwijtbaar genegeerd."
    )
    case.refresh_from_db()
    assert case.status == "referred"
    coordinator = world.client("secretariat_admin")
    page = coordinator.get(reverse("complaints:referrals")).content.decode()
    assert case.reference in page and world.organisations["company"].name in page
    assert MARKER not in page
    response = coordinator.post(
        reverse("complaints:referral_decide", args=[case.pk]),
        {f"referral-{case.pk}-expelled": "yes", f"referral-{case.pk}-decided_on": today},
    )
    assert response.status_code == 302
    assert "termination=expulsion" in response["Location"]
    case.refresh_from_db()
    assert case.status == "closed" and case.closure == "steering_group"
    form = coordinator.get(response["Location"]).context["termination_form"]
    assert form.initial["kind"] == "expulsion"
    assert form.initial["steering_group_decided_on"] == today


def test_a_step_that_does_not_fit_the_stage_is_refused(world):
    case, _digits = complaint()
    committee = world.client("committee_member")
    response = committee.post(
        reverse("complaints:case_step", args=[case.pk]), {"step": "ruling", "text": "Te vroeg."}
    )
    assert response.status_code == 400
    assert response.context["step_form"].errors["step"]
    case.refresh_from_db()
    assert case.status == "received"


def test_only_the_committee_and_the_assigned_staff_read_a_complaint(world):
    case, _digits = complaint()
    for who in ("secretariat_admin", "secretariat_assessor", "company_admin", "ngo_admin"):
        assert world.client(who).get(reverse("complaints:case", args=[case.pk])).status_code == 404
    page = world.client("committee_member").get(reverse("complaints:case", args=[case.pk]))
    assert MARKER in page.content.decode()
    services.case_staff_assign(
        actor=as_actor(world, "committee_admin"),
        case=case,
        user_ids=[world.users["secretariat_assessor"].pk],
    )
    page = world.client("secretariat_assessor").get(reverse("complaints:case", args=[case.pk]))
    assert MARKER in page.content.decode()
    # Every read is logged, by whom.
    reads = AuditEntry.objects.filter(action="complaint_case_read", target_id=str(case.pk))
    assert set(reads.values_list("user__email", flat=True)) == {
        world.users["committee_member"].email,
        world.users["secretariat_assessor"].email,
    }


def test_a_recused_committee_member_gets_the_same_404_as_for_no_case(
    world, django_capture_on_commit_callbacks
):
    case, _digits = complaint()
    colleague = make_user(world.organisations["complaints_committee"], "member")
    services.case_message_post(
        actor=as_actor(world, "committee_member"),
        case=case,
        reader=services.filing.Reader.COMMITTEE,
        body="Zie bijlage.",
        attachments=[evidence()],
        audience="internal",
    )
    attachment = CaseEntry.objects.filter(case=case).latest("id").attachments.get()
    member = world.client("committee_member")
    response = member.post(
        reverse("complaints:case_recuse", args=[case.pk]),
        {"user": world.users["committee_member"].pk},
    )
    assert response.status_code == 302
    member.get(reverse("complaints:cases"))  # shows (and so clears) the flash message
    missing = member.get(reverse("complaints:case", args=[case.pk + 1000]))
    assert missing.status_code == 404
    for url in (
        reverse("complaints:case", args=[case.pk]),
        reverse("complaints:attachment", args=[attachment.pk]),
    ):
        response = member.get(url)
        assert response.status_code == 404
        assert _main(response) == _main(missing)
    assert case.reference not in member.get(reverse("complaints:cases")).content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.case_message_post(
            actor=None,
            case=case,
            reader=services.filing.Reader.COMPLAINANT,
            body="Nieuw bewijs.",
            attachments=[],
        )
    # The colleague still works the case, and only the colleague is told.
    recipients = {address for message in mail.outbox for address in message.to}
    assert colleague.email in recipients
    assert world.users["committee_member"].email not in recipients


def test_a_pending_dispute_blocks_notice_for_both_sides(world):
    company = world.organisations["company"]
    ngo = world.organisations["ngo"]
    CovenantMembership.objects.create(
        organisation=company,
        member_type="full",
        employees=40,
        establishments=1,
        joined_on=timezone.localdate() - timedelta(days=800),
    )
    on = timezone.localdate()
    assert notice_preview(organisation=company, on=on).accepted
    case = dispute(world, by="ngo_admin", against="company")
    refused = notice_preview(organisation=company, on=on)
    assert not refused.accepted and refused.reason == "dispute_pending"
    assert has_pending_dispute(ngo)
    # Giving notice through the page is refused too.
    response = world.client("company_admin").post(
        reverse("members:notice"), {"reason": "We stoppen.", "confirm": "on"}
    )
    assert not Termination.objects.filter(organisation=company).exists()
    assert response.status_code in (200, 400)
    services.case_step_take(
        actor=as_actor(world, "committee_member"), case=case, step="withdrawn", text="Ingetrokken."
    )
    assert notice_preview(organisation=company, on=on).accepted
    assert not has_pending_dispute(ngo)


def test_the_member_concerned_reads_only_what_is_addressed_to_it(world):
    case = dispute(world, by="ngo_admin", against="company")
    committee = as_actor(world, "committee_member")
    services.case_step_take(
        actor=committee,
        case=case,
        step="information",
        text="Graag uw voortgangsrapport.",
        audience="respondent",
    )
    services.case_message_post(
        actor=committee,
        case=case,
        reader=services.filing.Reader.COMMITTEE,
        body="Vraag aan de indiener alleen.",
        attachments=[],
        audience="complainant",
    )
    company = world.client("company_admin")
    page = company.get(reverse("complaints:case", args=[case.pk])).content.decode()
    assert "Graag uw voortgangsrapport." in page
    assert "Vraag aan de indiener alleen." not in page
    assert "Het bedrijf meldt geen voortgang." not in page  # the dispute as filed
    # A company member who is not its administrator does not see it at all.
    assert (
        world.client("company_member").get(reverse("complaints:case", args=[case.pk])).status_code
        == 404
    )
    # The dashboard asks the company to answer.
    dashboard = company.get(reverse("members:dashboard")).content.decode()
    assert case.reference in dashboard
    response = company.post(
        reverse("complaints:case_message", args=[case.pk]), {"body": "Bijgevoegd."}
    )
    assert response.status_code == 302
    entry = CaseEntry.objects.latest("id")
    assert entry.side == "respondent" and entry.audience == "respondent"
    ngo = world.client("ngo_admin").get(reverse("complaints:case", args=[case.pk])).content.decode()
    assert "Het bedrijf meldt geen voortgang." in ngo
    assert "Vraag aan de indiener alleen." in ngo
    assert "Bijgevoegd." not in ngo


def test_a_ruling_is_published_only_when_it_names_nobody(world, client):
    case = dispute(world, by="ngo_admin", against="company")
    committee = as_actor(world, "committee_member")
    services.case_step_take(actor=committee, case=case, step="admissible", text="Ja.")
    services.case_step_take(actor=committee, case=case, step="ruling", text="Gegrond.")
    page = world.client("committee_member")
    response = page.post(
        reverse("complaints:case_publish", args=[case.pk]),
        {"title": "Voortgang", "summary": f"{world.organisations['company'].name} moet melden."},
    )
    assert response.status_code == 400
    assert not PublishedRuling.objects.exists()
    response = page.post(
        reverse("complaints:case_publish", args=[case.pk]),
        {"title": "Voortgang bij vertraging", "summary": "Een lid moet zijn voortgang melden."},
    )
    assert response.status_code == 302
    public = client.get(reverse("complaints:rulings")).content.decode()
    assert "Voortgang bij vertraging" in public
    assert case.reference not in public


def test_the_committee_is_told_of_a_new_case_without_its_content(
    world, client, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _file(client, is_anonymous="", name="Ravi", email="ravi@example.org")
    subjects = [message.subject for message in mail.outbox]
    assert subjects
    for message in mail.outbox:
        assert MARKER not in message.body and "Mazdooron" not in message.body
    committee_mail = [m for m in mail.outbox if world.users["committee_member"].email in m.to]
    assert committee_mail
    complainant_mail = [m for m in mail.outbox if "ravi@example.org" in m.to]
    assert complainant_mail
    assert Case.objects.get().reference in complainant_mail[0].body


def test_the_committee_sees_its_tasks_on_the_dashboard(world):
    complaint()
    committee = world.client("committee_member")
    committee.cookies["django_language"] = "en"
    page = committee.get(reverse("members:dashboard")).content.decode()
    assert "1 case to decide on admissibility" in page


def test_the_intake_is_rate_limited_without_storing_the_address(client, settings):
    settings.COMPLAINTS_INTAKE_RATE = "2/h"
    for _attempt in range(2):
        assert _file(client, REMOTE_ADDR="198.51.100.7").status_code == 200
    response = _file(client, REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 429
    assert Case.objects.count() == 2
    # Another client is not held back by the first.
    assert _file(client, REMOTE_ADDR="198.51.100.8").status_code == 200
    assert (
        not AuditEntry.objects.exclude(ip_address=None)
        .filter(action__startswith="complaint")
        .exists()
    )


@pytest.mark.parametrize("cases", [2, 8])
def test_the_case_list_queries_do_not_grow_with_the_cases(
    world, cases, django_assert_max_num_queries
):
    for _number in range(cases):
        dispute(world, by="ngo_admin", against="company")
    committee = world.client("committee_member")
    with django_assert_max_num_queries(14):
        page = committee.get(reverse("complaints:cases"))
    assert page.status_code == 200
    assert len(page.context["rows"]) == cases


def test_only_the_side_that_was_asked_stops_the_reply_clock(world):
    case = dispute(world, by="ngo_admin", against="company")
    committee = as_actor(world, "committee_member")
    services.case_step_take(
        actor=committee, case=case, step="information", text="Uw kant?", audience="respondent"
    )
    case.refresh_from_db()
    due = case.reply_due
    assert due is not None
    services.case_message_post(
        actor=as_actor(world, "ngo_admin"),
        case=case,
        reader=services.filing.Reader.COMPLAINANT,
        body="Nog een opmerking.",
        attachments=[],
    )
    case.refresh_from_db()
    assert case.reply_due == due  # the NGO was not asked
    services.case_message_post(
        actor=as_actor(world, "company_admin"),
        case=case,
        reader=services.filing.Reader.RESPONDENT,
        body="Hier is onze kant.",
        attachments=[],
    )
    case.refresh_from_db()
    assert case.reply_due is None


def test_a_form_with_errors_does_not_count_against_the_intake_limit(client, settings):
    settings.COMPLAINTS_INTAKE_RATE = "1/h"
    for _attempt in range(3):
        assert _file(client, what="").status_code == 400
    assert _file(client).status_code == 200
    assert _file(client).status_code == 429
