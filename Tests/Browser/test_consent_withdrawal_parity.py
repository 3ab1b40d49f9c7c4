"""Consent, third generation, in Chromium and WebKit: withdrawing is as easy as giving, no tag outlives a
refusal, Consent Mode never says "granted" when the visitor's answer is no, a changed registry asks again
and says why, and the banner tells before it asks while keeping its three choices in view on a phone."""
import time
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import build, chromium, webkit
from helpers import settled, action, banner, click, confirmation, cookie_names, focused, open_dialog, ran, stored_choice, wait_until_ran
from test_withdrawal import GPC_ON, MARK, MARKED, accept_everything

SETTINGS_FETCHED = "return performance.getEntriesByType('resource').some(e => /consent-settings\\.[0-9a-f]+\\.js/.test(e.name))"


def test_a_tag_writing_as_the_page_unloads_does_not_survive_a_withdrawal(visitor, server):
    """The test site's analytics tag writes _ga again on pagehide, after the withdrawal's clean-up and before
    the reload: the reloaded page clears it again, and it stays gone on later pages."""
    accept_everything(visitor, server)
    action(visitor, "hide").click()
    visitor.execute_script(MARK)
    dialog = open_dialog(visitor)
    click(visitor, dialog.find_element(By.CSS_SELECTOR, '[data-notice-action="reject"]'))
    WebDriverWait(visitor, 5).until(lambda d: not d.execute_script(MARKED))
    WebDriverWait(visitor, 5).until(lambda d: not cookie_names(d) & {"_ga", "_ga_ABC123", "PREF"})
    for path in ["/inline/", "/cookies/", "/"]:
        visitor.get(server.url(path))
        settled(visitor)
        assert not cookie_names(visitor) & {"_ga", "_ga_ABC123", "PREF"}, path
        assert ran(visitor) == []


def test_a_stored_refusal_clears_a_category_cookie_that_comes_back(visitor, server):
    visitor.get(server.url("/"))
    action(visitor, "reject").click()
    confirmation(visitor)
    # A server, or a tag on another subdomain, sets a refused category's cookie again.
    visitor.execute_script("document.cookie = '_ga=GA1.1.99; Path=/; Max-Age=86400'")
    visitor.get(server.url("/inline/"))
    WebDriverWait(visitor, 5).until(lambda d: "_ga" not in cookie_names(d))


def test_the_settings_file_is_not_fetched_on_the_page_views_of_a_visitor_with_nothing_to_clear(browser, server):
    accept_everything(browser, server)
    for path in ["/inline/", "/"]:
        browser.get(server.url(path))
        wait_until_ran(browser, "analytics")
        assert not browser.execute_script(SETTINGS_FETCHED), f"an Accept needs no clean-up: {path}"
    browser.delete_all_cookies()
    browser.get(server.url("/"))
    action(browser, "reject").click()
    confirmation(browser)
    browser.get(server.url("/inline/"))
    time.sleep(0.3)
    assert not browser.execute_script(SETTINGS_FETCHED), "a refusal with nothing left to clear fetches nothing"


def consent_mode(driver):
    return [entry[1:] for entry in driver.execute_script("return (window.dataLayer || []).map(a => Array.from(a))")
            if entry[0] == "consent"]


DENIED = {"analytics_storage": "denied", "functionality_storage": "denied", "personalization_storage": "denied"}
GRANTED = {"analytics_storage": "granted", "functionality_storage": "granted", "personalization_storage": "granted"}


def test_consent_mode_is_denied_by_default_then_one_update_from_the_effective_choice(browser, server):
    accept_everything(browser, server)
    browser.get(server.url("/inline/"))
    assert consent_mode(browser) == [["default", DENIED], ["update", GRANTED]], "a returning visitor's default is denied too"
    # Global Privacy Control over the earlier Accept: never granted, not even for this page view.
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": GPC_ON})
    browser.get(server.url("/"))
    assert consent_mode(browser) == [["default", DENIED], ["update", DENIED]]


def test_a_changed_registry_removes_the_old_record_and_says_why_it_asks_again(visitor, private_site):
    site, output, server = private_site
    visitor.get(server.url("/"))
    action(visitor, "accept").click()
    confirmation(visitor)
    registry = (site / "registry.yaml").read_text(encoding="utf-8")
    (site / "registry.yaml").write_text(registry.replace("      - name: YSC", "      - name: VISITOR_INFO1_LIVE\n        purpose: Preferences.\n        duration: After 8 months\n      - name: YSC"),
                                        encoding="utf-8")
    build(site, output)
    visitor.get(server.url("/"))
    region = banner(visitor)
    assert region.find_element(By.TAG_NAME, "p").text == "We’ve changed the cookies we use since you last chose.", "said first"
    assert not cookie_names(visitor) & {"cookie-management-status", "cookie-management-preferences-set", "cookie-management-version"}
    assert ran(visitor) == []
    # Once answered, the reason is not said again.
    action(visitor, "reject").click()
    confirmation(visitor)
    visitor.get(server.url("/"))
    assert banner(visitor) is None


def test_the_banner_says_how_long_the_choice_is_kept_and_where_to_change_it(visitor, server):
    visitor.get(server.url("/"))
    assert "We’ll remember your choice for 90 days. You can change it at any time in Cookie settings." in banner(visitor).text


def test_cookie_settings_stay_one_action_away_on_every_page(visitor, server):
    accept_everything(visitor, server)
    action(visitor, "hide").click()
    # Hiding the confirmation leaves the button in its place; every later page has it at the top.
    for path in ["/", "/inline/", "/videos/"]:
        if path != "/":
            visitor.get(server.url(path))
        button = WebDriverWait(visitor, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".notice-consent-bar button"))[0]
        assert button.text == "Cookie settings"
        assert button.get_attribute("data-notice-action") == "choose"
        top = visitor.execute_script("return arguments[0].getBoundingClientRect().bottom", button)
        assert top <= visitor.execute_script("return innerHeight"), "in view without scrolling"
        assert visitor.execute_script("return getComputedStyle(arguments[0].parentNode).position", button) == "static", "in the page flow, over nothing"
    click(visitor, button)
    WebDriverWait(visitor, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "dialog[open]"))


def test_withdrawing_takes_two_clicks_from_any_page(visitor, server):
    accept_everything(visitor, server)
    visitor.get(server.url("/inline/"))
    wait_until_ran(visitor, "analytics")
    action(visitor, "choose").click()
    dialog = WebDriverWait(visitor, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "dialog[open]"))[0]
    dialog.find_element(By.CSS_SELECTOR, '[data-notice-action="reject"]').click()
    WebDriverWait(visitor, 5).until(lambda d: stored_choice(d)["c"] == {"analytics": False, "functional": False})


def test_withdrawing_takes_five_key_presses_from_page_load(visitor, server):
    """Tab (skip link), Tab (Cookie settings), Enter (the dialog, on Accept all), Tab (Reject all), Enter."""
    browser = visitor
    accept_everything(browser, server)
    browser.get(server.url("/inline/"))
    wait_until_ran(browser, "analytics")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    focused(browser).send_keys(Keys.TAB)
    assert focused(browser).text == "Cookie settings"
    focused(browser).send_keys(Keys.ENTER)
    WebDriverWait(browser, 5).until(lambda d: focused(d).text == "Accept all")
    focused(browser).send_keys(Keys.TAB)
    assert focused(browser).text == "Reject all"
    focused(browser).send_keys(Keys.ENTER)
    WebDriverWait(browser, 5).until(lambda d: stored_choice(d)["c"] == {"analytics": False, "functional": False})


def in_view(driver, element):
    return driver.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth",
        element)


def sized_browsers(display):
    for width, height in [(1280, 800), (320, 640)]:
        for engine in ["chromium", "webkit"]:
            yield f"{engine} {width}×{height}", (chromium(width=width, height=height) if engine == "chromium"
                                                 else webkit(display, width=width, height=height))


def test_the_dialogs_actions_are_in_view_at_desktop_and_phone_sizes(display, server):
    for label, driver in sized_browsers(display):
        try:
            driver.get(server.url("/"))
            dialog = open_dialog(driver)
            for name in ["Accept all", "Reject all", "Save choices"]:
                button = next(b for b in dialog.find_elements(By.TAG_NAME, "button") if b.text == name)
                assert in_view(driver, button), f"{label}: {name} is out of view"
        finally:
            driver.quit()


def test_on_a_phone_the_banner_keeps_its_choices_in_view_in_three_quarters_of_the_screen(display, server):
    for label, driver in sized_browsers(display):
        try:
            driver.get(server.url("/"))
            region = banner(driver)
            height = driver.execute_script("return arguments[0].getBoundingClientRect().height", region)
            screen = driver.execute_script("return innerHeight")
            for name in ["accept", "reject", "choose"]:
                assert in_view(driver, action(driver, name)), f"{label}: {name} is out of view"
            if "320" in label:
                assert height <= 0.75 * screen, f"{label}: the banner is {height / screen:.0%} of the screen"
                # The purposes are folded there, one tap away.
                summary = region.find_element(By.TAG_NAME, "summary")
                summary.click()
                assert region.find_element(By.TAG_NAME, "details").get_attribute("open") is not None
            else:
                assert region.find_element(By.TAG_NAME, "details").get_attribute("open") is not None, "open where there is room"
        finally:
            driver.quit()


def test_the_settings_button_is_not_printed(browser, server):
    accept_everything(browser, server)
    browser.get(server.url("/inline/"))
    button = action(browser, "choose")
    assert button.is_displayed()
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert not browser.find_element(By.CSS_SELECTOR, ".notice-consent-bar").is_displayed()


def test_a_choice_older_than_its_lifetime_asks_again(browser, server, built_site):
    """The record carries when it was made: a copy of the cookie that outlives `lifetime` (a server-set
    copy for Safari, say) does not keep the choice beyond it."""
    import datetime
    import json
    from helpers import registry_version
    version = registry_version(built_site)
    browser.get(server.url("/"))
    for days, asked in [(89, False), (91, True)]:
        made = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=days)).isoformat()
        record = urllib.parse.quote(json.dumps({"c": {"analytics": True, "functional": True}, "t": made, "v": version}))
        for name, value in [("cookie-management-status", record), ("cookie-management-preferences-set", "true")]:
            browser.add_cookie({"name": name, "value": value, "path": "/"})
        browser.get(server.url("/"))
        assert (banner(browser) is not None) == asked, f"{days} days"
