"""The dashboard's task list, composed from what each app registers.

A task is `(label, url)`: something the actor's organisation still has to do. Each app
registers a callable `tasks(actor) -> list[(label, url)]` in its AppConfig.ready(); the
callable decides itself which actors it has tasks for. The dashboard lists them in the
order the apps are installed.
"""

from __future__ import annotations

from collections.abc import Callable

from trustone.access.actor import Actor
from trustone.hooks import Hook

Task = tuple[str, str]
TaskSource = Callable[[Actor], list[Task]]

task_sources: Hook[TaskSource] = Hook("dashboard tasks")
register_tasks = task_sources.register


def tasks_for(actor: Actor) -> list[Task]:
    """Every registered app's tasks for the actor's organisation; none without one."""
    if actor.organisation is None:
        return []
    return [task for source in task_sources for task in source(actor)]
