"""Proof of consent, in Chromium and WebKit: each choice has a random consent id that the policy page
shows, and a site that sets `consent.receipts` receives a JSON receipt of each choice."""
import http.server
import json
import re
import threading
import time
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import Server, build
from helpers import action, click, open_dialog, registry_version, save_settings, settings_form, stored_choice

UUID4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def test_each_choice_gets_a_random_consent_id_shown_on_the_policy_page(visitor, server):
    visitor.get(server.url("/cookies/"))
    form = settings_form(visitor)
    assert "consent ID" not in form.text, "no id before a choice"
    action(visitor, "accept").click()
    first = stored_choice(visitor)["i"]
    assert UUID4.match(first), first
    form = settings_form(visitor)
    WebDriverWait(visitor, 5).until(lambda d: first in settings_form(d).text)
    assert f"Your consent ID: {first}." in settings_form(visitor).text
    click(visitor, form.find_element(By.CSS_SELECTOR, 'input[name="notice-functional"][value="1"]'))
    save_settings(visitor, form)
    second = stored_choice(visitor)["i"]
    assert UUID4.match(second) and second != first, "a new choice has a new id"
    assert f"Your consent ID: {second}." in settings_form(visitor).text


class Receiver:
    """An HTTP server on 127.0.0.1 that keeps the body of every POST it receives."""

    def __init__(self):
        receipts = self.receipts = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receipts.append({"path": self.path, "type": self.headers.get("Content-Type"), "body": body.decode()})
                self.send_response(204)
                self.end_headers()

            def log_message(self, format, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/receipts"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def test_each_choice_is_sent_as_a_receipt_when_the_site_collects_them(visitor, private_site):
    site, output, _ = private_site
    receiver = Receiver()
    settings = site / "site.yaml"
    settings.write_text(settings.read_text().replace("  lifetime: 90 days\n", f"  lifetime: 90 days\n  receipts: {receiver.url}\n"))
    build(site, output)
    # The page's policy must let it reach the receiver, as docs/consent.md says.
    server = Server(output, extra_csp=f"; connect-src 'self' {receiver.url.rsplit('/', 1)[0]}")
    try:
        visitor.get(server.url("/"))
        click(visitor, open_dialog(visitor).find_element(By.CSS_SELECTOR, 'input[name="notice-analytics"][value="1"]'))
        click(visitor, visitor.find_element(By.CSS_SELECTOR, 'input[name="notice-functional"][value="0"]'))
        click(visitor, visitor.find_element(By.CSS_SELECTOR, "dialog button:not([type])"))
        WebDriverWait(visitor, 5).until(lambda d: receiver.receipts)
        receipt = json.loads(receiver.receipts[0]["body"])
        record = stored_choice(visitor)
        assert receipt == {
            "id": record["i"], "choices": {"analytics": True, "functional": False}, "version": registry_version(output),
            "time": record["t"], "gpc": False, "url": server.url("/"),
        }
        assert receiver.receipts[0]["type"].startswith("text/plain"), "a simple request: no preflight"
        assert receiver.receipts[0]["path"] == "/receipts"
    finally:
        server.close()
        receiver.close()


def test_no_receipt_is_sent_when_the_site_does_not_collect_them(browser, server):
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
        window.beacons = [];
        const send = navigator.sendBeacon.bind(navigator);
        navigator.sendBeacon = (url, data) => { window.beacons.push(String(url)); return send(url, data); };"""})
    browser.get(server.url("/"))
    action(browser, "accept").click()
    time.sleep(0.3)
    assert browser.execute_script("return window.beacons") == []
