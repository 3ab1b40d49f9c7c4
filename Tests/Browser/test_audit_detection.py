"""How much `notice audit` finds, and how often it blames what is fine, on a fixture written for it.

A site not built with Notice (so only the state before any choice), audited with `--url` against a
registry file alone (`--registry`). Each page plants one problem, by a different means (a script, a
header, a redirect, an image's response, the CookieStore API, an embed from another site, storage,
IndexedDB, a beacon, a WebSocket, a late or scroll-triggered tag, a refused cookie, wrong lifetimes);
the clean pages do what a correct site does. Every planted problem must be found, as its own finding,
and nothing else may be reported as an error or a warning. The counts are printed (pytest -s).

Hosts: the site is 127.0.0.1; `*.localhost` names reach the same server as other sites (Chromium sends
them to loopback): embed.localhost is a necessary service's embed, ads.localhost an optional service,
u1…u5.localhost hosts no service lists."""
import http.server
import json
import threading

import pytest

from test_audit import audit

REGISTRY = """\
categories:
  - id: necessary
    title: Strictly necessary
    necessary: true
  - id: marketing
    title: Marketing
services:
  - id: site
    name: Our site
    category: necessary
    cookies:
      - name: session_ok
        purpose: Keeps the session.
        duration: Session
      - name: prefs_ok
        purpose: Remembers settings.
        duration: 30 days
      - name: remember_ok
        purpose: Remembers a choice.
        duration: 1 year
      - name: "ab_<test>"
        purpose: Which version of a page is shown.
        duration: 1 day
      - name: ok_key
        storage: local-storage
        purpose: Remembers the text size.
        duration: Until cleared
  - id: player
    name: Video player
    category: necessary
    hosts: [embed.localhost]
    cookies:
      - name: player_ok
        purpose: Plays the video.
        duration: Session
  - id: ads
    name: Ads Network
    category: marketing
    hosts: [ads.localhost]
    cookies:
      - name: ads_id
        purpose: Shows adverts.
        duration: 1 year
"""

YEAR = 365 * 86400

# name → (what the page's body does, the headers its response adds, the expected severity, the name or
# host the finding must be about)
PLANTED = {
    "script-cookie": ("<script>document.cookie = 'p_script=1; path=/';</script>", [], "error", "p_script"),
    "header-cookie": ("<p>Header.</p>", ["p_header=1; Path=/; Max-Age=600"], "error", "p_header"),
    "httponly": ("<p>HttpOnly.</p>", ["p_httponly=1; Path=/; HttpOnly"], "error", "p_httponly"),
    "redirect": (None, None, "error", "p_redirect"),
    "subresource": ('<img src="/pixel.gif" alt="">', [], "error", "p_subresource"),
    "cookiestore": ("<script>cookieStore.set('p_cookiestore', '1');</script>", [], "error", "p_cookiestore"),
    "refused": ("<p>Refused.</p>", ["p_refused=1; Path=/; SameSite=None"], "error", "p_refused"),
    "local": ("<script>localStorage.setItem('p_local', '1');</script>", [], "error", "p_local"),
    "session": ("<script>sessionStorage.setItem('p_session', '1');</script>", [], "error", "p_session"),
    "indexeddb": ("<script>indexedDB.open('p_db');</script>", [], "error", "p_db"),
    "embed-script": ('<iframe title="Player" src="http://embed.localhost:PORT/player/script"></iframe>', [], "error", "p_embed_script"),
    "embed-header": ('<iframe title="Player" src="http://embed.localhost:PORT/player/header"></iframe>', [], "error", "p_embed_header"),
    "embed-storage": ('<iframe title="Player" src="http://embed.localhost:PORT/player/storage"></iframe>', [], "error", "p_embed_local"),
    "embed-request": ('<iframe title="Player" src="http://embed.localhost:PORT/player/request"></iframe>', [], "warning", "u1.localhost"),
    "pixel": ('<img src="http://u2.localhost:PORT/p.gif" alt="">', [], "warning", "u2.localhost"),
    "beacon": ("<script>navigator.sendBeacon('http://u3.localhost:PORT/b', 'x');</script>", [], "warning", "u3.localhost"),
    "websocket": ("<script>try { new WebSocket('ws://u4.localhost:PORT/live'); } catch (e) {}</script>", [], "warning", "u4.localhost"),
    "fetch": ("<script>fetch('http://u5.localhost:PORT/data', {mode: 'no-cors'}).catch(function () {});</script>", [], "warning", "u5.localhost"),
    "late": ("<script>setTimeout(function () { document.cookie = 'p_late=1; path=/'; }, 2500);</script>", [], "error", "p_late"),
    "scroll": ('<div style="height: 5000px">Long.</div><script>addEventListener("scroll", function () { document.cookie = "p_scroll=1; path=/"; }, {once: true});</script>',
               [], "error", "p_scroll"),
    "optional-cookie": ("<script>document.cookie = 'ads_id=1; path=/; max-age=86400';</script>", [], "error", "ads_id"),
    "optional-request": ('<script src="http://ads.localhost:PORT/tag.js"></script>', [], "error", "ads.localhost"),
    "too-long": ("<p>Long.</p>", [f"prefs_ok=1; Path=/; Max-Age={YEAR}"], "warning", "prefs_ok"),
    "session-persistent": ("<p>Persistent.</p>", ["session_ok=1; Path=/; Max-Age=86400"], "warning", "session_ok"),
    "persistent-session": ("<p>Session.</p>", ["remember_ok=1; Path=/"], "warning", "remember_ok"),
    "undeclared-pattern": ("<script>document.cookie = 'abx_home=1; path=/';</script>", [], "error", "abx_home"),
}

CLEAN = {
    "clean-session": ("<p>Session.</p>", ["session_ok=1; Path=/"]),
    "clean-prefs": ("<p>Prefs.</p>", ["prefs_ok=1; Path=/; Max-Age=2592000"]),
    "clean-pattern": ("<script>document.cookie = 'ab_homepage=1; path=/; max-age=86400';</script>", []),
    "clean-local": ("<script>localStorage.setItem('ok_key', '1');</script>", []),
    "clean-embed": ('<iframe title="Player" src="http://embed.localhost:PORT/player/clean"></iframe>', []),
    "clean-gated": ('<script type="text/plain" data-consent="marketing" data-src="http://ads.localhost:PORT/tag.js"></script>', []),
    "clean-late": ("<script>setTimeout(function () { document.cookie = 'remember_ok=1; path=/; max-age=31536000'; }, 1500);</script>", []),
}

PLAYER = {
    "/player/script": ("<script>document.cookie = 'p_embed_script=1; SameSite=None; Secure';</script>", []),
    "/player/header": ("<p>Player.</p>", ["p_embed_header=1; SameSite=None; Secure; Path=/"]),
    "/player/storage": ("<script>localStorage.setItem('p_embed_local', '1');</script>", []),
    "/player/request": ('<img src="http://u1.localhost:PORT/p.gif" alt="">', []),
    "/player/clean": ("<p>Player.</p>", ["player_ok=1; SameSite=None; Secure; Path=/"]),
}


class Fixture(http.server.BaseHTTPRequestHandler):
    port = 0

    def do_GET(self):
        host = (self.headers.get("Host") or "").split(":")[0]
        path = self.path.split("?")[0]
        if host == "127.0.0.1":
            if path == "/":
                links = "".join(f'<li><a href="/{name}/">{name}</a></li>' for name in [*PLANTED, *CLEAN])
                return self.page(f"<ul>{links}</ul>")
            if path == "/redirect/":
                return self.send(302, b"", [("Location", "/landed/"), ("Set-Cookie", "p_redirect=1; Path=/")])
            if path == "/pixel.gif":
                return self.send(200, b"GIF89a", [("Content-Type", "image/gif"), ("Set-Cookie", "p_subresource=1; Path=/")])
            name = path.strip("/")
            if name in PLANTED and PLANTED[name][0] is not None:
                return self.page(PLANTED[name][0], PLANTED[name][1])
            if name in CLEAN:
                return self.page(*CLEAN[name])
            return self.page("<p>Fine.</p>")
        if host == "embed.localhost" and path in PLAYER:
            return self.page(*PLAYER[path])
        # ads.localhost/tag.js, the u*.localhost hosts: an empty answer.
        return self.send(200, b"", [("Content-Type", "text/javascript")])

    do_POST = do_GET

    def page(self, body, cookies=()):
        text = f"<!doctype html><html lang=en><title>Fixture</title>{body}".replace("PORT", str(self.port))
        return self.send(200, text.encode(), [("Content-Type", "text/html")] + [("Set-Cookie", c) for c in cookies])

    def send(self, status, body, headers):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def fixture_site():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Fixture)
    server.daemon_threads = True
    Fixture.port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{Fixture.port}/"
    server.shutdown()


def test_every_planted_problem_is_found_and_nothing_clean_is_blamed(fixture_site, tmp_path):
    registry = tmp_path / "cookies.yaml"
    registry.write_text(REGISTRY, encoding="utf-8")
    result = audit("--url", fixture_site, "--registry", str(registry), "--pages", "60", "--diagnostics", "json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["pages"] == 1 + len(PLANTED) + len(CLEAN), "the start page and every page it links to"
    findings = [d for d in report["diagnostics"] if d["severity"] in ("error", "warning")]

    def about(finding):
        details = finding["details"]
        return details.get("name") or details.get("host")

    found, missed = [], []
    for page, (_, _, severity, subject) in PLANTED.items():
        matching = [f for f in findings if about(f) == subject and f["severity"] == severity]
        (found if len(matching) == 1 else missed).append((page, subject, len(matching)))
    planted_subjects = {planted[3] for planted in PLANTED.values()}
    false_positives = [f["message"] for f in findings if about(f) not in planted_subjects]
    print(f"\nplanted problems found: {len(found)} of {len(PLANTED)}; false positives: {len(false_positives)} "
          f"(on {len(CLEAN)} clean pages and the {len(PLANTED)} planted pages' own correct parts)")
    assert missed == [], missed
    assert false_positives == [], false_positives
    refused = next(f for f in findings if about(f) == "p_refused")
    assert "SameSiteNoneInsecure" in refused["details"]["refused"]
    by_script = next(f for f in findings if about(f) == "p_script")
    assert by_script["details"]["page"] == "/script-cookie/"
