"""A plain `notice build`, opened straight from disk (file://), is styled and shows the consent banner:
no Subresource Integrity attribute stops the browser loading its files. With --integrity the
attributes are there for a web server."""
import os
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import FIXTURE_SITE, NOTICE, REPOSITORY
from helpers import action, banner


def test_a_plain_build_works_opened_from_disk(browser, built_site):
    browser.get((built_site / "cookies" / "index.html").as_uri())
    WebDriverWait(browser, 5).until(lambda d: banner(d) is not None)
    assert action(browser, "accept").is_displayed()
    # The theme's stylesheet applied: the skip link is hidden (1 px) until focused.
    skip = browser.find_element(By.CSS_SELECTOR, ".notice-skip-link")
    assert browser.execute_script("return arguments[0].getBoundingClientRect().width", skip) <= 1
    assert "integrity=" not in (built_site / "cookies" / "index.html").read_text()


def test_integrity_attributes_are_added_when_asked(tmp_path):
    output = tmp_path / "output"
    result = subprocess.run([str(NOTICE), "build", "--site", str(FIXTURE_SITE), "--output", str(output), "--integrity"],
                            capture_output=True, text=True, env={**os.environ, "NOTICE_THEMES": str(REPOSITORY / "themes")})
    assert result.returncode == 0, result.stderr
    page = (output / "cookies" / "index.html").read_text()
    assert 'integrity="sha384-' in page
