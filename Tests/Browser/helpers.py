"""Small helpers shared by the browser tests."""
import json
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

OPTIONAL_COOKIES = {"_ga", "_ga_ABC123", "_ga_PARENT", "PREF"}
CONSENT_COOKIES = {"cookie-management-status", "cookie-management-preferences-set", "cookie-management-version"}


def ran(driver):
    """The gated test scripts that have run on this page, in order."""
    return driver.execute_script("return window.noticeTest || []")


def wait_until_ran(driver, name):
    WebDriverWait(driver, 5).until(lambda d: name in ran(d))


def cookie_names(driver):
    return {cookie["name"] for cookie in driver.get_cookies()}


def banner(driver):
    found = driver.find_elements(By.CSS_SELECTOR, ".notice-consent")
    return found[0] if found else None


def action(driver, name):
    return driver.find_element(By.CSS_SELECTOR, f'[data-notice-action="{name}"]')


def stored_choice(driver):
    status = driver.get_cookie("cookie-management-status")
    return json.loads(urllib.parse.unquote(status["value"])) if status else None


def focused(driver):
    return driver.switch_to.active_element


def storage_keys(driver):
    return set(driver.execute_script("return Object.keys(localStorage).concat(Object.keys(sessionStorage))"))


def severe_console_messages(driver):
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def registry_version(site_output):
    return json.loads((site_output / "cookies.json").read_text())["version"]
