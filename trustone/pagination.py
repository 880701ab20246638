"""Pagination for list pages: the page and the query string to keep filters on."""

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest


def paginate(request: HttpRequest, items: Any, per_page: int = 25) -> dict[str, Any]:
    """{"page": the requested page, "query": the other GET parameters, url-encoded}."""
    query = request.GET.copy()
    query.pop("page", None)
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    return {"page": page, "query": query.urlencode()}
