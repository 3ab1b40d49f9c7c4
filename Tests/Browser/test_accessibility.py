"""The accessibility gate: axe-core 4.12 in Chromium on every page of the example site (and the video
page of the test site) in every state the consent script creates, at desktop and phone sizes, in light
and dark colour schemes, with a reflow check; and the Nu HTML Checker on every HTML and CSS file the
build writes. Both gates are shown to fail on a page made broken on purpose."""
import json
import subprocess

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import Server, chromium
from helpers import (action, confirmation, focused, open_dialog, open_dialog_from_footer, save_settings, settings_form,
                     withdraw_in_dialog)

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
VIEWPORTS = {"desktop": (1280, 800), "phone": (320, 640)}
SCHEMES = ["light", "dark"]

# Every page, in each state the consent script can put it in.
SCENARIOS = [
    ("example", "/", "banner"), ("example", "/", "dialog"), ("example", "/", "confirmation"),
    ("example", "/cookies/", "banner"), ("example", "/cookies/", "confirmation"), ("example", "/cookies/", "settings-saved"),
    ("example", "/accessibility/", "banner"), ("example", "/accessibility/", "dialog"),
    ("example", "/accessibility/", "confirmation"),
    ("fixture", "/videos/", "video-placeholder"), ("fixture", "/videos/", "dialog"),
    # Withdrawal: the settings reopened from the footer after a choice, and the page a withdrawal reloads.
    ("example", "/", "dialog-from-footer"), ("example", "/accessibility/", "after-withdrawal"),
    ("example", "/cookies/", "settings-withdrawn"),
    # After a choice, every page: the Cookie settings button at the top; and a banner that asks again.
    ("example", "/accessibility/", "settings-button"), ("bilingual", "/cy/", "settings-button"), ("example", "/", "asked-again"),
    # The Welsh pages of the bilingual site, and an English page with its language switch.
    ("bilingual", "/cy/", "banner"), ("bilingual", "/cy/", "dialog"), ("bilingual", "/cy/", "confirmation"),
    ("bilingual", "/cy/cwcis/", "banner"), ("bilingual", "/cy/cwcis/", "confirmation"),
    ("bilingual", "/cy/cwcis/", "settings-saved"), ("bilingual", "/cookies/", "banner"),
    # The statement and the notice made from records, in both languages.
    ("bilingual", "/privacy/", "banner"), ("bilingual", "/cy/preifatrwydd/", "banner"),
    ("bilingual", "/accessibility/", "dialog"), ("bilingual", "/cy/hygyrchedd/", "banner"),
    # The plain theme, in a council's own GOV.UK Frontend header and footer (Tests/Plain/site).
    ("plain", "/cookies/", "banner"), ("plain", "/cookies/", "settings-saved"), ("plain", "/accessibility/", "settings-button"),
]


@pytest.fixture(scope="session")
def drivers():
    """One browser per viewport and colour scheme, shared by the gate's many page checks."""
    opened = {}

    def get(viewport, scheme):
        if (viewport, scheme) not in opened:
            width, height = VIEWPORTS[viewport]
            opened[(viewport, scheme)] = chromium(width=width, height=height, scheme=scheme)
        return opened[(viewport, scheme)]

    yield get
    for driver in opened.values():
        driver.quit()


def run_axe(driver, axe_source):
    driver.execute_script(axe_source)
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        "  .then((result) => done(result.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help,"
        "     nodes: v.nodes.map((n) => n.target.join(' ') + ': ' + n.failureSummary)}))))"
        "  .catch((error) => done([{id: 'axe-error', help: String(error), nodes: []}]));", AXE_TAGS)


def put_in_state(driver, state):
    if state == "dialog":
        open_dialog(driver)
    elif state == "confirmation":
        action(driver, "accept").click()
        said = confirmation(driver).text
        welsh = driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "cy"
        assert ("Rydych wedi derbyn" if welsh else "You’ve accepted") in said, said
    elif state == "settings-saved":
        form = settings_form(driver)
        for radio in form.find_elements(By.CSS_SELECTOR, 'input[value="0"]'):
            radio.click()
        save_settings(driver, form)
    elif state == "dialog-from-footer":
        action(driver, "accept").click()
        action(driver, "hide").click()
        open_dialog_from_footer(driver)
    elif state == "after-withdrawal":
        action(driver, "accept").click()
        withdraw_in_dialog(driver)
    elif state == "settings-withdrawn":
        action(driver, "accept").click()
        form = settings_form(driver)
        for radio in form.find_elements(By.CSS_SELECTOR, 'input[value="0"]'):
            radio.click()
        save_settings(driver, form)
    elif state == "settings-button":
        action(driver, "accept").click()
        driver.refresh()
        assert driver.find_elements(By.CSS_SELECTOR, ".notice-consent-bar button")
    elif state == "asked-again":
        # A choice made under an older registry: the banner asks again and says why.
        action(driver, "accept").click()
        status = driver.get_cookie("cookie-management-status")
        driver.add_cookie({"name": status["name"], "value": status["value"].replace("%22v%22%3A%22", "%22v%22%3A%22old"), "path": "/"})
        driver.refresh()
        assert "We’ve changed the cookies" in driver.find_element(By.CSS_SELECTOR, ".notice-consent").text
    elif state == "video-placeholder":
        assert driver.find_elements(By.CSS_SELECTOR, "[data-notice-embed] button")


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("site,path,state", SCENARIOS, ids=[f"{s}{p}{st}" for s, p, st in SCENARIOS])
def test_axe_finds_no_violations_and_nothing_scrolls_sideways(site, path, state, viewport, scheme, drivers, axe_source,
                                                             example_site, server, bilingual_site, plain_site):
    driver = drivers(viewport, scheme)
    target = {"example": example_site[1], "bilingual": bilingual_site[1], "plain": plain_site[1]}.get(site, server)
    driver.get(target.url(path))
    driver.delete_all_cookies()
    driver.get(target.url(path))
    put_in_state(driver, state)
    violations = run_axe(driver, axe_source)
    assert violations == [], json.dumps(violations, indent=2, ensure_ascii=False)
    # WCAG 1.4.10 reflow: at 320 CSS pixels nothing needs scrolling sideways.
    widths = driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"the page is {widths[0]}px wide in a {widths[1]}px viewport"


def validate(vnu_jar, *paths):
    """The Nu HTML Checker's errors for HTML and CSS files (a list of 'file:line: message')."""
    result = subprocess.run(["java", "-jar", str(vnu_jar), "--format", "json", "--errors-only", "--also-check-css",
                             "--skip-non-html", *map(str, paths)], capture_output=True, text=True)
    # The checker exits 0 when all is valid and 1 when it found errors; anything else (or no report at
    # all) means it did not check, which must not read as "valid".
    assert result.returncode in (0, 1), f"the Nu checker did not run (exit {result.returncode}): {result.stderr[-500:]}"
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{m.get('url', '')}:{m.get('lastLine', '')}: {m['message']}" for m in messages if m["type"] == "error"]
    assert (result.returncode == 1) == bool(errors) or messages, f"exit {result.returncode} disagrees with the report: {messages[:3]}"
    return errors


def test_every_html_and_css_file_the_build_writes_is_valid(vnu_jar, example_site, built_site, bilingual_site, plain_site):
    # The test site's inline/ page gates a script with src=, the form most consent managers document,
    # which HTML does not allow on a data block (data-src, used everywhere else, is valid); it alone is left out.
    fixture_files = [path for path in built_site.rglob("*") if path.suffix in (".html", ".css")
                     and path.relative_to(built_site).as_posix() != "inline/index.html"]
    assert len(fixture_files) >= 5
    bilingual_files = [path for path in bilingual_site[0].rglob("*") if path.suffix in (".html", ".css")]
    assert len(bilingual_files) >= 8
    plain_files = [path for path in plain_site[0].rglob("*") if path.suffix in (".html", ".css")]
    assert len(plain_files) >= 5
    assert validate(vnu_jar, example_site[0], *fixture_files, *bilingual_files, *plain_files) == []


def test_keyboard_reaches_the_skip_link_then_the_banner_then_the_content(drivers, example_site):
    driver = drivers("desktop", "light")
    driver.get(example_site[1].url("/cookies/"))
    driver.delete_all_cookies()
    driver.get(example_site[1].url("/cookies/"))
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    sequence = [focused(driver).text]
    for _ in range(6):
        focused(driver).send_keys(Keys.TAB)
        sequence.append(focused(driver).text)
    assert sequence == ["Skip to main content", "What the optional cookies are for", "Accept optional cookies", "Reject optional cookies",
                        "Choose which cookies", "Read our cookie policy", "Kent County Council"]
    driver.refresh()
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    assert focused(driver).text == "Skip to main content"
    focused(driver).send_keys(Keys.ENTER)
    assert focused(driver).tag_name == "main", "the skip link moves focus to the main content"


BROKEN_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Broken on purpose</title><link rel="stylesheet" href="broken.css"></head>
<body>
<main>
<h1>Broken on purpose</h1>
<img src="map.png">
<p class="faint">This text is too faint to read.</p>
<p frobnicate="yes">This paragraph has an attribute HTML does not have.</p>
</main>
</body>
</html>
"""


@pytest.fixture
def broken_site(tmp_path):
    (tmp_path / "index.html").write_text(BROKEN_PAGE)
    (tmp_path / "broken.css").write_text(".faint { color: #c8c8c8; background: #ffffff; }\n")
    (tmp_path / "map.png").write_bytes(b"")
    server = Server(tmp_path)
    yield tmp_path, server
    server.close()


def test_the_axe_gate_catches_missing_alt_text_and_low_contrast(drivers, axe_source, broken_site):
    driver = drivers("desktop", "light")
    driver.get(broken_site[1].url("/"))
    found = {violation["id"] for violation in run_axe(driver, axe_source)}
    assert {"image-alt", "color-contrast"} <= found


def test_the_validity_gate_catches_an_invalid_attribute(vnu_jar, broken_site):
    errors = validate(vnu_jar, broken_site[0])
    assert any("frobnicate" in error for error in errors), errors
