"""WCAG 2.2 criteria that axe cannot decide, checked in Chromium on the example site's consent banner,
settings dialog, settings form and cookie tables, at 320 and 1280 CSS pixels: text spacing (1.4.12),
forced colours, focus not obscured (2.4.11) and target size (2.5.8)."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import chromium
from helpers import action, click, focused, open_dialog, open_dialog_from_footer, withdraw_in_dialog

WIDTHS = [(320, 640), (1280, 800)]

# The user style sheet of WCAG 1.4.12, applied through the CSS object model (a strict CSP forbids a
# <style> element, not this).
TEXT_SPACING = """
for (const element of document.querySelectorAll('body *')) {
  element.style.setProperty('line-height', '1.5', 'important');
  element.style.setProperty('letter-spacing', '0.12em', 'important');
  element.style.setProperty('word-spacing', '0.16em', 'important');
  if (element.tagName === 'P') element.style.setProperty('margin-bottom', '2em', 'important');
}
"""

# Elements whose text is cut off: content larger than the box where overflow is hidden or clipped.
CLIPPED = """
const clipped = [];
const roots = document.querySelectorAll(arguments[0]);
if (!roots.length) return ['nothing on the page matches ' + arguments[0]];
for (const element of roots) {
  for (const node of [element, ...element.querySelectorAll('*')]) {
    const style = getComputedStyle(node);
    if (!['hidden', 'clip'].includes(style.overflowX) && !['hidden', 'clip'].includes(style.overflowY)) continue;
    // Visually hidden on purpose (for screen readers only): a 1 px box, clipped away.
    if (node.clientWidth <= 1 || style.clipPath === 'inset(50%)') continue;
    if (node.scrollWidth > node.clientWidth + 1 || node.scrollHeight > node.clientHeight + 1) clipped.push(node.outerHTML.slice(0, 80));
  }
}
return clipped;
"""

# Targets smaller than 24 by 24 CSS pixels, leaving out links inside a sentence (the inline exception).
SMALL_TARGETS = """
const small = [];
const roots = document.querySelectorAll(arguments[0]);
if (!roots.length) return ['nothing on the page matches ' + arguments[0]];
for (const element of roots) {
  for (const target of element.querySelectorAll('button, input, select, a[href]')) {
    const box = target.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (target.tagName === 'A' && getComputedStyle(target).display === 'inline') continue;
    const control = target.type === 'radio' || target.type === 'checkbox' ? target.closest('label') || target : target;
    const area = control.getBoundingClientRect();
    if (area.width < 24 || area.height < 24) small.push(target.outerHTML.slice(0, 80) + ' ' + Math.round(area.width) + 'x' + Math.round(area.height));
  }
}
return small;
"""

# Whether the focused element's box is covered by something else (its centre and its four corners).
OBSCURED = """
const element = document.activeElement;
if (!element || element === document.body) return 'nothing has the focus';
const box = element.getBoundingClientRect();
const points = [[box.left + box.width / 2, box.top + box.height / 2], [box.left + 1, box.top + 1],
                [box.right - 1, box.top + 1], [box.left + 1, box.bottom - 1], [box.right - 1, box.bottom - 1]];
const covered = points.filter(([x, y]) => {
  if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
  const top = document.elementFromPoint(x, y);
  return top && top !== element && !element.contains(top) && !top.contains(element);
});
return covered.length === points.length ? element.outerHTML.slice(0, 80) : null;
"""


@pytest.fixture(params=WIDTHS, ids=["320", "1280"])
def viewport_browser(request):
    driver = chromium(width=request.param[0], height=request.param[1])
    yield driver
    driver.quit()


def states(driver, server):
    """The example site's cookie page in each consent state, with what to look at in it."""
    driver.get(server.url("/cookies/"))
    yield "banner", ".notice-consent, .notice-cookie-table"
    # The policy page has the settings form in place; elsewhere "Choose" opens the dialog.
    driver.get(server.url("/"))
    open_dialog(driver)
    yield "dialog", "dialog[open]"
    click(driver, driver.find_element(By.CSS_SELECTOR, 'dialog [data-notice-action="cancel"]'))
    driver.get(server.url("/cookies/"))
    action(driver, "accept").click()
    yield "confirmation and settings form", ".notice-consent, [data-notice-settings]"
    # The settings reopened from the footer (with the choice and the consent id), then a withdrawal.
    driver.get(server.url("/"))
    yield "dialog reopened from the footer", open_dialog_from_footer(driver) and "dialog[open]"
    click(driver, driver.find_element(By.CSS_SELECTOR, 'dialog [data-notice-action="cancel"]'))
    withdraw_in_dialog(driver)
    yield "after a withdrawal (reloaded)", ".notice-consent"


def test_text_spacing_clips_nothing(viewport_browser, example_site):
    driver = viewport_browser
    for state, selector in states(driver, example_site[1]):
        driver.execute_script(TEXT_SPACING)
        assert driver.execute_script(CLIPPED, selector) == [], state
        widths = driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], f"{state}: the page scrolls sideways with WCAG text spacing"


def test_targets_are_at_least_24_pixels(viewport_browser, example_site):
    driver = viewport_browser
    for state, selector in states(driver, example_site[1]):
        assert driver.execute_script(SMALL_TARGETS, selector) == [], state


def test_no_tab_stop_is_hidden_behind_something_else(viewport_browser, example_site):
    driver = viewport_browser
    for state, _ in states(driver, example_site[1]):
        # From the top of the page, or from where the state left the focus.
        if focused(driver).tag_name == "body":
            driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        seen = set()
        for _ in range(40):
            element = focused(driver)
            key = element.id
            if key in seen:
                break
            seen.add(key)
            # A modal dialog passes the focus to the browser's own controls after its last stop (the
            # document's body holds it meanwhile): nothing on the page to be hidden then.
            if element.tag_name != "body":
                assert driver.execute_script(OBSCURED) is None, state
            element.send_keys(Keys.TAB)


def test_buttons_and_focus_stay_visible_in_forced_colours(example_site):
    driver = chromium(width=1280, height=800)
    try:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "forced-colors", "value": "active"}]})
        driver.get(example_site[1].url("/cookies/"))
        assert driver.execute_script("return matchMedia('(forced-colors: active)').matches")
        for name in ["accept", "reject", "choose"]:
            button = action(driver, name)
            style = driver.execute_script(
                "const s = getComputedStyle(arguments[0]); return [s.borderTopStyle, s.borderTopWidth]", button)
            assert style[0] != "none" and style[1] != "0px", f"the {name} button has no border to see it by: {style}"
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        focused(driver).send_keys(Keys.TAB)
        outline = driver.execute_script(
            "const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]")
        assert outline[0] != "none" and outline[1] != "0px", f"the focused button shows no outline: {outline}"
        # The dialog's Accept all, Reject all and Save, and the focus within it.
        driver.get(example_site[1].url("/"))
        dialog = open_dialog(driver)
        for button in dialog.find_elements(By.CSS_SELECTOR, "button"):
            style = driver.execute_script(
                "const s = getComputedStyle(arguments[0]); return [s.borderTopStyle, s.borderTopWidth]", button)
            assert style[0] != "none" and style[1] != "0px", f"the dialog's {button.text} button has no border: {style}"
        for button in dialog.find_elements(By.CSS_SELECTOR, ".notice-consent__buttons button"):
            # (The dialog opens with Accept all focused: blurred first, so that focusing it shows the ring.)
            driver.execute_script("arguments[0].blur(); arguments[0].focus({focusVisible: true})", button)
            outline = driver.execute_script(
                "const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]")
            assert outline[0] != "none" and outline[1] != "0px", f"the focused {button.text} button shows no outline: {outline}"
    finally:
        driver.quit()


# A page that breaks each rule the checks above look for: they must find every break, or they check nothing.
BROKEN_PAGE = ("data:text/html,<!doctype html><html lang=en><title>broken</title><body>"
               "<div class=clipped style='width:60px;height:20px;overflow:hidden;white-space:nowrap'>text much too long for its box</div>"
               "<div class=small><button style='width:12px;height:12px;padding:0'>x</button></div>"
               "<button id=hidden style='position:fixed;top:100px;left:10px'>behind</button>"
               "<div style='position:fixed;top:90px;left:0;width:300px;height:60px;background:white'>cover</div>")


def test_the_checks_find_each_break_on_a_broken_page():
    driver = chromium(width=800, height=600)
    try:
        driver.get(BROKEN_PAGE)
        assert driver.execute_script(CLIPPED, ".clipped"), "a clipped box went unnoticed"
        assert driver.execute_script(SMALL_TARGETS, ".small"), "a 12 px button went unnoticed"
        assert driver.execute_script(CLIPPED, ".absent") == ["nothing on the page matches .absent"]
        assert driver.execute_script(SMALL_TARGETS, ".absent") == ["nothing on the page matches .absent"]
        assert driver.execute_script(OBSCURED) == "nothing has the focus"
        driver.execute_script("document.getElementById('hidden').focus()")
        assert driver.execute_script(OBSCURED), "a focused button under a fixed box went unnoticed"
    finally:
        driver.quit()
