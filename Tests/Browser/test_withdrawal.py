"""Withdrawal as easy as consent, in Chromium and WebKit: tags already running stop (the page reloads
after a withdrawal, unless the site turns that off), and a Global Privacy Control signal that arrives after
an earlier Accept withdraws it."""
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import Server, build
from helpers import (settled, action, banner, click, confirmation, cookie_names, focused, open_dialog, ran, save_settings, settings_form, stored_choice,
                     wait_until_ran)

MARK = "window.noticeTestMark = 'still the same page'"
MARKED = "return window.noticeTestMark === 'still the same page'"


def accept_everything(driver, server, path="/"):
    driver.get(server.url(path))
    action(driver, "accept").click()
    wait_until_ran(driver, "functional")
    assert {"_ga", "PREF"} <= cookie_names(driver)


def test_withdrawing_in_the_dialog_reloads_the_page_so_running_tags_stop(visitor, server):
    accept_everything(visitor, server)
    action(visitor, "hide").click()
    visitor.execute_script(MARK)
    dialog = open_dialog(visitor)
    click(visitor, dialog.find_element(By.CSS_SELECTOR, '[data-notice-action="reject"]'))
    # After the reload: a new page, nothing optional ran, its cookies are gone, the confirmation has focus.
    WebDriverWait(visitor, 5).until(lambda d: not d.execute_script(MARKED) and banner(d) is not None)
    assert "You’ve rejected optional cookies." in confirmation(visitor).text
    WebDriverWait(visitor, 5).until(lambda d: focused(d).tag_name == "p")
    settled(visitor)
    assert ran(visitor) == []
    assert cookie_names(visitor) & {"_ga", "_ga_ABC123", "PREF"} == set()
    # The reload is said once: reloading again shows no message.
    visitor.refresh()
    settled(visitor)
    assert banner(visitor) is None


def test_withdrawing_on_the_policy_page_reloads_and_says_so_in_the_form(visitor, server):
    accept_everything(visitor, server, "/cookies/")
    visitor.execute_script(MARK)
    form = settings_form(visitor)
    click(visitor, form.find_element(By.CSS_SELECTOR, 'input[name="notice-analytics"][value="0"]'))
    status = save_settings(visitor, form)
    assert not visitor.execute_script(MARKED), "the page was reloaded"
    assert status.text == "You’ve saved your cookie settings."
    WebDriverWait(visitor, 5).until(lambda d: focused(d).get_attribute("role") == "status")
    wait_until_ran(visitor, "functional")
    assert "analytics" not in ran(visitor)
    assert "_ga" not in cookie_names(visitor)
    assert settings_form(visitor).find_element(By.CSS_SELECTOR, 'input[name="notice-analytics"][value="0"]').is_selected()


def test_allowing_more_does_not_reload(visitor, server):
    visitor.get(server.url("/"))
    action(visitor, "reject").click()
    confirmation(visitor)
    visitor.execute_script(MARK)
    dialog = open_dialog(visitor)
    click(visitor, dialog.find_element(By.CSS_SELECTOR, '[data-notice-action="accept"]'))
    wait_until_ran(visitor, "functional")
    assert visitor.execute_script(MARKED)


def test_a_site_can_turn_the_reload_off(browser, private_site):
    site, output, _ = private_site
    settings = site / "site.yaml"
    settings.write_text(settings.read_text().replace("  lifetime: 90 days\n", "  lifetime: 90 days\n  reloadOnWithdraw: false\n"))
    build(site, output)
    server = Server(output)
    try:
        accept_everything(browser, server)
        browser.execute_script(MARK)
        click(browser, open_dialog(browser).find_element(By.CSS_SELECTOR, '[data-notice-action="reject"]'))
        WebDriverWait(browser, 5).until(lambda d: "You’ve rejected optional cookies." in banner(d).text)
        assert browser.execute_script(MARKED), "no reload"
        assert cookie_names(browser) & {"_ga", "PREF"} == set(), "the cookies still go"
    finally:
        server.close()


GPC_ON = "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: () => true})"


def test_global_privacy_control_after_an_earlier_accept_withdraws_it(browser, server):
    accept_everything(browser, server)
    assert stored_choice(browser)["g"] == 0
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": GPC_ON})
    browser.get(server.url("/"))
    settled(browser)
    assert ran(browser) == [], "the signal stops what the earlier choice allowed"
    assert stored_choice(browser)["c"] == {"analytics": False, "functional": False}
    assert stored_choice(browser)["g"] == 1
    assert "Global Privacy Control" in banner(browser).text
    WebDriverWait(browser, 5).until(lambda d: not cookie_names(d) & {"_ga", "_ga_ABC123", "PREF"})
    assert browser.execute_script("return localStorage.getItem('_hjLocal')") is None


def test_a_choice_made_while_the_signal_is_on_is_respected(browser, server):
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": GPC_ON})
    browser.get(server.url("/cookies/"))
    form = settings_form(browser)
    assert "Global Privacy Control" in form.text
    click(browser, form.find_element(By.CSS_SELECTOR, 'input[name="notice-analytics"][value="1"]'))
    click(browser, form.find_element(By.CSS_SELECTOR, 'input[name="notice-functional"][value="0"]'))
    save_settings(browser, form)
    assert stored_choice(browser)["c"] == {"analytics": True, "functional": False}
    assert stored_choice(browser)["g"] == 1, "recorded with the signal"
    browser.get(server.url("/"))
    wait_until_ran(browser, "analytics")
    assert banner(browser) is None
