"""`notice import` of a published address: one plain GET (no browser), redirects followed on the same site
only, and a clear message when the page's table needs a script to appear. Served on loopback here."""
import http.server
import subprocess
import threading

import pytest

from conftest import NOTICE, REPOSITORY

PAGE = (REPOSITORY / "docs" / "examples" / "cookie-policy.html").read_bytes()
SCRIPTED = b"<!DOCTYPE html><html><body><main><h1>Cookies</h1><div id='cookie-table'></div><script src='/cmp.js'></script></main></body></html>"


class Pages(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/cookies":
            return self.send(200, PAGE)
        if self.path == "/old-cookies":
            return self.send(301, b"", location="/cookies")
        if self.path == "/elsewhere":
            return self.send(302, b"", location="https://www.example.com/cookies")
        if self.path == "/scripted":
            return self.send(200, SCRIPTED)
        return self.send(404, b"not here")

    def send(self, status, body, location=None):
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        if location:
            self.send_header("Location", location)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def address():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def notice_import(*arguments, cwd):
    return subprocess.run([str(NOTICE), "import", *arguments], capture_output=True, text=True, cwd=cwd, timeout=120,
                          env={"NOTICE_THEMES": str(REPOSITORY / "themes"), "PATH": "/usr/bin:/bin"})


def test_a_published_address_is_imported_following_a_redirect_on_the_same_site(address, tmp_path):
    result = notice_import(f"{address}/old-cookies", "site", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Imported 2 tables (4 cookie rows) from {address}/old-cookies into site/.")
    assert "baseURL: http://127.0.0.1" in (tmp_path / "site" / "site.yaml").read_text(encoding="utf-8")
    assert '"Checks if you’ve visited our site before. This helps us count how many people visit our site"' in (tmp_path / "site" / "registry.yaml").read_text(encoding="utf-8")


def test_a_redirect_to_another_site_is_refused(address, tmp_path):
    result = notice_import(f"{address}/elsewhere", "site", cwd=tmp_path)
    assert result.returncode == 1
    assert f"error: {address}/elsewhere redirects to another site, https://www.example.com/cookies" in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_table_a_script_fills_in_is_explained(address, tmp_path):
    result = notice_import(f"{address}/scripted", "site", cwd=tmp_path)
    assert result.returncode == 1
    assert "its table is probably filled in by a script, which notice import does not run" in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_missing_page_and_other_schemes_are_plain_errors(address, tmp_path):
    missing = notice_import(f"{address}/nothing", "site", cwd=tmp_path)
    assert missing.returncode == 1 and f"error: {address}/nothing answered 404 Not Found; check the address" in missing.stderr
    plain = notice_import("http://www.example.gov.uk/cookies", "site", cwd=tmp_path)
    assert plain.returncode == 1 and "notice import reads https:// addresses (http:// only for this computer" in plain.stderr
