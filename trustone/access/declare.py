"""Declaring policies on views: base classes set it, functions use `@access_policy`,
third-party URL patterns are wrapped with `declare()` where they are included."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.urls import URLPattern, URLResolver

from .policies import Policy

POLICY_ATTRIBUTE = "access_policy"
WRITE_POLICY_ATTRIBUTE = "write_policy"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def access_policy(policy: Policy) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator for function views: `@access_policy(PUBLIC)`."""

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        setattr(view, POLICY_ATTRIBUTE, policy)
        return view

    return decorate


def _declared(view: Callable[..., Any], attribute: str) -> Policy | None:
    for holder in (
        view,
        getattr(view, "view_class", None),  # Django class-based views
        getattr(view, "cls", None),  # DRF API views and viewsets
    ):
        policy = getattr(holder, attribute, None)
        if isinstance(policy, Policy):
            return policy
    return None


def policy_of(view: Callable[..., Any]) -> Policy | None:
    """The declared policy of a resolved view callable, or None when it has none."""
    return _declared(view, POLICY_ATTRIBUTE)


def write_policy_of(view: Callable[..., Any]) -> Policy | None:
    """The stricter policy a view declares for unsafe methods, or None (then its
    `access_policy` decides writes too)."""
    return _declared(view, WRITE_POLICY_ATTRIBUTE)


def allows(view: Callable[..., Any], actor: Any, method: str) -> bool:
    """Whether the view's declared policies let `actor` use `method` on it."""
    policy = policy_of(view)
    if policy is None or not policy.allows(actor):
        return False
    write_policy = write_policy_of(view)
    return method in SAFE_METHODS or write_policy is None or write_policy.allows(actor)


def _wrap(view: Callable[..., Any], policy: Policy) -> Callable[..., Any]:
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        return view(*args, **kwargs)

    for attribute in ("__name__", "__qualname__", "__module__", "__doc__", "csrf_exempt"):
        if hasattr(view, attribute):
            setattr(wrapped, attribute, getattr(view, attribute))
    setattr(wrapped, POLICY_ATTRIBUTE, policy)
    wrapped.declared_for = view  # type: ignore[attr-defined]
    return wrapped


def declare(
    policy: Policy,
    patterns: list[Any] | tuple[Any, ...],
    by_name: dict[str, Policy] | None = None,
) -> list[Any]:
    """Give every view in third-party `patterns` (recursively) the policy `policy`, or
    the one `by_name` gives for its URL name."""
    by_name = by_name or {}
    declared: list[Any] = []
    for entry in patterns:
        if isinstance(entry, URLResolver):
            entry.url_patterns  # noqa: B018 -- force the lazy include to load
            resolver = URLResolver(
                entry.pattern,
                declare(policy, entry.url_patterns, by_name),
                entry.default_kwargs,
                entry.app_name,
                entry.namespace,
            )
            declared.append(resolver)
        elif isinstance(entry, URLPattern):
            declared.append(
                URLPattern(
                    entry.pattern,
                    _wrap(entry.callback, by_name.get(entry.name or "", policy)),
                    entry.default_args,
                    entry.name,
                )
            )
        else:  # pragma: no cover - Django only has the two kinds
            raise TypeError(entry)
    return declared
