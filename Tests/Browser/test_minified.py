"""The minified consent files are exactly what the documented step (`make minify`) makes from the
readable sources, so nobody can ship a hand-edited minified file."""
import pathlib
import subprocess

import pytest

CONSENT = pathlib.Path(__file__).resolve().parents[2] / "themes" / "default" / "consent"
SOURCES = ["consent.js", "consent.css", "consent-settings.js", "consent-settings.css"]


def minify(name):
    return subprocess.run(["esbuild", "--minify", "--target=es2020", "--charset=utf8", "--log-level=warning",
                           str(CONSENT / name)], check=True, capture_output=True, text=True).stdout


@pytest.mark.parametrize("source", SOURCES)
def test_minified_file_matches_its_source(source):
    minified = source.replace(".", ".min.", 1)
    assert (CONSENT / minified).read_text(encoding="utf-8") == minify(source), "run `make minify` and commit"


@pytest.mark.parametrize("script,placeholder", [("consent.min.js", "NOTICE_CONFIG"), ("consent-settings.min.js", "NOTICE_SETTINGS")])
def test_minified_scripts_keep_their_settings_placeholder_once(script, placeholder):
    assert (CONSENT / script).read_text(encoding="utf-8").count(placeholder) == 1
