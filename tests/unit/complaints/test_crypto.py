"""Complaint content encrypted at rest: authenticated, under keys from the environment,
rotatable."""

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from complaints import crypto

OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()


def test_text_goes_in_encrypted_and_comes_back() -> None:
    token = crypto.encrypt_text("Mijn loon is niet betaald — Ravi, groeve 7")
    assert b"Ravi" not in token and b"loon" not in token
    assert crypto.decrypt_text(token) == "Mijn loon is niet betaald — Ravi, groeve 7"


def test_a_token_that_was_altered_is_refused() -> None:
    token = bytearray(crypto.encrypt_text("bewijs"))
    token[-5] ^= 1
    with pytest.raises(crypto.InvalidToken):
        crypto.decrypt(bytes(token))


def test_a_key_is_rotated_without_losing_what_the_old_one_encrypted() -> None:
    with override_settings(COMPLAINTS_KEYS=[OLD]):
        token = crypto.encrypt_text("klacht")
    with override_settings(COMPLAINTS_KEYS=[NEW, OLD]):  # the new key first
        assert crypto.decrypt_text(token) == "klacht"
        token = crypto.rotated(token)
    with override_settings(COMPLAINTS_KEYS=[NEW]):  # the old key dropped
        assert crypto.decrypt_text(token) == "klacht"
    with override_settings(COMPLAINTS_KEYS=[OLD]), pytest.raises(crypto.InvalidToken):
        crypto.decrypt_text(token)


@pytest.mark.parametrize("keys", [[], ["not-a-key"]])
def test_without_a_usable_key_nothing_is_encrypted(keys) -> None:
    with override_settings(COMPLAINTS_KEYS=keys), pytest.raises(ImproperlyConfigured):
        crypto.encrypt_text("klacht")


def test_the_system_check_refuses_to_run_without_a_key() -> None:
    from complaints.checks import complaint_keys_check

    assert complaint_keys_check(None) == []
    with override_settings(COMPLAINTS_KEYS=[]):
        assert [error.id for error in complaint_keys_check(None)] == ["complaints.E001"]
