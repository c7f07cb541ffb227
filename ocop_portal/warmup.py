"""What every worker would otherwise build during its first requests, built once in the
gunicorn master before it forks (deploy/gunicorn.conf.py, ``when_ready``).

Compiled templates, the URL resolver and the score sheets' rendered criteria text are kept per
process and built on first use: without this, each new worker (five at start, and one every
thousand requests as workers are recycled) answered its first page of each kind 0.5 to 1.2 s
late. Forked workers share what the master built. Nothing here reads the database.
"""

import logging
import time
from pathlib import Path

from django.conf import settings
from django.template import TemplateSyntaxError, engines
from django.urls import reverse
from django.utils import translation

from councils.sheet_text import sheet_text
from criteria import scoring

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


def warm() -> dict[str, int]:
    started = time.perf_counter()
    reverse("home")  # fills the URL resolver's caches
    for language, _name in settings.LANGUAGES:
        with translation.override(language):  # loads each language's catalogue
            translation.gettext("OCOP portal")
    done = {
        "django templates": _compile_django_templates(),
        "jinja2 templates": _compile_jinja2_templates(),
        "sheet texts": _build_sheet_texts(),
    }
    log.info("warmed in %.1f s: %s", time.perf_counter() - started, done)
    return done
