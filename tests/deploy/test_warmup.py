"""The gunicorn master builds, before it forks, what every worker would otherwise build on its
first requests (ocop_portal.warmup): each new worker's first sheet or list used to take 0.5 to
1.2 s, at start and again each time a worker is recycled."""

import gc
import runpy

from django.template import engines
from django.urls import URLResolver, clear_url_caches, reverse
from django.utils import timezone, translation

import ocop_portal.warmup
from councils.sheet_text import _sheet_text
from criteria import scoring
from dossiers import working_days
from ocop_portal.warmup import warm
from tests.subprocesses import ROOT


def test_warming_touches_no_database_and_builds_every_sheet_text_and_template():
    # No django_db mark: any query here would fail the test (the master has no connection to
    # hand to its workers).
    _sheet_text.cache_clear()

    done = warm()

    sets = len(scoring.list_criteria_sets("26/2026"))
    assert done["sheet texts"] == sets * 2  # Vietnamese and English
    assert _sheet_text.cache_info().currsize == sets * 2
    assert done["jinja2 templates"] >= 4
    cached = engines["django"].engine.template_loaders[0].get_template_cache
    assert {"base.html", "evaluations/sheets/sheet.html", "evaluations/dossier_list.html"} <= set(
        cached
    )


def test_warming_maps_every_namespaces_urls_in_each_language_and_builds_the_calendars(
    monkeypatch,
):
    # What a worker's first list of dossiers still built after the templates were warm: the
    # names of each URL namespace (once per language) and the holidays package's calendars.
    clear_url_caches()
    working_days.year_calendar.cache_clear()

    warm()

    mapped, populate = [], URLResolver._populate

    def recording(resolver):
        mapped.append(resolver)
        populate(resolver)

    monkeypatch.setattr(URLResolver, "_populate", recording)
    for language in ("vi", "en"):
        with translation.override(language):
            reverse("home")
            reverse("evaluations:dossier-list")
            reverse("admin:index")
    assert mapped == []
    built = working_days.year_calendar.cache_info().misses
    working_days.add_working_days(timezone.localdate(), 10)  # a step's clock
    assert working_days.year_calendar.cache_info().misses == built == 3  # last, this, next year


def test_the_gunicorn_master_warms_before_forking(monkeypatch):
    config = runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))
    calls = []
    monkeypatch.setattr(ocop_portal.warmup, "warm", lambda: calls.append("warm"))

    frozen = gc.get_freeze_count()
    try:
        config["when_ready"](server=None)

        assert config["preload_app"] is True  # the workers are forked from the warmed master
        assert calls == ["warm"]
        assert gc.get_freeze_count() > frozen  # and the garbage collector leaves it alone
    finally:
        gc.unfreeze()
