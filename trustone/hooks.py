"""Hooks: how a lower app learns what a higher one knows without importing it.

Apps depend one way (trustone ← members ← supplychain ← assessments ← complaints,
procurement). Where a lower app must show what a higher app knows — a dispute that
blocks notice, a note on the public listing, a task on the dashboard, its part of the
demo data — the lower app declares a `Hook` and the higher app registers a callable in
its `AppConfig.ready()`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


class Hook(Generic[F]):
    """An ordered set of registered callables. Registering twice keeps one."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._callables: list[F] = []

    def register(self, function: F) -> F:
        if function not in self._callables:
            self._callables.append(function)
        return function

    def unregister(self, function: F) -> None:
        if function in self._callables:
            self._callables.remove(function)

    def __iter__(self) -> Iterator[F]:
        return iter(list(self._callables))

    def __len__(self) -> int:
        return len(self._callables)

    def __repr__(self) -> str:
        return f"<Hook {self.name}: {len(self)} registered>"
