"""A facility keeps its identity across supplier-list uploads: re-uploading upserts, a row
that is gone removes only its own facility, and a facility a risk or a submitted report
refers to is archived instead of deleted."""

import io

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import Report, ReportingPeriod, ReportStatus, Risk
from assessments.report.selectors import snapshot_of
from supplychain.models import Chain, Facility
from supplychain.selectors import access_facility, facilities_of
from supplychain.services import supplier_list_import
from supplychain.upload import read_rows, validate_rows
from tests.factories import CovenantMembershipFactory
from trustone.access.actor import Actor
from trustone.access.errors import NotFound

pytestmark = pytest.mark.django_db

HEADER = [
    "product",
    "fabriek_naam",
    "fabriek_plaats",
    "fabriek_land",
    "fabriek_breedtegraad",
    "fabriek_lengtegraad",
    "groeve_naam",
    "groeve_land",
    "inkoopvolume_euro",
]
FIRST = [
    [
        "Kandla Grey",
        "Rajasthan Stone Works Pvt. Ltd.",
        "Kota",
        "IN",
        "",
        "",
        "Bijolia",
        "IN",
        "300",
    ],
    [
        "Sagar Black",
        "Shree Ganesh Marbles",
        "Udaipur",
        "IN",
        "24.5854",
        "73.7125",
        "Bijolia",
        "IN",
        "200",
    ],
    ["G654", "Xiamen Stone Co", "Xiamen", "CN", "", "", "", "", "100"],
]


def csv(rows):
    return "\n".join(";".join(row) for row in [HEADER, *rows]).encode()


def import_list(world, rows):
    validation = validate_rows(read_rows("lijst.csv", csv(rows)))
    assert validation.is_valid, validation.problems
    company = world.organisations["company"]
    actor = Actor(user=world.users["company_admin"], organisation=company, role="admin")
    return supplier_list_import(actor=actor, organisation=company, chains=validation.chains)


def ids(kind=None):
    facilities = Facility.objects.all() if kind is None else Facility.objects.filter(kind=kind)
    return {f.name: f.pk for f in facilities}


def chain_ids():
    return {c.product: c.pk for c in Chain.objects.all()}


@pytest.fixture
def report(world, framework_v1):
    company = world.organisations["company"]
    CovenantMembershipFactory(organisation=company)
    period = ReportingPeriod.objects.create(
        year=2026, deadline="2027-03-01", framework=framework_v1
    )
    return Report.objects.create(organisation=company, period=period, framework=framework_v1)


def risk_on(report, facility):
    return Risk.objects.create(
        report=report,
        theme="child_labour",
        region="Kota, Rajasthan",
        facility=facility,
        scale=3,
        scope=2,
        irremediability=3,
        likelihood=2,
        justification="Kinderen in de keienwerven.",
    )


def test_a_re_upload_written_differently_keeps_every_id(world, report) -> None:
    import_list(world, FIRST)
    factories, quarries, chains = ids("factory"), ids("quarry"), chain_ids()
    risk = risk_on(report, Facility.objects.get(name="Rajasthan Stone Works Pvt. Ltd."))
    again = [
        [
            "kandla grey",
            "RAJASTHAN STONE-WORKS pvt ltd",
            "kota",
            "in",
            "",
            "",
            "bijolia ",
            "IN",
            "350",
        ],
        # renamed, but at the same coordinates
        [
            "Sagar Black",
            "Ganesh Marble Industries",
            "Udaipur",
            "IN",
            "24.58541",
            "73.71249",
            "BIJOLIA",
            "IN",
            "200",
        ],
        ["G654", "Xiamen Stone Co.", "Xiamen", "CN", "", "", "", "", "100"],
    ]

    import_list(world, again)

    assert set(ids("factory").values()) == set(factories.values())
    assert ids("quarry") == {"bijolia": quarries["Bijolia"]}  # the file's first spelling
    assert set(chain_ids().values()) == set(chains.values())
    renamed = Facility.objects.get(pk=factories["Shree Ganesh Marbles"])
    assert renamed.name == "Ganesh Marble Industries"
    assert Chain.objects.get(pk=chains["Kandla Grey"]).volume_eur == 350
    risk.refresh_from_db()  # the plan of action still points at the same factory
    assert risk.facility_id == factories["Rajasthan Stone Works Pvt. Ltd."]
    assert risk.facility.name == "RAJASTHAN STONE-WORKS pvt ltd"
    assert not Facility.objects.filter(archived_at__isnull=False).exists()


def test_a_row_that_is_gone_removes_only_its_own_facility_and_chain(world) -> None:
    import_list(world, FIRST)
    before, chains = ids(), chain_ids()

    import_list(world, FIRST[:2])

    assert ids() == {name: pk for name, pk in before.items() if name != "Xiamen Stone Co"}
    assert chain_ids() == {p: pk for p, pk in chains.items() if p != "G654"}
    assert not Facility.objects.filter(pk=before["Xiamen Stone Co"]).exists()


def test_a_facility_a_risk_refers_to_is_archived_and_the_risk_keeps_it(world, report) -> None:
    import_list(world, FIRST)
    xiamen = Facility.objects.get(name="Xiamen Stone Co")
    risk = risk_on(report, xiamen)
    company = world.organisations["company"]
    actor = Actor(user=world.users["company_admin"], organisation=company, role="admin")

    import_list(world, FIRST[:2])

    risk.refresh_from_db()
    assert risk.facility_id == xiamen.pk
    assert risk.facility.name == "Xiamen Stone Co"  # still readable where referenced
    assert Facility.objects.get(pk=xiamen.pk).archived_at is not None
    assert xiamen.pk not in facilities_of(actor, company).values_list("pk", flat=True)
    assert xiamen.pk in facilities_of(actor, company, including=xiamen.pk).values_list(
        "pk", flat=True
    )
    with pytest.raises(NotFound):
        access_facility(actor, xiamen.pk)
    page = world.client("company_member").get(reverse("supplychain:supplier_list"))
    assert "Xiamen Stone Co" not in page.content.decode()
    # editing the risk keeps its (archived) facility selectable
    form = world.client("company_member").get(reverse("assessments:risk_edit", args=[risk.pk]))
    assert f'value="{xiamen.pk}" selected' in form.content.decode()

    # listed again, it comes back with the same id
    import_list(world, FIRST)
    assert Facility.objects.get(pk=xiamen.pk).archived_at is None
    assert Facility.objects.filter(name="Xiamen Stone Co").count() == 1


def test_the_snapshot_records_facility_ids_and_keeps_them_from_being_deleted(world, report) -> None:
    import_list(world, FIRST)
    factories, quarries = ids("factory"), ids("quarry")
    snapshot = snapshot_of(report)
    recorded = {
        chain["product"]: (chain["factory"]["id"], (chain["quarry"] or {}).get("id"))
        for chain in snapshot["chains"]
    }
    assert recorded == {
        "Kandla Grey": (factories["Rajasthan Stone Works Pvt. Ltd."], quarries["Bijolia"]),
        "Sagar Black": (factories["Shree Ganesh Marbles"], quarries["Bijolia"]),
        "G654": (factories["Xiamen Stone Co"], None),
    }
    assert {chain["id"] for chain in snapshot["chains"]} == set(chain_ids().values())
    Report.objects.filter(pk=report.pk).update(
        snapshot=snapshot, status=ReportStatus.SUBMITTED, submitted_at=timezone.now()
    )

    import_list(world, FIRST[:1])

    archived = Facility.objects.filter(archived_at__isnull=False).values_list("name", flat=True)
    assert sorted(archived) == ["Shree Ganesh Marbles", "Xiamen Stone Co"]


def test_a_failed_import_changes_nothing(world, monkeypatch) -> None:
    import_list(world, FIRST)
    before = list(Facility.objects.values().order_by("pk"))
    chains_before = list(Chain.objects.values().order_by("pk"))

    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(Chain.objects, "bulk_create", broken)
    changed = [["Kandla Grey", "Rajasthan Stone Works", "Kota", "IN", "", "", "", "", "1"]]
    changed += [["Nieuw", "Nieuwe Fabriek", "Delhi", "IN", "", "", "", "", "5"]]
    with pytest.raises(RuntimeError):
        import_list(world, changed)

    assert list(Facility.objects.values().order_by("pk")) == before
    assert list(Chain.objects.values().order_by("pk")) == chains_before


def test_the_browser_upload_keeps_ids_too(world) -> None:
    import_list(world, FIRST)
    before = ids()
    client = world.client("company_admin")
    file = io.BytesIO(csv(FIRST))
    file.name = "lijst.csv"
    response = client.post(reverse("supplychain:upload"), {"file": file})
    client.post(reverse("supplychain:upload_confirm", args=[response.context["upload"].pk]))
    assert ids() == before
