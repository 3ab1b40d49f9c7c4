"""Informed consent, in Chromium and WebKit: the banner says what each optional category is for, the
settings say what is in each category and where the policy explains it, and the settings are one click
away from every page."""
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from helpers import (action, banner, confirmation, click, focused, open_dialog, ran, settings_form, stored_choice, wait_until_ran)

REGISTRY_PURPOSES = [
    "Analytics cookies: We use analytics to understand how you use the website.",
    "Functional cookies: Functional cookies let you watch embedded videos.",
]


def test_the_banner_says_what_each_optional_category_is_for(visitor, server):
    visitor.get(server.url("/"))
    region = banner(visitor)
    assert [item.text for item in region.find_elements(By.CSS_SELECTOR, "li")] == REGISTRY_PURPOSES
    assert region.get_attribute("data-nosnippet") is not None, "search engines must not quote the banner"
    assert region.get_attribute("role") == "region"
    assert region.get_attribute("aria-label") == "Cookies on Test County Council"


def test_the_banner_keeps_its_name_after_a_choice(visitor, server):
    """The region's accessible name survives the confirmation (it was lost with aria-labelledby)."""
    visitor.get(server.url("/"))
    action(visitor, "reject").click()
    region = confirmation(visitor)
    assert "You’ve rejected optional cookies." in region.text
    assert region.get_attribute("aria-label") == "Cookies on Test County Council"
    assert region.get_attribute("aria-labelledby") is None


def test_the_dialog_describes_each_category_names_its_services_and_links_its_section(visitor, server):
    visitor.get(server.url("/"))
    dialog = open_dialog(visitor)
    groups = dialog.find_elements(By.CSS_SELECTOR, "fieldset")
    assert [group.find_element(By.TAG_NAME, "legend").text for group in groups] == ["Analytics cookies", "Functional cookies"]
    assert "We use analytics to understand how you use the website." in groups[0].text
    assert "Used by: Test Analytics" in groups[0].text
    assert "Used by: YouTube" in groups[1].text
    links = [group.find_element(By.TAG_NAME, "a") for group in groups]
    assert [link.text for link in links] == ["More about analytics cookies", "More about functional cookies"]
    targets = [link.get_attribute("href") for link in links]
    assert targets == [server.url("/cookies/#analytics-cookies"), server.url("/cookies/#functional-cookies")]
    # Each link leads to its section of the policy page.
    click(visitor, links[1])
    WebDriverWait(visitor, 5).until(lambda d: urllib.parse.urlparse(d.current_url).fragment == "functional-cookies")
    assert visitor.find_element(By.ID, "functional-cookies").text == "Functional cookies"


def test_accept_all_and_reject_all_sit_beside_save_equal_in_style(visitor, server):
    visitor.get(server.url("/"))
    dialog = open_dialog(visitor)
    buttons = dialog.find_elements(By.CSS_SELECTOR, ".notice-consent__buttons button")
    assert [button.text for button in buttons] == ["Accept all", "Reject all", "Save choices", "Cancel"]
    style = "const s = getComputedStyle(arguments[0]); return [s.backgroundColor, s.color, s.fontSize, s.fontWeight, s.paddingTop, s.borderTopWidth]"
    looks = [tuple(visitor.execute_script(style, button)) for button in buttons[:3]]
    assert len(set(looks)) == 1, looks
    heights = {button.size["height"] for button in buttons[:3]}
    assert len(heights) == 1, heights
    click(visitor, buttons[0])
    WebDriverWait(visitor, 5).until(lambda d: not d.find_elements(By.CSS_SELECTOR, "dialog"))
    wait_until_ran(visitor, "functional")
    assert stored_choice(visitor)["c"] == {"analytics": True, "functional": True}
    assert "You’ve accepted optional cookies." in confirmation(visitor).text


def test_reject_all_in_the_dialog_refuses_everything(visitor, server):
    visitor.get(server.url("/"))
    click(visitor, open_dialog(visitor).find_element(By.CSS_SELECTOR, '[data-notice-action="reject"]'))
    WebDriverWait(visitor, 5).until(lambda d: not d.find_elements(By.CSS_SELECTOR, "dialog"))
    assert stored_choice(visitor)["c"] == {"analytics": False, "functional": False}
    assert "You’ve rejected optional cookies." in confirmation(visitor).text
    assert ran(visitor) == []


def test_the_footer_link_opens_the_settings_dialog_on_any_page(visitor, server):
    visitor.get(server.url("/"))
    action(visitor, "reject").click()
    action(visitor, "hide").click()
    assert banner(visitor) is None
    footer_link = visitor.find_element(By.CSS_SELECTOR, "footer a")
    assert footer_link.text == "Cookie settings"
    assert footer_link.get_attribute("href") == server.url("/cookies/#cookie-settings")
    click(visitor, footer_link)
    dialog = WebDriverWait(visitor, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "dialog[open]"))[0]
    assert urllib.parse.urlparse(visitor.current_url).path == "/", "the visitor stays on the page"
    assert dialog.find_element(By.CSS_SELECTOR, 'input[name="notice-analytics"][value="0"]').is_selected()
    assert focused(visitor).text == "Accept all", "focus starts on the first action, with Reject all next"
    # Allowing a category from the footer's dialog: no reload is needed, the scripts start at once.
    click(visitor, dialog.find_element(By.CSS_SELECTOR, 'input[name="notice-analytics"][value="1"]'))
    click(visitor, dialog.find_element(By.CSS_SELECTOR, "button:not([type])"))
    wait_until_ran(visitor, "analytics")
    assert "You’ve accepted some optional cookies: Analytics cookies." in confirmation(visitor).text
    assert focused(visitor).tag_name == "p", "focus goes to the confirmation"


def test_on_the_policy_page_the_footer_link_goes_to_the_form(visitor, server):
    visitor.get(server.url("/cookies/"))
    settings_form(visitor)
    click(visitor, visitor.find_element(By.CSS_SELECTOR, "footer a"))
    WebDriverWait(visitor, 5).until(lambda d: focused(d).text == "Accept all")
    assert visitor.find_elements(By.CSS_SELECTOR, "dialog") == []


def test_without_javascript_the_footer_link_leads_to_the_form_itself(browser_without_javascript, server):
    browser = browser_without_javascript
    browser.get(server.url("/"))
    browser.find_element(By.CSS_SELECTOR, "footer a").click()
    assert browser.current_url == server.url("/cookies/#cookie-settings")
    target = browser.find_element(By.ID, "cookie-settings")
    assert "do not have JavaScript enabled" in target.text
    top = browser.execute_script("return arguments[0].getBoundingClientRect().top", target)
    assert 0 <= top < browser.execute_script("return innerHeight"), "the form is scrolled into view"


def test_when_the_settings_cannot_be_fetched_the_link_still_leads_to_the_form(browser, private_site):
    """A stale consent.js naming a settings file that is gone: the visitor is taken to the policy's form."""
    site, output, server = private_site
    for settings in output.glob("consent-settings.*"):
        settings.unlink()
    browser.get(server.url("/"))
    action(browser, "choose").click()
    WebDriverWait(browser, 5).until(lambda d: d.current_url == server.url("/cookies/#cookie-settings"))
