"""The minified consent files are exactly what the documented step (`make minify`) makes from the
readable sources, so nobody can ship a hand-edited minified file."""
import pathlib
import subprocess

CONSENT = pathlib.Path(__file__).resolve().parents[2] / "themes" / "default" / "consent"


def minify(name):
    return subprocess.run(["esbuild", "--minify", "--target=es2020", "--charset=utf8", "--log-level=warning",
                           str(CONSENT / name)], check=True, capture_output=True, text=True).stdout


def test_minified_script_matches_its_source():
    assert (CONSENT / "consent.min.js").read_text(encoding="utf-8") == minify("consent.js"), "run `make minify` and commit"


def test_minified_stylesheet_matches_its_source():
    assert (CONSENT / "consent.min.css").read_text(encoding="utf-8") == minify("consent.css"), "run `make minify` and commit"


def test_minified_script_keeps_the_settings_placeholder_once():
    assert (CONSENT / "consent.min.js").read_text(encoding="utf-8").count("NOTICE_CONFIG") == 1
