"""Who is asking (the client's address behind the proxy) and how often they may ask.

One address function for every limit: django-axes (``AXES_CLIENT_IP_CALLABLE``), the sign-in
throttles (``accounts.signin_limits``) and the public forms' limits below. Behind nginx every
request comes from 127.0.0.1; nginx appends the address it saw to ``X-Forwarded-For``, so with
``TRUSTED_PROXY_COUNT`` proxies in front the client is the entry that many places from the right.
Entries further left were written by the client and are never believed.

Public forms (label report, sign-up, password reset, the confirmation email sent again by
signing up again) count every POST, valid or not, before the form is even read: the count is
one atomic increment in the shared cache, so twelve simultaneous posts cannot all slip under a
limit of five.
"""

import contextlib
import ipaddress
from dataclasses import dataclass

from django.conf import settings
from django.core import checks
from django.core.cache import cache


@checks.register(checks.Tags.security, deploy=True)
def check_proxy_count(app_configs=None, **kwargs):
    """Production runs behind nginx (deploy/): with no trusted proxy every visitor would have
    the proxy's address, and one person's failures would pause sign-in for everybody."""
    if settings.TRUSTED_PROXY_COUNT <= 0:
        return [
            checks.Warning(
                "TRUSTED_PROXY_COUNT is 0: behind a proxy every client has the proxy's address.",
                hint="Set TRUSTED_PROXY_COUNT=1 behind deploy/nginx.conf (deploy/README.md, "
                "'Client addresses and limits').",
                id="ocop_portal.W002",
            )
        ]
    return []


def client_ip(request) -> str | None:
    """The client's IP address as the first trusted proxy saw it (REMOTE_ADDR without one);
    None when the request has no address (django-axes, ``AXES_CLIENT_IP_CALLABLE``, stores
    it in an inet column)."""
    remote = request.META.get("REMOTE_ADDR") or None
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if proxies <= 0 or not forwarded:
        return remote  # nothing trusted, or not through the proxy (a check on the app server)
    # The rightmost `proxies` entries were appended by our own proxies; with fewer entries the
    # leftmost one was still written by a proxy of ours.
    candidate = forwarded[-proxies] if len(forwarded) >= proxies else forwarded[0]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:  # a misconfigured count would otherwise pass the client's own text on
        return remote


def client_address(request) -> str:
    """client_ip() as a key for the limits: never empty."""
    return client_ip(request) or "unknown"


@dataclass(frozen=True)
class Limit:
    """At most ``count`` POSTs per ``seconds`` from one address, for the form named ``scope``."""

    scope: str
    count: int
    seconds: int

    def key(self, address: str) -> str:
        return f"limit:{self.scope}:{address}"

    def hit(self, address: str) -> bool:
        """Count one attempt now; True when it is over the limit (refuse it)."""
        return hit(self.key(address), self.seconds) > self.count


def hit(key: str, seconds: int) -> int:
    """Add one to ``key``'s counter, which starts with the first hit and lasts ``seconds``;
    return the new count. add() and incr() are atomic in Redis and in the local-memory cache."""
    if cache.add(key, 1, seconds):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between the two calls: this hit starts a new window
        cache.add(key, 1, seconds)
        return 1


def undo(key: str) -> None:
    """Take back one hit (a sign-in that succeeded does not count against the address)."""
    with contextlib.suppress(ValueError):
        cache.decr(key)


LABEL_REPORT = Limit("label-report", 5, 3600)
SIGN_UP = Limit("sign-up", 10, 3600)
PASSWORD_RESET = Limit("password-reset", 10, 3600)
