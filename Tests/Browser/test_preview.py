"""`notice serve` end to end: a real server on a free port, real files edited on disk, the reload
event over a real connection, and a real browser that reloads by itself."""
import shutil
import socket
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import FIXTURE_SITE
from preview_process import Preview


@pytest.fixture
def site(tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(FIXTURE_SITE, copy)
    return copy


@pytest.fixture
def preview(site):
    running = Preview(site)
    yield running
    running.stop()


def edit(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_serves_the_site_with_pretty_urls_and_the_404_page(preview):
    status, headers, body = preview.get("/cookies/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert "<caption>Analytics cookies</caption>" in body
    assert '<script src="/__notice/live-reload.js"></script>' in body
    status, headers, _ = preview.get("/cookies")
    assert status == 301 and headers["Location"] == "/cookies/"
    status, _, body = preview.get("/no/such/page/")
    assert status == 404 and "Page not found" in body
    assert preview.get("/consent.js")[1]["Content-Type"] == "text/javascript; charset=utf-8"


@pytest.mark.parametrize("path", ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/gated/..%2f..%2f..%2fetc%2fpasswd", "//etc/passwd"])
def test_nothing_outside_the_site_is_served(preview, path):
    status, _, body = preview.get(path)
    assert status == 403 and "root:" not in body


def test_a_link_leading_out_of_the_site_is_not_served(site):
    (site / "static" / "passwd").symlink_to("/etc/passwd")
    running = Preview(site)
    try:
        status, _, body = running.get("/passwd")
        assert status == 404 and "root:" not in body
    finally:
        running.stop()


def test_requests_for_other_host_names_are_refused(preview):
    """A page on another site cannot reach the preview through DNS rebinding."""
    assert preview.get("/", host=f"attacker.example:{preview.port}")[0] == 421
    assert preview.get("/", host=f"localhost:{preview.port}")[0] == 200


def test_a_whole_address_as_the_request_target_is_refused(preview):
    """`GET http://elsewhere/cookies/` is a request for a proxy; the preview answers only paths, whatever the Host."""
    import socket
    answers = []
    for target, extra in [("http://evil.example/cookies/", ""), (f"http://localhost:{preview.port}/cookies/", ""),
                          ("/cookies/", "x-notice-request-target: forged\r\n")]:
        with socket.create_connection(("127.0.0.1", preview.port), timeout=10) as connection:
            connection.sendall(f"GET {target} HTTP/1.1\r\nHost: localhost:{preview.port}\r\n{extra}Connection: close\r\n\r\n".encode())
            data = b""
            while chunk := connection.recv(65536):
                data += chunk
        answers.append(data.split(b"\r\n", 1)[0])
    assert answers == [b"HTTP/1.1 421 Misdirected Request", b"HTTP/1.1 421 Misdirected Request", b"HTTP/1.1 200 OK"]


def test_saving_a_page_sends_the_reload_event_and_serves_the_new_text(preview, site):
    events = preview.events()
    edit(site / "pages" / "cookies.md", "We use cookies.", "We use very few cookies.")
    events.next_event("event: reload", timeout=3)
    assert "We use very few cookies." in preview.get("/cookies/")[2]
    line = preview.wait_for_log("Updated")
    assert "pages/cookies.md" in line and line.endswith(" ms"), "a log line with what changed and how long it took"
    events.close()


def test_a_registry_change_rebuilds_everything(preview, site):
    events = preview.events()
    edit(site / "registry.yaml", "purpose: Used to distinguish users.", "purpose: Tells visitors apart.")
    events.next_event(timeout=3)
    assert "Tells visitors apart." in preview.get("/cookies/")[2]
    assert preview.wait_for_log("registry.yaml changed").startswith("Rebuilt 4 pages")
    events.close()


def test_a_broken_edit_shows_the_problems_on_every_page_and_the_last_good_version(preview, site):
    events = preview.events()
    edit(site / "pages" / "cookies.md", "```cookie-table service=youtube", "```cookie-table service=yotube")
    events.next_event(timeout=3)
    status, _, body = preview.get("/")
    assert status == 200
    assert 'class="notice-preview-errors" role="alert"' in body
    assert "pages/cookies.md:14:1</code> error: there is no service &#39;yotube&#39; in the registry; did you mean &#39;youtube&#39;?" in body
    assert "<caption>Cookies used by YouTube</caption>" in preview.get("/cookies/")[2], "the last good page is still served"
    preview.wait_for_log("has problems")
    edit(site / "pages" / "cookies.md", "service=yotube", "service=youtube")
    events.next_event(timeout=3)
    assert "notice-preview-errors" not in preview.get("/")[2]
    events.close()


def test_a_broken_link_saved_in_one_page_is_reported(preview, site):
    events = preview.events()
    edit(site / "pages" / "index.md", "A page with gated scripts", "A page with a [broken link](nowhere/) and gated scripts")
    events.next_event(timeout=3)
    body = preview.get("/")[2]
    assert "the link &#39;nowhere/&#39; leads to no page or file of this site" in body
    edit(site / "pages" / "index.md", "[broken link](nowhere/)", "[working link](cookies/)")
    events.next_event(timeout=3)
    assert "notice-preview-errors" not in preview.get("/")[2]
    events.close()


def test_an_open_page_reloads_by_itself(preview, site, browser):
    browser.get(preview.url + "cookies/")
    browser.execute_script("window.notReloaded = true")
    edit(site / "pages" / "cookies.md", "We use cookies.", "Freshly saved words.")
    WebDriverWait(browser, 5).until(lambda d: "Freshly saved words." in d.execute_script("return document.body.innerText"))
    assert browser.execute_script("return window.notReloaded === undefined")


def test_a_taken_port_moves_to_the_next_free_one(site):
    blocker = socket.socket()
    blocker.bind(("127.0.0.1", 0))
    blocker.listen()
    taken = blocker.getsockname()[1]
    running = Preview(site, port=taken)
    try:
        assert running.port != taken
        assert any(f"Port {taken} is in use" in line for line in running.lines)
    finally:
        running.stop()
        blocker.close()


def test_polling_notices_changes_too(site):
    running = Preview(site, extra=["--poll"])
    try:
        events = running.events()
        time.sleep(0.4)
        edit(site / "pages" / "index.md", "A page with gated scripts", "A polled page with gated scripts")
        events.next_event(timeout=5)
        assert "A polled page" in running.get("/")[2]
        events.close()
    finally:
        running.stop()


def test_ctrl_c_stops_the_preview_even_with_pages_listening(site):
    running = Preview(site)
    events = running.events()
    assert running.stop() == 0
    events.close()
