"""The production static storage: the manifest's hashed names, each URL worked out once."""

import json

import pytest

from ocop_portal.static_storage import StaticFilesStorage


@pytest.fixture
def storage(tmp_path, settings):
    settings.DEBUG = False
    manifest = {"version": "1.1", "hash": "x", "paths": {"css/portal.css": "css/portal.5f3a.css"}}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    return StaticFilesStorage(location=tmp_path, base_url="/static/")


def test_a_file_is_served_under_its_hashed_name(storage):
    assert storage.url("css/portal.css") == "/static/css/portal.5f3a.css"


def test_the_url_is_worked_out_once(storage):
    storage.url("css/portal.css")
    storage.hashed_files["css/portal.css"] = "css/portal.other.css"

    assert storage.url("css/portal.css") == "/static/css/portal.5f3a.css"


def test_a_file_missing_from_the_manifest_is_refused_every_time(storage):
    for _attempt in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("js/missing.js")
