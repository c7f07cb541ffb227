"""Issue 19, item 4: sign-in limits that hold behind the proxy and against spraying.

Behind nginx every request comes from 127.0.0.1; the client's address is read from
X-Forwarded-For, trusting exactly the configured number of proxies. One address spraying
passwords over many accounts is refused past its limit; many addresses at one account are slowed
down, and the account's owner gets in once the short wait is over.
"""

import datetime

import pytest
import time_machine
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from accounts import signin_limits
from ocop_portal.limits import client_address
from tests import factories
from tests.portal.test_settings import PRODUCTION_ENV
from tests.subprocesses import clean_env, manage

pytestmark = pytest.mark.django_db

SIGN_IN = reverse("accounts:login")


def _attempt(client, email, password="sai-mat-khau", address="203.0.113.4", **headers):
    return client.post(
        SIGN_IN, {"username": email, "password": password}, REMOTE_ADDR=address, **headers
    )


def _via_proxy(client_ip: str) -> dict:
    """What nginx sends: the connection from 127.0.0.1, the client appended to the header."""
    return {"address": "127.0.0.1", "HTTP_X_FORWARDED_FOR": f"10.9.9.9, {client_ip}"}


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "6.6.6.6", "127.0.0.1"),  # nothing trusted: the connection's address
        (1, "6.6.6.6, 203.0.113.4", "203.0.113.4"),  # the client's own entry is not believed
        (2, "6.6.6.6, 203.0.113.4, 10.0.0.2", "203.0.113.4"),
        (1, "", "127.0.0.1"),
        (1, "not-an-address", "127.0.0.1"),  # never passed on to axes' inet column
    ],
)
def test_client_address_trusts_exactly_the_configured_proxies(
    settings, proxies, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)

    assert client_address(request) == expected


def test_behind_the_proxy_one_client_cannot_lock_out_the_approver_for_everyone(
    client, settings, today, approver
):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(6):
        _attempt(client, approver.email, **_via_proxy("203.0.113.66"))

    locked = _attempt(client, approver.email, factories.PASSWORD, **_via_proxy("203.0.113.66"))
    own = _attempt(client, approver.email, factories.PASSWORD, **_via_proxy("198.51.100.20"))

    assert locked.status_code != 302
    assert own.status_code == 302


def test_forty_four_failures_sprayed_over_eleven_accounts_are_refused_past_the_limit(
    client, today, producer
):
    emails = [f"nguoi{n}@example.vn" for n in range(10)] + [producer.email]
    answers = [_attempt(client, email).status_code for _ in range(4) for email in emails]

    assert answers[: signin_limits.ADDRESS_FAILURES] == [200] * signin_limits.ADDRESS_FAILURES
    assert set(answers[signin_limits.ADDRESS_FAILURES :]) == {429}
    # Even the right password is refused from that address now; elsewhere it works.
    assert _attempt(client, producer.email, factories.PASSWORD).status_code == 429
    assert _attempt(client, producer.email, factories.PASSWORD, "198.51.100.8").status_code == 302


def test_successful_sign_ins_from_a_shared_address_do_not_count(client, today, producer):
    for _ in range(signin_limits.ADDRESS_FAILURES + 5):
        assert _attempt(client, producer.email, factories.PASSWORD).status_code == 302
        client.logout()

    assert _attempt(client, producer.email, "sai").status_code == 200


def test_many_addresses_at_one_account_are_slowed_down_not_locked_out(
    client, settings, today, approver
):
    # The wait is a cache expiry: a local cache follows the test's clock, Redis would not.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    addresses = [f"198.51.100.{n}" for n in range(1, 6)]
    answers = [
        _attempt(client, approver.email, address=address).status_code
        for address in addresses
        for _ in range(5)
    ]

    checked = answers.count(200)
    assert checked <= signin_limits.ACCOUNT_FREE_FAILURES + 1
    assert answers.count(429) >= 25 - checked
    # The rightful owner, from their own address, waits out the short delay and gets in.
    assert _attempt(client, approver.email, factories.PASSWORD, "192.0.2.10").status_code == 429
    later = datetime.timedelta(seconds=signin_limits.ACCOUNT_MAX_DELAY + 1)
    with time_machine.travel(datetime.datetime.now(datetime.UTC) + later, tick=False):
        owner = _attempt(client, approver.email, factories.PASSWORD, "192.0.2.10")
    assert owner.status_code == 302


def test_the_wait_doubles_and_stops_at_its_ceiling():
    free = signin_limits.ACCOUNT_FREE_FAILURES

    delays = [signin_limits.account_delay(free + n) for n in range(-1, 6)]

    assert delays == [0, 60, 120, 240, 480, 900, 900]


def test_deployment_trusts_exactly_one_proxy_and_nginx_appends_the_client():
    from pathlib import Path

    import yaml

    deploy = Path(__file__).resolve().parents[2] / "deploy"
    compose = yaml.safe_load((deploy / "docker-compose.yml").read_text())
    example = (deploy / "ocop-portal.env.example").read_text().splitlines()

    assert "TRUSTED_PROXY_COUNT=1" in example
    assert compose["services"]["app1"]["environment"]["TRUSTED_PROXY_COUNT"] == "1"
    for site in ("nginx.conf", "nginx-compose.conf"):
        text = (deploy / site).read_text()
        assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in text


def test_deploy_check_warns_when_no_proxy_is_trusted(today):
    without = {k: v for k, v in PRODUCTION_ENV.items() if k != "TRUSTED_PROXY_COUNT"}

    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", env=clean_env(**without), at=timezone.now()
    )

    assert result.returncode != 0
    assert "ocop_portal.W002" in result.stderr
