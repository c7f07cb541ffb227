"""How often anyone may try a password: slowed down rather than locked out.

Three limits, each answering a different attack:

1. One account from one address (django-axes, settings.AXES_*): 5 failures, then that address
   may not try that account for 30 minutes. The account's owner elsewhere is not affected.
2. One address across all accounts (password spraying): every sign-in POST counts, before the
   password is checked, and a successful sign-in takes its count back; past
   ``ADDRESS_FAILURES`` in ``ADDRESS_WINDOW`` seconds the address is refused until the window
   ends. An office behind one shared address signs in normally: only failures accumulate.
3. One account from many addresses: after ``ACCOUNT_FREE_FAILURES`` failures (counted over
   ``ACCOUNT_WINDOW``), each further attempt must wait a delay that doubles with every failure,
   from one minute up to ``ACCOUNT_MAX_DELAY``; attempts inside the delay are refused without
   checking the password. The account is never locked: its owner can try again after the
   delay, or reset the password by email at once, and a successful sign-in clears the count.

Counters live in the shared cache (Redis in production), keyed by the client address as
``ocop_portal.limits.client_address`` reads it behind the proxy.
"""

import hashlib
from dataclasses import dataclass

from django.core.cache import cache

from ocop_portal import limits

ADDRESS_FAILURES = 20
ADDRESS_WINDOW = 3600
ACCOUNT_FREE_FAILURES = 10
ACCOUNT_WINDOW = 24 * 3600
ACCOUNT_FIRST_DELAY = 60
ACCOUNT_MAX_DELAY = 15 * 60


@dataclass(frozen=True)
class Refusal:
    """Why an attempt is refused and how many seconds to wait (at most)."""

    reason: str  # "address" or "account"
    seconds: int


def _account(username: str) -> str:
    return hashlib.sha256(username.strip().lower().encode()).hexdigest()[:32]


def _address_key(address: str) -> str:
    return f"signin:address:{address}"


def _failures_key(username: str) -> str:
    return f"signin:account:{_account(username)}"


def _slot_key(username: str) -> str:
    return f"signin:account-slot:{_account(username)}"


def account_delay(failures: int) -> int:
    """Seconds between two attempts at an account that failed `failures` times."""
    if failures < ACCOUNT_FREE_FAILURES:
        return 0
    doublings = min(failures - ACCOUNT_FREE_FAILURES, 10)
    return min(ACCOUNT_FIRST_DELAY * 2**doublings, ACCOUNT_MAX_DELAY)


def before_attempt(address: str, username: str) -> Refusal | None:
    """Count the attempt; a Refusal when it must not reach the password check."""
    if limits.hit(_address_key(address), ADDRESS_WINDOW) > ADDRESS_FAILURES:
        return Refusal("address", ADDRESS_WINDOW)
    delay = account_delay(cache.get(_failures_key(username)) or 0)
    # One attempt per delay, whoever makes it: add() is atomic, so parallel tries get one slot.
    if delay and not cache.add(_slot_key(username), 1, delay):
        return Refusal("account", delay)
    return None


def after_attempt(address: str, username: str, *, succeeded: bool) -> None:
    if succeeded:
        limits.undo(_address_key(address))
        cache.delete_many([_failures_key(username), _slot_key(username)])
    else:
        limits.hit(_failures_key(username), ACCOUNT_WINDOW)
