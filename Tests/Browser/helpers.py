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
    """The consent control for this action, waiting a moment for it: the confirmation after a choice is
    shown once consent-settings.js has been fetched."""
    return WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, f'[data-notice-action="{name}"]'))[0]


def confirmation(driver):
    """The banner once it says what was chosen (after a choice; it words it with consent-settings.js)."""
    WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, '.notice-consent [data-notice-action="hide"]'))
    return banner(driver)


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


def open_dialog(driver):
    """Clicks the banner's "Choose which cookies" and waits for the settings dialog, which the consent
    script opens once it has fetched consent-settings.js."""
    from selenium.common.exceptions import StaleElementReferenceException

    def press(d):
        # Right after a choice the banner's words are replaced (the confirmation comes with the settings
        # script): a control found a moment before may be gone; find it again.
        try:
            action(d, "choose").click()
            return True
        except StaleElementReferenceException:
            return False
    WebDriverWait(driver, 5).until(press)
    return WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "dialog[open]"))[0]


def settings_form(driver):
    """The policy page's settings, once the consent script has put the form in place."""
    return WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-notice-settings] form"))[0]


def save_settings(driver, form):
    """Presses the form's Save button; returns once the choice is saved and said (after the reload that a
    withdrawal brings, when it does)."""
    form.find_element(By.CSS_SELECTOR, "button:not([type])").click()
    return wait_for_saved(driver)


def wait_for_saved(driver):
    """The settings' status once it says the choice was saved."""
    def status(d):
        found = d.find_elements(By.CSS_SELECTOR, '[data-notice-settings] [role="status"]')
        return found[0] if found and found[0].text else None
    return WebDriverWait(driver, 5).until(status)


def click(driver, element):
    """Scrolls an element into view (inside a scrolled dialog too) and clicks it, as a visitor would."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def open_dialog_from_footer(driver):
    """Clicks the footer's "Cookie settings" link and waits for the settings dialog."""
    link = driver.find_element(By.CSS_SELECTOR, "footer a[data-notice-action]")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    return WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "dialog[open]"))[0]


def withdraw_in_dialog(driver):
    """After an Accept: reopens the settings from the footer, presses Reject all, and waits for the page
    the withdrawal reloads, with its confirmation."""
    dialog = open_dialog_from_footer(driver)
    driver.execute_script("window.noticeBeforeReload = true")
    reject = dialog.find_element(By.CSS_SELECTOR, '[data-notice-action="reject"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", reject)
    reject.click()
    WebDriverWait(driver, 5).until(lambda d: not d.execute_script("return window.noticeBeforeReload")
                                   and d.find_elements(By.CSS_SELECTOR, ".notice-consent [tabindex]"))


def settled(driver, path=None):
    """Waits for the page's own signal that everything it would run has run: the document (at `path`,
    when a click is taking the browser there) fully loaded, which scripts the consent script inserts
    delay, and the consent script's API in place. What has not run by then will not run."""
    WebDriverWait(driver, 5).until(lambda d: (path is None or d.execute_script("return location.pathname") == path)
                                   and d.execute_script("return document.readyState === 'complete' && !!window.NoticeConsent"))
