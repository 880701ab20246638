"""The complainant's own pages (`my_case`, `my_attachment`) are public by policy and open
the complaint whose receipt code this session gave: a session holding one complaint opens
nothing of another case, nor what the committee keeps from the complainant, and nobody
without the receipt (anonymous, or logged in for any organisation in any role) reads any
case content there or writes in a case."""

import pytest
from django.urls import reverse

from complaints import services
from complaints.models import CaseAttachment, CaseEntry
from complaints.rules import receipt_display
from complaints.selectors import Reader
from tests.factories.complaints import MARKER, as_actor, complaint, dispute, evidence
from tests.isolation.harness.case import EVERYONE

pytestmark = pytest.mark.django_db

VISITORS = ("anonymous", *EVERYONE)
OTHER = "Werkplaats zonder nooduitgang Omega-5521"


def _main(response):
    """The page's main content (the whole page differs by its per-request nonce)."""
    text = response.content.decode()
    return text[text.index("<main") : text.index("</main>")]


def _evidence_of(case, side="complainant"):
    return CaseAttachment.objects.get(entry__case=case, entry__side=side)


def _open_with_receipt(client, digits):
    response = client.post(reverse("complaints:receipt"), {"code": receipt_display(digits)})
    assert response.status_code == 302
    assert response.url == reverse("complaints:my_case")


def test_a_session_holding_one_complaint_opens_no_other_case_s_attachment(world, client):
    mine, digits = complaint(attachments=[evidence("mijn.pdf", b"eigen bewijs")])
    other, _digits = complaint(
        content={"what": OTHER, "where": "Kota"},
        attachments=[evidence("ander.pdf", b"ander bewijs")],
    )
    filed = dispute(world, attachments=[evidence("geschil.pdf", b"geschil bewijs")])
    # In the complainant's own case, a note with an attachment for the committee only.
    services.case_message_post(
        actor=as_actor(world, "committee_member"),
        case=mine,
        reader=Reader.COMMITTEE,
        body="Interne notitie.",
        attachments=[evidence("intern.pdf", b"intern bewijs")],
        audience="internal",
    )
    _open_with_receipt(client, digits)
    page = client.get(reverse("complaints:my_case"))
    assert page.status_code == 200
    assert MARKER in page.content.decode() and OTHER not in page.content.decode()
    own = client.get(reverse("complaints:my_attachment", args=[_evidence_of(mine).pk]))
    assert own.status_code == 200 and b"eigen bewijs" in own.content
    last = CaseAttachment.objects.order_by("-pk").first()
    missing = client.get(reverse("complaints:my_attachment", args=[last.pk + 1000]))
    assert missing.status_code == 404
    for attachment, secret in (
        (_evidence_of(other), b"ander bewijs"),
        (_evidence_of(filed), b"geschil bewijs"),
        (_evidence_of(mine, side="committee"), b"intern bewijs"),
    ):
        response = client.get(reverse("complaints:my_attachment", args=[attachment.pk]))
        assert response.status_code == 404
        assert secret not in response.content
        assert _main(response) == _main(missing)
        # Nor through the case pages' attachment URL, which needs an account.
        response = client.get(reverse("complaints:attachment", args=[attachment.pk]))
        assert response.status_code == 302
        assert response.url.startswith("/accounts/login/")
    # Once the complainant leaves, the session opens nothing, not even its own.
    client.post(reverse("complaints:my_case_leave"))
    response = client.get(reverse("complaints:my_attachment", args=[_evidence_of(mine).pk]))
    assert response.status_code == 404 and b"eigen bewijs" not in response.content


@pytest.mark.parametrize("who", VISITORS)
def test_nobody_without_the_receipt_reads_or_writes_a_complaint(world, who):
    case, _digits = complaint(attachments=[evidence("bewijs.pdf", b"geheim bewijs")])
    attachment = _evidence_of(case)
    entries = list(CaseEntry.objects.values_list("pk", flat=True))
    client = world.client(who)
    receipt = reverse("complaints:receipt")
    page = client.get(reverse("complaints:my_case"))
    assert page.status_code == 302 and page.url == receipt, f"{who} got {page.status_code}"
    followed = client.get(reverse("complaints:my_case"), follow=True)
    assert MARKER not in followed.content.decode() and case.reference not in _main(followed)
    answer = client.post(reverse("complaints:my_case"), {"body": "Ik ben de klager."})
    assert answer.status_code == 302 and answer.url == receipt
    response = client.get(reverse("complaints:my_attachment", args=[attachment.pk]))
    assert response.status_code == 404, f"{who} got {response.status_code}"
    assert b"geheim bewijs" not in response.content
    assert list(CaseEntry.objects.values_list("pk", flat=True)) == entries
