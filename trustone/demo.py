"""Demo data, composed from what each app seeds.

`manage.py seed_demo` (members) creates the organisations and the demo users, then runs
every seeder the apps registered in their AppConfig.ready(), in the order the apps are
installed. A seeder takes the demo organisations by name and must be idempotent.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from trustone.hooks import Hook

Seeder = Callable[[dict[str, Any]], None]
demo_seeders: Hook[Seeder] = Hook("demo seeders")
register_seeder = demo_seeders.register

#: Seeders that report over what every other seeder made (the annual report): they run
#: after all of them.
demo_summaries: Hook[Seeder] = Hook("demo summaries")
register_summary = demo_summaries.register
