from typing import Any

from django.http import HttpRequest

from .actor import ANONYMOUS


def actor(request: HttpRequest) -> dict[str, Any]:
    return {"actor": getattr(request, "actor", ANONYMOUS)}
