"""A test client that authenticates like a company's own system: with an API token."""

from __future__ import annotations

from typing import Any

from django.test import Client
from knox.models import AuthToken


def token_client(user: Any, organisation: Any = None) -> Client:
    _token, key = AuthToken.objects.create(user=user)
    headers = {"HTTP_AUTHORIZATION": f"Token {key}"}
    if organisation is not None:
        headers["HTTP_X_TRUSTONE_ORGANISATION"] = str(organisation.pk)
    return Client(**headers)
