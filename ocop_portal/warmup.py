"""What every worker would otherwise build during its first requests, built once in the
gunicorn master before it forks (deploy/gunicorn.conf.py, ``when_ready``).

Compiled templates, the URL resolver, the score sheets' rendered criteria text, the working-day
calendars and the modules imported on first use are kept per process: without this, each new
worker (five at start, and one every thousand requests as workers are recycled) answered its
first page of each kind 0.1 to 1.2 s late. Forked workers share what the master built. Nothing
here reads the database or opens a connection (a socket opened before the fork would be shared
by every worker).
"""

import contextlib
import importlib
import logging
import time
from pathlib import Path

from django.conf import settings
from django.template import TemplateSyntaxError, engines
from django.urls import NoReverseMatch, URLResolver, get_resolver, reverse
from django.utils import timezone, translation

from councils.sheet_text import sheet_text
from criteria import scoring
from dossiers import working_days

log = logging.getLogger(__name__)


def _compile_django_templates() -> int:
    backend = engines["django"]
    compiled = 0
    for directory in backend.template_dirs:  # the project's and every app's
        root = Path(directory)
        for path in sorted(root.rglob("*.html")):
            try:
                backend.engine.get_template(str(path.relative_to(root)))
            except TemplateSyntaxError:
                # A library's template that only compiles inside its own tests or tags
                # (never one of ours: the test suite renders those).
                continue
            compiled += 1
    return compiled


def _compile_jinja2_templates() -> int:
    environment = engines["jinja2"].env
    names = environment.list_templates()
    for name in names:
        environment.get_template(name)
    return len(names)


def _build_sheet_texts() -> int:
    built = 0
    for info in scoring.list_criteria_sets("26/2026"):
        criteria_set = scoring.load_criteria_set("26/2026", info.number)
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                sheet_text(criteria_set)
            built += 1
    return built


def _map_urls(resolver: URLResolver, prefix: str = "") -> int:
    # reverse() maps the names of the root URLconf, and of each namespace (evaluations:,
    # admin:…) through a resolver of its own, on first use and per language. A name no pattern
    # has maps a namespace without matching anything.
    with contextlib.suppress(NoReverseMatch):
        reverse(f"{prefix}-")
    return 1 + sum(
        _map_urls(included, f"{prefix}{namespace}:")
        for namespace, (_prefix, included) in resolver.namespace_dict.items()
    )


def _build_calendars() -> int:
    # The officers' step clocks: the holidays package imports its country modules on first use,
    # nearly three hundred of them (0.15 s of the first list of dossiers a worker served).
    this_year = timezone.localdate().year
    years = (this_year - 1, this_year, this_year + 1)
    for year in years:
        working_days.year_calendar(year)
    return len(years)


def _import_cache_client() -> int:
    # Django's Redis cache imports redis-py (fifty modules) when a worker first reads the cache:
    # the module only, as its connections must be each worker's own.
    if settings.CACHES["default"]["BACKEND"].endswith("RedisCache"):
        importlib.import_module("redis")
        return 1
    return 0


def warm() -> dict[str, int]:
    started = time.perf_counter()
    url_maps = 0
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            translation.gettext("OCOP portal")  # loads the language's catalogue
            url_maps += _map_urls(get_resolver())
    done = {
        "url maps": url_maps,
        "django templates": _compile_django_templates(),
        "jinja2 templates": _compile_jinja2_templates(),
        "sheet texts": _build_sheet_texts(),
        "calendars": _build_calendars(),
        "cache client": _import_cache_client(),
    }
    log.info("warmed in %.1f s: %s", time.perf_counter() - started, done)
    return done
