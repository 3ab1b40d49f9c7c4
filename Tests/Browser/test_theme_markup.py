"""A theme changes the consent interface's markup, not only its style: the plain theme's test site wears
GOV.UK Frontend's cookie banner markup (its own consent-banner and consent-confirm templates), and the
consent script asks, confirms and hides with it, in Chromium and WebKit."""
import json
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from helpers import focused, stored_choice


def govuk_banner(driver):
    found = driver.find_elements(By.CSS_SELECTOR, ".govuk-cookie-banner")
    return found[0] if found else None


def test_the_banner_is_the_themes_markup_and_asks(visitor, plain_site):
    visitor.get(plain_site[1].url("/"))
    banner = WebDriverWait(visitor, 5).until(lambda d: govuk_banner(d))
    assert banner.get_attribute("role") == "region"
    assert banner.get_attribute("aria-label") == "Cookies on Example County Council"
    assert visitor.find_elements(By.CSS_SELECTOR, ".notice-consent") == [], "none of the default theme's banner"
    heading = banner.find_element(By.CSS_SELECTOR, "h2.govuk-cookie-banner__heading")
    assert heading.text == "Cookies on Example County Council"
    # The part shown only when asking again is gone; the categories' purposes are listed.
    assert banner.find_elements(By.CSS_SELECTOR, "[data-notice-when]") == []
    assert "We’ve changed" not in banner.text
    assert "Cookies that measure website use: We use these to count visits" in banner.find_element(By.CSS_SELECTOR, ".govuk-list").text
    buttons = banner.find_elements(By.CSS_SELECTOR, ".govuk-button-group .govuk-button")
    assert [button.text for button in buttons] == ["Accept optional cookies", "Reject optional cookies"]
    # Its link is resolved against the script's address: the policy page's form, from any page.
    link = banner.find_element(By.CSS_SELECTOR, 'a[data-notice-action="choose"]')
    assert link.get_attribute("href") == plain_site[1].url("/cookies/#cookie-settings")
    # Keyboard: the skip link, then Accept, then Reject.
    body = visitor.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    assert "notice-skip-link" in focused(visitor).get_attribute("class")
    focused(visitor).send_keys(Keys.TAB)
    assert focused(visitor).text == "Accept optional cookies"


def test_rejecting_confirms_in_the_themes_markup_with_focus_then_hides(visitor, plain_site):
    visitor.get(plain_site[1].url("/"))
    WebDriverWait(visitor, 5).until(lambda d: govuk_banner(d))
    visitor.find_element(By.CSS_SELECTOR, '.govuk-cookie-banner [data-notice-action="reject"]').click()
    message = WebDriverWait(visitor, 5).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, '.govuk-cookie-banner__message[role="alert"]'))[0]
    WebDriverWait(visitor, 5).until(lambda d: focused(d) == message)
    assert message.find_element(By.CSS_SELECTOR, ".govuk-cookie-banner__content").text == (
        "You’ve rejected optional cookies. You can change your cookie settings at any time.")
    assert stored_choice(visitor)["c"] == {"analytics": False}
    message.find_element(By.CSS_SELECTOR, '[data-notice-action="hide"]').click()
    WebDriverWait(visitor, 5).until(lambda d: govuk_banner(d) is None)
    # Then the settings button (the theme keeps the default one) is at the top of the page.
    assert visitor.find_element(By.CSS_SELECTOR, '.notice-consent-bar [data-notice-action="choose"]').text == "Cookie settings"


def test_accepting_by_keyboard_says_so(visitor, plain_site):
    visitor.get(plain_site[1].url("/cookies/"))
    accept = WebDriverWait(visitor, 5).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, '.govuk-cookie-banner [data-notice-action="accept"]'))[0]
    accept.send_keys(Keys.ENTER)
    message = WebDriverWait(visitor, 5).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, '.govuk-cookie-banner__message[role="alert"]'))[0]
    assert message.text.startswith("You’ve accepted optional cookies.")
    status = visitor.get_cookie("cookie-management-status")
    assert json.loads(urllib.parse.unquote(status["value"]))["c"] == {"analytics": True}
    # The policy page's form (the default theme's consent-dialog) shows the choice.
    use = visitor.find_element(By.CSS_SELECTOR, '[data-notice-settings] input[name="notice-analytics"][value="1"]')
    assert use.is_selected()
