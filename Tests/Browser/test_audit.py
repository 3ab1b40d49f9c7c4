"""`notice audit` end to end: the real notice executable drives Debian's Chromium through chromedriver.

The example site must audit clean. The fixture site (audit_site/) plants one problem of each kind; a
small local server adds what only a server can (an HttpOnly cookie from Set-Cookie) and two third-party
hosts on other loopback names. The audit must report each planted problem once."""
import functools
import http.server
import json
import pathlib
import subprocess
import threading
import time

import pytest

from conftest import NOTICE, REPOSITORY, build, chromium

AUDIT_SITE = pathlib.Path(__file__).resolve().parent / "audit_site"
ENVIRONMENT = {"NOTICE_THEMES": str(REPOSITORY / "themes"), "PATH": "/usr/bin:/bin"}


def audit(*arguments, cwd=REPOSITORY):
    result = subprocess.run([str(NOTICE), "audit", *arguments], capture_output=True, text=True, cwd=cwd,
                            env=ENVIRONMENT, timeout=300)
    return result


def serve(root, host, handler):
    server = http.server.ThreadingHTTPServer((host, 0), functools.partial(handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def fixture_server(tmp_path_factory):
    """The fixture site built, served with Set-Cookie headers and its third-party hosts filled in."""
    output = build(AUDIT_SITE, tmp_path_factory.mktemp("audit") / "output")
    third = tmp_path_factory.mktemp("third-party")
    (third / "listed.js").write_text("window.listed = true;\n")
    (third / "unlisted.js").write_text("window.unlisted = true;\n")
    listed = serve(third, "127.0.0.1", Quiet)
    unlisted = serve(third, "127.0.0.2", Quiet)
    origins = {b"THIRD_PARTY_LISTED": f"http://localhost:{listed.server_address[1]}".encode(),
               b"THIRD_PARTY_UNLISTED": f"http://127.0.0.2:{unlisted.server_address[1]}".encode()}

    class Site(Quiet):
        def send_head(self):
            path = self.translate_path(self.path)
            if pathlib.Path(path).is_dir():
                path = str(pathlib.Path(path) / "index.html")
            if not path.endswith(".html") or not pathlib.Path(path).is_file():
                return super().send_head()
            body = pathlib.Path(path).read_bytes()
            for placeholder, origin in origins.items():
                body = body.replace(placeholder, origin)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Set-Cookie", "SESSION_OK=1; Path=/; HttpOnly")
            self.send_header("Set-Cookie", "planted_httponly=1; Path=/; HttpOnly; Max-Age=600")
            self.end_headers()
            import io
            return io.BytesIO(body)

    site = serve(output, "127.0.0.1", Site)
    yield f"http://127.0.0.1:{site.server_address[1]}/"
    for server in (site, listed, unlisted):
        server.shutdown()
        server.server_close()


def test_the_example_site_audits_clean():
    result = audit("--site", "content", "--diagnostics", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["errors"], report["warnings"]) == (0, 0), report["diagnostics"]
    assert report["pages"] == 3


def test_a_theme_with_its_own_banner_markup_is_audited_in_every_state():
    # The plain theme's test site wears GOV.UK Frontend's cookie banner markup: the audit finds the
    # actions and the settings form by what the consent script acts on, not by the default theme's markup.
    result = audit("--site", str(REPOSITORY / "Tests" / "Plain" / "site"), "--diagnostics", "json")
    report = json.loads(result.stdout)
    assert result.returncode == 0, result.stderr
    assert not any("could not be reached" in diagnostic["message"] for diagnostic in report["diagnostics"]), report["diagnostics"]
    assert report["pages"] == 3


def test_every_language_of_a_bilingual_site_is_audited():
    result = audit("--site", str(REPOSITORY / "Tests" / "Bilingual" / "site"), "--diagnostics", "json")
    report = json.loads(result.stdout)
    # The home page, the cookie policy, the privacy notice and the accessibility statement, in English and in Welsh.
    assert report["pages"] == 8, report
    # The audit writes no output folder, so it takes no -o.
    assert audit("--site", "content", "-o", "elsewhere").returncode == 2


def test_a_page_of_fifty_thousand_links_is_crawled_in_linear_time(tmp_path):
    """`--pages 3` on pages of 50,000 same-site links each: 309 s when every link was looked for in the queue."""
    import time
    # A list, as a site map is written: 50,000 links run together on one line took Chromium itself 17 s
    # a page to lay out, which measured the browser, not the crawl.
    links = "".join(f'<li><a href="/p{index}">{index}</a>' for index in range(50_000))
    body = f"<!doctype html><title>Links</title><ul>{links}</ul>".encode()

    class Links(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Links)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        started = time.monotonic()
        # --wait 0: the time measured is the crawl's, not the quiet period each page is watched for.
        result = audit("--site", "content", "--url", f"http://127.0.0.1:{server.server_address[1]}/", "--pages", "3",
                       "--wait", "0", "--diagnostics", "json")
        elapsed = time.monotonic() - started
    finally:
        server.shutdown()
    assert result.returncode in (0, 1), result.stderr
    assert json.loads(result.stdout)["pages"] == 3
    assert elapsed < 90, f"{elapsed:.1f} s (the quadratic crawl took 309 s, some 250 s of it the crawl itself)"


class Troublesome(http.server.BaseHTTPRequestHandler):
    """Pages that stopped the whole audit once: one that never finishes, one whose script never ends, a
    redirect to another site, a redirect loop, and an alert()."""
    other_origin = ""

    def do_GET(self):
        if self.path == "/":
            links = "".join(f'<a href="/{name}/">{name}</a> ' for name in ["slow", "busy", "away", "loop", "alert", "fine"])
            return self.page(f"<!doctype html><title>Start</title>{links}")
        if self.path == "/slow/":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<!doctype html><title>Slow</title>")
            self.wfile.flush()
            time.sleep(40)
            return
        if self.path == "/busy/":
            return self.page("<!doctype html><title>Busy</title><script>while (true) {}</script>")
        if self.path == "/away/":
            return self.redirect(self.other_origin + "/")
        if self.path == "/loop/":
            return self.redirect("/loop/")
        if self.path == "/embed/":
            return self.page(f'<!doctype html><title>Embed</title><iframe title="Player" src="{self.other_origin}/player/"></iframe>')
        if self.path == "/player/":
            return self.page("<!doctype html><title>Player</title><script>localStorage.setItem('player_volume', '5');</script>"
                             '<img src="http://localhost:9/pixel.gif" alt="">')
        if self.path == "/cookie-embed/":
            # The player comes from another site (localhost is not 127.0.0.1), where http can still set Secure cookies.
            port = self.server.server_address[1]
            return self.page(f'<!doctype html><title>Embed</title><iframe title="Player" src="http://localhost:{port}/cookie-player/"></iframe>')
        if self.path == "/cookie-player/":
            # embed_refused is refused by Chromium (SameSite=None needs Secure): the site still sent it.
            return self.page("<!doctype html><title>Player</title><script>document.cookie = 'embed_script=1; SameSite=None; Secure; Max-Age=3600';"
                             "indexedDB.open('player_db');</script>",
                             cookies=["embed_header=1; SameSite=None; Secure; Path=/", "embed_refused=1; SameSite=None; Path=/"])
        if self.path == "/database/":
            return self.page("<!doctype html><title>Database</title><script src=\"/database.js\"></script>")
        if self.path == "/database.js":
            return self.page("indexedDB.open('planted_db', 1);", content_type="text/javascript")
        if self.path == "/tracker/":
            return self.page('<!doctype html><title>Tracker</title><script src="/tracker.js"></script>')
        if self.path == "/tracker.js":
            return self.page("document.cookie = 'tracked=1; path=/'; localStorage.setItem('tracked_key', '1');", content_type="text/javascript")
        if self.path == "/socket/":
            return self.page("<!doctype html><title>Socket</title><script>try { new WebSocket('ws://localhost:9/live'); } catch (e) {}</script>")
        if self.path == "/query/":
            links = "".join(f'<a href="/fine/?a={n}">{n}</a> ' for n in range(1, 6)) + '<a href="/other/">other</a>'
            return self.page(f"<!doctype html><title>Query</title>{links}")
        if self.path == "/other/":
            return self.page("<!doctype html><title>Other</title><script>document.cookie = 'other_cookie=1; path=/';</script>")
        if self.path == "/late/":
            return self.page("<!doctype html><title>Late</title><script>setTimeout(function () { document.cookie = 'late_cookie=1; path=/'; }, 2000);</script>")
        if self.path == "/alert/":
            return self.page("<!doctype html><title>Alert</title><script>alert('hello')</script>")
        if self.path.startswith("/fine/?a="):
            number = self.path.rsplit("=", 1)[1]
            return self.page(f"<!doctype html><title>Fine</title><script>document.cookie = 'fine_{number}=1; path=/';</script>")
        return self.page("<!doctype html><title>Fine</title><p>Fine.</p>")

    def page(self, text, content_type="text/html", cookies=()):
        body = text.encode()
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for cookie in cookies:
            self.send_header("Set-Cookie", cookie)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location):
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format, *args):
        pass


def settled_browser_processes(before, seconds=10):
    """The browser processes not in `before`, once they had a moment to end (a killed process takes one)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        left = browser_processes() - before
        if not left:
            return left
        time.sleep(0.25)
    return browser_processes() - before


def browser_processes():
    """Running chromedriver and Chromium processes (a zombie has ended: only its parent has yet to read its status)."""
    listing = subprocess.run(["ps", "-eo", "pid,stat,args"], capture_output=True, text=True).stdout.splitlines()[1:]
    running = [line.split(None, 2) for line in listing]
    return {fields[0] for fields in running if len(fields) == 3 and not fields[1].startswith("Z")
            and ("chromedriver" in fields[2] or "chrom" in fields[2])}


@pytest.fixture
def troublesome_site():
    import socketserver
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Troublesome)
    server.daemon_threads = True
    other = http.server.ThreadingHTTPServer(("127.0.0.2", 0), Troublesome)
    other.daemon_threads = True
    Troublesome.other_origin = f"http://127.0.0.2:{other.server_address[1]}"
    for running in (server, other):
        threading.Thread(target=running.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    other.shutdown()


def test_pages_that_misbehave_are_recorded_as_not_audited_and_the_audit_goes_on(troublesome_site):
    before = browser_processes()
    started = time.monotonic()
    result = audit("--site", "content", "--url", troublesome_site, "--pages", "10", "--page-timeout", "5", "--diagnostics", "json")
    elapsed = time.monotonic() - started
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    messages = [d["message"] for d in report["diagnostics"]]
    def skipped(path):
        return [m for m in messages if m.startswith(f"the page {troublesome_site}{path}/ could not be audited")]
    assert skipped("slow") and "did not finish loading within 5 seconds" in skipped("slow")[0], messages
    assert skipped("busy"), messages
    assert skipped("away") and "redirects to another site" in skipped("away")[0], messages
    assert skipped("loop") and "could not load it (no answer from the server, or a redirect loop)" in skipped("loop")[0], messages
    assert not skipped("alert") and not skipped("fine"), "an alert is dismissed, as a visitor would"
    assert all("\n" not in m for m in messages)
    assert not any("127.0.0.2" in page for page in report.get("pages_list", []))
    assert elapsed < 240, f"{elapsed:.0f} s"
    assert not settled_browser_processes(before), "no chromedriver or Chromium outlives the audit"


@pytest.mark.parametrize("signal_number", [2, 15])
def test_an_interrupted_audit_ends_its_browsers(troublesome_site, signal_number):
    """SIGINT or SIGTERM to notice alone, while Chromium waits for a page that never finishes."""
    import signal as signals
    before = browser_processes()
    process = subprocess.Popen([str(NOTICE), "audit", "--site", "content", "--url", troublesome_site + "slow/", "--page-timeout", "60"],
                               cwd=REPOSITORY, env=ENVIRONMENT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (browser_processes() - before):
        time.sleep(0.2)
    time.sleep(2)
    process.send_signal(signal_number)
    try:
        _, error = process.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        raise AssertionError("the audit did not stop")
    assert process.returncode == 128 + signal_number, error
    assert not settled_browser_processes(before), "no chromedriver or Chromium outlives the audit"


def test_a_correctly_gated_tag_from_a_listed_host_audits_clean(tmp_path):
    """The recommended setup: a tag gated on analytics, loaded from a host its service lists. What the
    Accept click and the policy page did must not be blamed on the state after withdrawal."""
    import shutil
    third = tmp_path / "third"
    third.mkdir()
    (third / "tag.js").write_text("window.tagLoaded = true;\n")
    server = serve(third, "127.0.0.1", Quiet)
    site = tmp_path / "site"
    shutil.copytree(REPOSITORY / "content", site)
    registry = (site / "registry.yaml").read_text(encoding="utf-8")
    registry = registry.replace("  - id: google-analytics\n", "  - id: google-analytics\n    hosts: [localhost]\n", 1)
    assert "hosts: [localhost]" in registry
    (site / "registry.yaml").write_text(registry, encoding="utf-8")
    footer = (REPOSITORY / "themes" / "default" / "templates" / "footer.mustache").read_text(encoding="utf-8")
    tag = f'<script type="text/plain" data-consent="analytics" data-src="http://localhost:{server.server_address[1]}/tag.js"></script>\n'
    (site / "themes" / "default" / "templates").mkdir(parents=True)
    (site / "themes" / "default" / "templates" / "footer.mustache").write_text(footer + tag, encoding="utf-8")
    try:
        result = audit("--site", str(site), "--diagnostics", "json")
    finally:
        server.shutdown()
    report = json.loads(result.stdout)
    problems = [d["message"] for d in report["diagnostics"] if d["severity"] in ("error", "warning")]
    assert result.returncode == 0 and problems == [], problems


def test_a_finding_names_the_script_that_wrote_the_cookie(troublesome_site):
    result = audit("--site", "content", "--url", troublesome_site + "tracker/", "--pages", "1", "--diagnostics", "json")
    messages = [d["message"] for d in json.loads(result.stdout)["diagnostics"]]
    assert any(m.startswith("the cookie 'tracked'") and f"set by {troublesome_site}tracker.js" in m for m in messages), messages
    assert any(m.startswith(f"the local storage key 'tracked_key' (set by {troublesome_site}tracker.js)") for m in messages), messages


def test_an_embeds_own_storage_is_seen(troublesome_site):
    result = audit("--site", "content", "--url", troublesome_site + "embed/", "--pages", "1", "--diagnostics", "json")
    messages = [d["message"] for d in json.loads(result.stdout)["diagnostics"]]
    assert any(m.startswith("the local storage key 'player_volume'") for m in messages), messages
    assert any("loads from localhost" in m for m in messages), "a request made from inside the embed"


def test_an_embeds_cookies_set_by_script_and_by_header_are_seen_and_a_refused_one_is_said(troublesome_site):
    result = audit("--site", "content", "--url", troublesome_site + "cookie-embed/", "--pages", "1", "--diagnostics", "json")
    findings = {d["details"].get("name"): d for d in json.loads(result.stdout)["diagnostics"] if d["details"].get("kind") == "cookie"}
    for name in ["embed_script", "embed_header"]:
        assert name in findings, findings.keys()
        details = findings[name]["details"]
        assert details["party"] == "third" and details["host"] == "localhost" and details["state"] == "no-choice", details
        assert "refused" not in details
    # Seen a moment after it was set: its lifetime is counted from when the audit saw it.
    assert 3580 <= int(findings["embed_script"]["details"]["observed"][2:-1]) <= 3600, findings["embed_script"]["details"]
    assert findings["embed_header"]["details"]["setBy"].endswith("/cookie-player/"), "the response that set it"
    refused = findings.get("embed_refused")
    assert refused, findings.keys()
    assert "SameSiteNoneInsecure" in refused["details"]["refused"]
    assert "this browser refused it" in refused["message"] and "does not declare it" in refused["message"]
    databases = [d for d in json.loads(result.stdout)["diagnostics"] if d["details"].get("kind") == "indexed-db"]
    assert [d["details"]["name"] for d in databases] == ["player_db"], databases


def test_an_indexeddb_database_is_listed_with_the_script_that_opened_it(troublesome_site):
    result = audit("--site", "content", "--url", troublesome_site + "database/", "--pages", "1", "--diagnostics", "json")
    messages = [d["message"] for d in json.loads(result.stdout)["diagnostics"]]
    assert any(m.startswith(f"the IndexedDB database 'planted_db' (set by {troublesome_site}database.js)") and "storage: indexed-db" in m
               for m in messages), messages


def test_a_websocket_is_a_connection_like_any_request(troublesome_site):
    result = audit("--site", "content", "--url", troublesome_site + "socket/", "--pages", "1", "--diagnostics", "json")
    messages = [d["message"] for d in json.loads(result.stdout)["diagnostics"]]
    assert any("loads from localhost" in m for m in messages), messages


def test_pages_counts_addresses_without_their_query(troublesome_site):
    result = audit("--site", "content", "--url", troublesome_site + "query/", "--pages", "3", "--diagnostics", "json")
    messages = [d["message"] for d in json.loads(result.stdout)["diagnostics"]]
    assert any(m.startswith("the cookie 'fine_1'") for m in messages), messages
    assert not any(m.startswith("the cookie 'fine_2'") for m in messages), "another query of /fine/ is not another page"
    assert any(m.startswith("the cookie 'other_cookie'") for m in messages), "/other/ is the third address"


def test_a_cookie_set_two_seconds_after_load_is_seen(troublesome_site):
    result = audit("--site", "content", "--url", troublesome_site + "late/", "--pages", "1", "--diagnostics", "json")
    messages = [d["message"] for d in json.loads(result.stdout)["diagnostics"]]
    assert any(m.startswith("the cookie 'late_cookie'") for m in messages), messages


def test_a_state_that_cannot_be_reached_is_said_and_the_others_are_audited(tmp_path):
    import shutil
    site = tmp_path / "site"
    shutil.copytree(REPOSITORY / "content", site)
    policy = (site / "pages" / "cookies.md").read_text(encoding="utf-8")
    assert "```consent-settings\n```" in policy
    (site / "pages" / "cookies.md").write_text(policy.replace("```consent-settings\n```", ""), encoding="utf-8")
    result = audit("--site", str(site), "--diagnostics", "json")
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    messages = [d["message"] for d in report["diagnostics"]]
    assert any(m.startswith("the state after withdrawal could not be reached, so it was not audited: the cookie policy page has no settings form")
               for m in messages), messages
    assert report["pages"] == 3


def test_every_planted_problem_is_reported_once(fixture_server, tmp_path):
    result = audit("--site", str(AUDIT_SITE), "--url", fixture_server, "--diagnostics", "json",
                   "--report", str(tmp_path / "report"))
    assert result.returncode == 1, result.stderr
    findings = [(d["severity"], d["message"]) for d in json.loads(result.stdout)["diagnostics"]]

    def one(severity, *words):
        found = [message for level, message in findings if level == severity and all(word in message for word in words)]
        assert len(found) == 1, (severity, words, findings)
        return found[0]

    undeclared = one("error", "the cookie 'planted_cookie'", "does not declare it")
    assert "before any choice on /" in undeclared and "also after Reject, after Accept, after withdrawal" in undeclared
    one("error", "local storage key 'planted_key'", "does not declare it")
    httponly = one("error", "the cookie 'planted_httponly'", "does not declare it")
    assert f"set by {fixture_server}" in httponly, "the response that set it is named"
    before = one("error", "listed.js from Tracker (Analytics cookies) before any choice")
    assert "after Reject" in before and "after withdrawal" in before and "after Accept" not in before
    one("warning", "loads from 127.0.0.2", "no service lists that host")
    # Chromium caps every cookie at 400 days (RFC 6265bis), whatever Max-Age asks for.
    one("warning", "the cookie 'long_lived' is set to last 400 days", "'1 day'")
    one("note", "'never_seen' (Tracker) was not seen")
    assert len(findings) == 7, findings
    assert (tmp_path / "report" / "index.html").is_file()
    # A screenshot of the first page in each state, a real PNG, shown in the report with its text alternative.
    report = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    for state in ["no-choice", "rejected", "accepted", "withdrawn"]:
        image = tmp_path / "report" / f"state-{state}.png"
        assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", state
        assert f'src="state-{state}.png" alt="The first page, as it looked in this state: ' in report


def test_a_site_without_the_consent_script_is_audited_before_any_choice_only(tmp_path):
    output = build(REPOSITORY / "content", tmp_path / "output")
    for page in output.rglob("*.html"):
        page.write_text(page.read_text().replace('<script src="', '<script data-removed="'))
    server = serve(output, "127.0.0.1", Quiet)
    try:
        result = audit("--site", "content", "--url", f"http://127.0.0.1:{server.server_address[1]}/", "--pages", "2")
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 0, result.stderr
    assert "Audited 2 pages (no-choice)" in result.stdout
    assert "only the state before any choice was audited" in result.stdout


def test_a_har_recorded_by_chromium_is_audited(fixture_server, tmp_path):
    """Chromium's own network events, written as a HAR by hand here (as the developer tools would)."""
    driver = chromium()
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.get(fixture_server)
        cookies = driver.execute_cdp_cmd("Network.getAllCookies", {})["cookies"]
    finally:
        driver.quit()
    entries = [{"startedDateTime": "2027-01-15T08:00:00.000Z", "pageref": "page_1",
                "request": {"method": "GET", "url": fixture_server, "headers": [], "cookies": []},
                "response": {"status": 200, "headers": [], "cookies": [
                    {"name": c["name"], "value": c["value"], "domain": c["domain"], "path": c["path"],
                     "httpOnly": c["httpOnly"], "secure": c["secure"]} for c in cookies]}}]
    har = tmp_path / "recorded.har"
    har.write_text(json.dumps({"log": {"version": "1.2", "creator": {"name": "Chromium", "version": "1"},
                                       "pages": [{"id": "page_1", "title": fixture_server}], "entries": entries}}))
    result = audit("--site", str(AUDIT_SITE), "--har", str(har), "--diagnostics", "json")
    assert result.returncode == 1
    messages = [d["message"] for d in json.loads(result.stdout)["diagnostics"] if d["severity"] == "error"]
    assert any("'planted_cookie'" in message and "in the recording" in message for message in messages), messages
    assert any("'planted_httponly'" in message for message in messages), messages


def test_a_missing_browser_is_explained():
    result = audit("--site", "content", "--chromedriver", "/nonexistent/chromedriver")
    assert result.returncode == 2, "the audit could not run: not a finding"
    assert "there is no chromedriver at /nonexistent/chromedriver" in result.stderr
    assert "apt-get install chromium chromium-driver" in result.stderr


@pytest.mark.parametrize("viewport", [(1280, 800), (320, 640)])
def test_the_report_passes_the_projects_own_accessibility_gates(fixture_server, tmp_path, viewport, axe_source, vnu_jar):
    from test_accessibility import run_axe, validate
    from conftest import Server
    report = tmp_path / "report"
    result = audit("--site", str(AUDIT_SITE), "--url", fixture_server, "--report", str(report))
    assert result.returncode == 1
    assert validate(vnu_jar, report / "index.html", report / "notice.css") == []
    server = Server(report)
    driver = chromium(width=viewport[0], height=viewport[1])
    try:
        driver.get(server.url("/"))
        assert "planted_cookie" in driver.page_source
        assert run_axe(driver, axe_source) == []
        widths = driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], f"the report is {widths[0]}px wide in a {widths[1]}px viewport"
    finally:
        driver.quit()
        server.close()


def test_unreadable_sources_are_explained_in_plain_words(tmp_path):
    missing = audit("--site", "content", "--har", str(tmp_path / "missing.har"))
    assert missing.returncode == 2
    assert missing.stderr == f"error: {tmp_path / 'missing.har'} could not be read; give the path of a HAR file exported from a browser's developer tools\n"
    down = audit("--site", "content", "--url", "http://127.0.0.1:9/")
    assert down.returncode == 2
    assert down.stderr == ("error: the first page, http://127.0.0.1:9/, could not be audited: Chromium could not load it "
                           "(no answer from the server, or a redirect loop); check the address and that the site is up\n")
    # The audit's own chromedriver (Selenium's, for other tests, may be running).
    ours = subprocess.run(["pgrep", "-f", "chromedriver --port=[0-9]+ --allowed-ips=127.0.0.1 --silent"], capture_output=True)
    assert ours.returncode == 1, "no chromedriver of the audit's is left running"


def test_the_commands_in_audit_md_run_as_written(tmp_path):
    """docs/audit.md's first block, line by line, in a folder holding the example site as content/. The one
    change: its placeholder address, www.example.gov.uk, is the example site served on loopback (the test
    machine has no Internet), and recording.har and cookies.yaml are put beside it as a reader's would be."""
    import re
    import shutil
    text = (REPOSITORY / "docs" / "audit.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", text, re.S).group(1)
    lines = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert len(lines) >= 5 and all(line.startswith("notice audit") for line in lines), lines
    shutil.copytree(REPOSITORY / "content", tmp_path / "content")
    shutil.copy(REPOSITORY / "Tests" / "Audit" / "Fixtures" / "recorded.har", tmp_path / "recording.har")
    shutil.copy(REPOSITORY / "content" / "registry.yaml", tmp_path / "cookies.yaml")
    output = build(REPOSITORY / "content", tmp_path / "served")
    server = serve(output, "127.0.0.1", Quiet)
    address = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        for line in lines:
            arguments = line.replace("https://www.example.gov.uk/", address).split()[2:]
            result = audit(*arguments, cwd=tmp_path)
            assert result.returncode in (0, 1), (line, result.stderr)
            assert "Audited" in result.stdout + result.stderr, (line, result.stdout, result.stderr)
            if "--har" not in line and "--registry" not in line:
                assert result.returncode == 0, (line, result.stderr)
    finally:
        server.shutdown()
        server.server_close()
    assert (tmp_path / "audit-report" / "index.html").is_file()
