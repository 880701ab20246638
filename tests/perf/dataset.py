"""All the benchmark data, step by step: what `make bench` makes sure exists."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .annual_data import annual_chains_generate
from .data import bench_company, covenants_generate, levels_generate, log, organisations_generate
from .listing_data import listing_fixtures_generate
from .lists_data import supply_chains_generate

# --- All of it ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DataStep:
    """One part of the benchmark data: makes it complete for `scale` organisations
    (adding only what is missing) and returns {"created": n, "removed": n}."""

    name: str
    ensure: Callable[[int], dict[str, int]]


DATA_STEPS: tuple[DataStep, ...] = (
    DataStep("organisations", organisations_generate),
    DataStep("covenant_memberships", covenants_generate),
    DataStep("levels", levels_generate),
    DataStep("listing_fixtures", listing_fixtures_generate),
    DataStep("supply_chains", supply_chains_generate),
    DataStep("annual_report_chains", annual_chains_generate),
)


def data_ensure(scale: int) -> dict[str, Any]:
    """All benchmark data; returns what was done and how long it took. `created` and
    `removed` count organisations; `steps` has the counts of every step."""
    started = time.monotonic()
    steps: dict[str, dict[str, Any]] = {}
    for step in DATA_STEPS:
        step_started = time.monotonic()
        counts = step.ensure(scale)
        steps[step.name] = {**counts, "seconds": round(time.monotonic() - step_started, 2)}
        if counts["created"] or counts["removed"]:
            log(
                f"{step.name}: {counts['created']} created, {counts['removed']} removed "
                f"in {steps[step.name]['seconds']:.1f} s"
            )
    company = bench_company()
    seconds = time.monotonic() - started
    organisations = steps["organisations"]
    log(
        f"benchmark data at scale {scale}: {organisations['created']} organisations generated, "
        f"{organisations['removed']} removed in {seconds:.1f} s; "
        f"company {company.organisation.name}"
    )
    return {
        "seconds": seconds,
        "created": organisations["created"],
        "removed": organisations["removed"],
        "steps": steps,
    }
