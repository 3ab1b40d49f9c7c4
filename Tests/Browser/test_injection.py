"""Hostile values in every field an editor controls (registry, site.yaml, front matter, theme texts,
Markdown) must come out as text: in the built HTML, the consent script, cookies.json and cookies.csv,
and in real Chromium, served without any Content-Security-Policy so that nothing hides an injection."""
import csv
import functools
import html.parser
import http.server
import io
import json
import pathlib
import re
import threading

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPOSITORY, build
from helpers import action, banner

# Breaks out of attributes and elements, runs script three ways, and names inherited JavaScript properties.
PAYLOAD = "\"'><script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"><svg onload=window.__pwned=3>{constructor}{__proto__}{toString}javascript:alert(1)&amp;"
# For places that cannot hold both quote characters (a directive's quoted argument).
ARGUMENT = "<img src=x onerror=window.__pwned=4>{constructor}"
# For places whose value must stay a valid address: hostile only in its query.
ADDRESS = "https://www.example.gov.uk/?q=%22%3E%3Cscript%3Ewindow.__pwned=5%3C/script%3E&x=\"><script>window.__pwned=6</script>"


def quoted(text):
    """A YAML double-quoted scalar."""
    return json.dumps(text)


def hostile_site(folder):
    (folder / "pages").mkdir(parents=True)
    (folder / "site.yaml").write_text(f"""
title: {quoted(PAYLOAD)}
baseURL: https://www.example.gov.uk
policyPage: cookies
navigation:
  - title: {quoted(PAYLOAD)}
    page: cookies
  - title: {quoted(PAYLOAD)}
    url: {quoted(ADDRESS)}
strings:
  layout:
    skipLink: {quoted(PAYLOAD)}
    cookieSettings: {quoted(PAYLOAD)}
  page:
    lastUpdated: {quoted(PAYLOAD)}
  notFound:
    title: {quoted(PAYLOAD)}
    body: {quoted(PAYLOAD + " [home]({home})")}
  cookieTable:
    name: {quoted(PAYLOAD)}
    captionService: {quoted(PAYLOAD + " {service}")}
  consent:
    noScript: {quoted(PAYLOAD)}
    ui:
      heading: {quoted(PAYLOAD + " {site}")}
      essential: {quoted(PAYLOAD)}
      accept: {quoted(PAYLOAD)}
      reject: {quoted(PAYLOAD)}
      choose: {quoted(PAYLOAD)}
      accepted: {quoted(PAYLOAD)}
      chosen: {quoted(PAYLOAD + " {categories}")}
      use: {quoted(PAYLOAD)}
      settingsHeading: {quoted(PAYLOAD)}
      purpose: {quoted(PAYLOAD + " {title} {summary}")}
      services: {quoted(PAYLOAD + " {services}")}
      moreAbout: {quoted(PAYLOAD + " {category}")}
      acceptAll: {quoted(PAYLOAD)}
      rejectAll: {quoted(PAYLOAD)}
      consentId: {quoted(PAYLOAD + " {id}")}
    embed:
      text: {quoted(PAYLOAD + " {provider} {category}")}
""")
    (folder / "registry.yaml").write_text(f"""
categories:
  - id: analytics
    title: {quoted(PAYLOAD)}
    description: {quoted(PAYLOAD)}
    summary: {quoted(PAYLOAD)}
  - id: necessary
    title: {quoted(PAYLOAD)}
    necessary: true
services:
  - id: evil
    name: {quoted(PAYLOAD)}
    category: analytics
    provider: {quoted(PAYLOAD)}
    description: {quoted(PAYLOAD)}
    appliesTo: {quoted(PAYLOAD)}
    privacyPolicy: {quoted(ADDRESS)}
    optOut: {quoted(ADDRESS)}
    cookies:
      - name: _evil
        purpose: {quoted(PAYLOAD)}
        duration: 90 days
        note: {quoted(PAYLOAD)}
        domain: {quoted(PAYLOAD)}
      - name: {quoted("=cmd|' /C calc'!A0<x>")}
        storage: local-storage
        purpose: {quoted(PAYLOAD)}
        duration: Session
  - id: youtube
    name: YouTube
    category: analytics
    cookies:
      - name: PREF
        purpose: {quoted(PAYLOAD)}
        duration: 8 months
""")
    page = f"""---
title: {quoted(PAYLOAD)}
description: {quoted(PAYLOAD)}
updated: 2025-01-07
---
{PAYLOAD}

## {PAYLOAD}

[{PAYLOAD}](#main-content) [elsewhere]({ADDRESS.replace(" ", "%20").replace(")", "%29")}) `{PAYLOAD}`

```cookie-table service=evil
```

```cookie-table category=necessary
```

```consent-settings
```

```video url=https://www.youtube.com/watch?v=abc123 title="{ARGUMENT}"
```

```{PAYLOAD.replace("`", "")}
{PAYLOAD}
```
"""
    (folder / "pages" / "cookies.md").write_text(page)
    (folder / "pages" / "index.md").write_text(page.replace("```consent-settings\n```\n", ""))
    return folder


class Elements(html.parser.HTMLParser):
    """Every element with its attributes, and every inline script's text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.inline_scripts = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts.append(data)


@pytest.fixture(scope="module")
def hostile_output(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    return build(hostile_site(folder / "site"), folder / "output")


def html_files(output):
    return sorted(output.rglob("*.html"))


def test_nothing_executable_comes_through_in_the_html(hostile_output):
    pages = html_files(hostile_output)
    assert len(pages) == 3  # index, cookies, 404
    for page in pages:
        parser = Elements()
        text = page.read_text()
        parser.feed(text)
        assert PAYLOAD.split("<")[0] in text or "&quot;&#39;&gt;" in text, f"{page}: the hostile text is missing, not escaped"
        scripts = [attrs for tag, attrs in parser.elements if tag == "script"]
        assert all(re.fullmatch(r"(/|(\.\./)*)consent(\.[0-9a-f]{10})?\.js", attrs.get("src", "")) for attrs in scripts), (page, scripts)
        assert parser.inline_scripts == [], page
        for tag, attrs in parser.elements:
            assert tag not in {"img", "svg", "iframe", "object", "embed"} or "__pwned" not in json.dumps(attrs), (page, tag, attrs)
            for name, value in attrs.items():
                assert not name.startswith("on"), (page, tag, name, value)
                if name in {"href", "src", "action", "formaction", "data", "poster"} and value:
                    scheme = re.sub(r"[\x00-\x20]", "", value).lower()
                    assert not scheme.startswith(("javascript:", "vbscript:", "data:")), (page, tag, name, value)


def consent_settings(output):
    """The JSON object baked into consent.js, parsed."""
    source = (REPOSITORY / "themes" / "default" / "consent" / "consent.min.js").read_text()
    before, after = source.split("NOTICE_CONFIG")
    script = (output / "consent.js").read_text()
    assert script.startswith(before) and script.endswith(after)
    return json.loads(script[len(before):len(script) - len(after)])


def test_the_consent_settings_stay_valid_json_carrying_the_texts_as_data(hostile_output):
    # The banner's markup is the theme's template with the texts escaped for HTML once (the scripts insert
    # it as it is): read as HTML, it has the template's elements and no other, and the words come back
    # exactly as text.
    import html.parser

    class Reader(html.parser.HTMLParser):
        def __init__(self):
            super().__init__()
            self.tags, self.texts, self.handlers = [], {}, []
            self.open = []

        def handle_starttag(self, tag, attributes):
            self.tags.append(tag)
            self.handlers += [name for name, _ in attributes if name.startswith("on")]
            self.open.append(dict(attributes).get("data-notice-action") or tag)

        def handle_endtag(self, tag):
            self.open.pop()

        def handle_data(self, data):
            if self.open:
                self.texts[self.open[-1]] = self.texts.get(self.open[-1], "") + data

    reader = Reader()
    reader.feed(consent_settings(hostile_output)["html"]["ask"])
    assert "script" not in reader.tags and "img" not in reader.tags and "svg" not in reader.tags
    assert reader.handlers == []
    assert reader.texts["accept"] == PAYLOAD
    assert reader.texts["li"].startswith(PAYLOAD), "a category's line starts with its title"


def test_declarations_stay_valid_and_defuse_spreadsheet_formulas(hostile_output):
    declarations = json.loads((hostile_output / "cookies.json").read_text())

    def strings(value):
        if isinstance(value, dict):
            return [text for item in value.values() for text in strings(item)]
        if isinstance(value, list):
            return [text for item in value for text in strings(item)]
        return [value] if isinstance(value, str) else []

    assert PAYLOAD in strings(declarations), "the hostile text is carried as data"
    rows = list(csv.reader(io.StringIO((hostile_output / "cookies.csv").read_text(encoding="utf-8-sig"))))
    assert len({len(row) for row in rows}) == 1, "every row has the same number of cells"
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    assert any(cell.lstrip("'").startswith("=cmd") for row in rows for cell in row)


class NoPolicyHandler(http.server.SimpleHTTPRequestHandler):
    """Serves without a Content-Security-Policy: an injected script would run."""

    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def open_server(hostile_output):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(NoPolicyHandler, directory=str(hostile_output)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def pwned(browser):
    alert = None
    try:
        alert = browser.switch_to.alert.text
    except Exception:
        pass
    return browser.execute_script("return window.__pwned"), alert


@pytest.mark.parametrize("path", ["/", "/cookies/", "/404.html"])
def test_nothing_runs_in_either_engine_in_any_consent_state(visitor, open_server, path):
    browser = visitor
    browser.get(open_server + path)
    assert pwned(browser) == (None, None)
    assert banner(browser) is not None
    assert "[native code]" not in banner(browser).text, "placeholders read inherited properties"
    assert "{constructor}" in banner(browser).get_attribute("textContent")
    action(browser, "choose").click()
    # The settings (dialog, or the policy page's form) with every hostile description, service and text.
    settings = WebDriverWait(browser, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "dialog[open], [data-notice-settings] form"))[0]
    assert pwned(browser) == (None, None)
    assert "{constructor}" in settings.get_attribute("textContent")
    browser.get(open_server + path)
    action(browser, "accept").click()
    assert pwned(browser) == (None, None)
    if path == "/cookies/":
        # The form shows the new consent id through the hostile consentId text.
        WebDriverWait(browser, 5).until(lambda d: "-4" in d.find_element(By.CSS_SELECTOR, "[data-notice-settings] form").text)
        assert pwned(browser) == (None, None)
    browser.get(open_server + path)
    assert pwned(browser) == (None, None)
    for frame in browser.find_elements(By.TAG_NAME, "iframe"):
        assert frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/")
