"""A site in English and Welsh, in Chromium and WebKit: the Welsh pages and their consent banner, dialog
and form speak Welsh; a choice made in one language holds in the other; the language switch leads to the
same page translated; and a right-to-left language mirrors the layout."""
import shutil

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import BILINGUAL_SITE, Server, build, chromium
from helpers import action, banner, open_dialog, settings_form, stored_choice


def test_the_welsh_banner_and_dialog_speak_welsh(visitor, bilingual_site):
    _, server = bilingual_site
    visitor.get(server.url("/cy/"))
    assert visitor.find_element(By.TAG_NAME, "html").get_attribute("lang") == "cy"
    text = banner(visitor).text
    assert "Cwcis ar Cyngor Sir Enghraifft" in text
    assert action(visitor, "accept").text == "Derbyn cwcis ychwanegol"
    assert action(visitor, "reject").text == "Gwrthod cwcis ychwanegol"
    assert "Cwcis dadansoddi" in text, text
    dialog = open_dialog(visitor)
    assert "Cwcis dadansoddi" in dialog.text
    assert "Accept" not in dialog.text and "Reject" not in dialog.text


def test_the_welsh_policy_form_speaks_welsh_and_links_welsh_sections(visitor, bilingual_site):
    _, server = bilingual_site
    visitor.get(server.url("/cy/cwcis/"))
    form = settings_form(visitor)
    assert "Cwcis dadansoddi" in form.text
    sections = [link.get_attribute("href") for link in form.find_elements(By.CSS_SELECTOR, "a[href*='#']")]
    assert any(href.endswith("/cy/cwcis/#cwcis-dadansoddi") for href in sections), sections


def test_a_choice_made_in_english_holds_on_the_welsh_pages_and_back(visitor, bilingual_site):
    _, server = bilingual_site
    visitor.get(server.url("/cookies/"))
    action(visitor, "accept").click()
    english = stored_choice(visitor)
    assert english and all(english["c"].values())
    visitor.get(server.url("/cy/cwcis/"))
    assert banner(visitor) is None or not banner(visitor).find_elements(By.CSS_SELECTOR, '[data-notice-action="accept"]')
    form = settings_form(visitor)
    chosen = [radio.get_attribute("value") for radio in form.find_elements(By.CSS_SELECTOR, "input[type=radio]") if radio.is_selected()]
    assert chosen and set(chosen) == {"1"}, chosen
    # Withdrawn in Welsh, withdrawn in English.
    for radio in form.find_elements(By.CSS_SELECTOR, 'input[value="0"]'):
        visitor.execute_script("arguments[0].click()", radio)
    visitor.execute_script("arguments[0].click()", form.find_element(By.CSS_SELECTOR, "button:not([type])"))
    WebDriverWait(visitor, 5).until(lambda d: stored_choice(d) and not any(stored_choice(d)["c"].values()))
    assert stored_choice(visitor)["v"] == english["v"]
    visitor.get(server.url("/"))
    assert banner(visitor) is None or not banner(visitor).find_elements(By.CSS_SELECTOR, '[data-notice-action="accept"]')


def test_the_language_switch_leads_to_the_same_page_in_the_other_language(browser, bilingual_site):
    _, server = bilingual_site
    browser.get(server.url("/cookies/"))
    link = browser.find_element(By.CSS_SELECTOR, ".notice-languages a")
    assert link.get_attribute("lang") == "cy" and link.get_attribute("hreflang") == "cy"
    # Shown: the language's name; read out after it: the page's title in that language.
    assert link.text.splitlines()[0] == "Cymraeg"
    hidden = link.find_element(By.CSS_SELECTOR, ".notice-visually-hidden")
    assert hidden.get_attribute("textContent") == ": Cwcis"
    assert browser.execute_script("return arguments[0].getBoundingClientRect().width", hidden) <= 1
    link.click()
    WebDriverWait(browser, 5).until(lambda d: d.current_url.endswith("/cy/cwcis/"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Cwcis"
    browser.find_element(By.CSS_SELECTOR, ".notice-languages a").click()
    WebDriverWait(browser, 5).until(lambda d: d.current_url.endswith("/cookies/"))


def test_a_right_to_left_language_mirrors_the_layout(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(BILINGUAL_SITE, site)
    settings = site / "site.yaml"
    settings.write_text(settings.read_text().replace("  - code: cy\n", "  - code: cy\n  - code: ar\n"))
    cookies = (site / "pages" / "cookies.md").read_text()
    (site / "pages" / "cookies.ar.md").write_text(cookies.replace("title: Cookies", "title: ملفات تعريف الارتباط"))
    output = build(site, tmp_path / "output")
    server = Server(output)
    driver = chromium()
    try:
        def layout(path):
            driver.get(server.url(path))
            return driver.execute_script("""
                const title = document.querySelector('.notice-header__title').getBoundingClientRect();
                const list = getComputedStyle(document.querySelector('.notice-contents__list'));
                const cell = getComputedStyle(document.querySelector('.notice-cookie-table td'));
                return {dir: document.documentElement.dir, direction: getComputedStyle(document.body).direction,
                        titleLeft: title.left, titleRight: title.right, width: document.documentElement.clientWidth,
                        listLeft: parseFloat(list.paddingLeft), listRight: parseFloat(list.paddingRight),
                        cellAlign: cell.textAlign};""")
        ltr, rtl = layout("/cookies/"), layout("/ar/cookies/")
        assert (ltr["dir"], rtl["dir"]) == ("ltr", "rtl") and rtl["direction"] == "rtl"
        # The site's name starts at the left in English and at the right in Arabic.
        assert ltr["titleLeft"] < ltr["width"] / 2 < rtl["titleRight"]
        assert rtl["titleLeft"] > ltr["titleLeft"]
        # Lists are indented at their start, tables aligned to it, whichever side that is.
        assert ltr["listLeft"] > 0 == ltr["listRight"] and rtl["listRight"] > 0 == rtl["listLeft"]
        assert ltr["cellAlign"] == "start" == rtl["cellAlign"]
    finally:
        driver.quit()
        server.close()
