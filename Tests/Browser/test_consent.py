"""The consent script in real Chromium (and in WebKit, for the tests that take `visitor`), against UK
PECR / GDPR consent practice as docs/consent.md lists it. Numbers in brackets are the project's
consent requirements, as its first issues numbered them."""
import json
import time
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from helpers import (settled, CONSENT_COOKIES, OPTIONAL_COOKIES, action, banner, click, confirmation, cookie_names, focused, open_dialog, ran, registry_version,
                     save_settings, settings_form, severe_console_messages, storage_keys, stored_choice, wait_for_saved,
                     wait_until_ran)


def test_fresh_profile_stores_nothing_and_runs_nothing(visitor, server):
    """[1][3] No choice, no optional cookies: not on load, not after scrolling and browsing on."""
    visitor.get(server.url("/"))
    assert banner(visitor) is not None
    visitor.execute_script("window.scrollTo(0, document.body.scrollHeight)")
    visitor.find_element(By.LINK_TEXT, "Cookies").click()
    settled(visitor, "/cookies/")
    visitor.execute_script("window.scrollTo(0, document.body.scrollHeight)")
    assert ran(visitor) == []
    assert cookie_names(visitor) == set()
    assert storage_keys(visitor) == set()
    assert banner(visitor) is not None


def test_banner_names_the_purposes_links_the_policy_and_offers_equal_choices(visitor, server):
    """[2][5][6][7] Purposes and the policy on the first layer; accept and reject are equal buttons."""
    visitor.get(server.url("/"))
    text = banner(visitor).text
    assert "Analytics cookies" in text and "Functional cookies" in text
    policy = banner(visitor).find_element(By.LINK_TEXT, "Read our cookie policy")
    assert policy.get_attribute("href") == server.url("/cookies/")
    accept, reject = action(visitor, "accept"), action(visitor, "reject")
    assert accept.tag_name == reject.tag_name == "button"
    assert accept.size["height"] == reject.size["height"]
    style = "const s = getComputedStyle(arguments[0]); return [s.backgroundColor, s.color, s.fontSize, s.fontWeight, s.borderWidth]"
    assert visitor.execute_script(style, accept) == visitor.execute_script(style, reject)
    assert accept.location["y"] == reject.location["y"], "side by side on the same line"


def test_accept_runs_gated_scripts_in_order_and_records_the_choice(visitor, server, built_site):
    """[12] Accepting runs the gated scripts at once, in document order, and stores what, when and which version."""
    visitor.get(server.url("/"))
    action(visitor, "accept").click()
    wait_until_ran(visitor, "functional")
    assert ran(visitor) == ["analytics", "analytics-second", "functional"]
    assert {"_ga", "_ga_ABC123", "PREF"} <= cookie_names(visitor)
    choice = stored_choice(visitor)
    assert choice["c"] == {"analytics": True, "functional": True}
    assert choice["v"] == registry_version(built_site)
    assert choice["t"].startswith(time.strftime("%Y-", time.gmtime()))
    for name in CONSENT_COOKIES:
        cookie = visitor.get_cookie(name)
        assert cookie["sameSite"] == "Lax"
        assert 89 * 86400 < cookie["expiry"] - time.time() <= 90 * 86400
    assert visitor.get_cookie("cookie-management-version")["value"] == registry_version(built_site)
    # The confirmation says what was chosen and takes focus.
    assert "You’ve accepted optional cookies." in confirmation(visitor).text
    assert focused(visitor).tag_name == "p"
    visitor.refresh()
    wait_until_ran(visitor, "functional")
    assert banner(visitor) is None


def test_reject_runs_nothing_and_is_remembered(visitor, server):
    """[13] A refusal is remembered: no banner after reload, and still nothing optional."""
    visitor.get(server.url("/"))
    action(visitor, "reject").click()
    assert "You’ve rejected optional cookies." in confirmation(visitor).text
    assert stored_choice(visitor)["c"] == {"analytics": False, "functional": False}
    visitor.refresh()
    settled(visitor)
    assert banner(visitor) is None
    assert ran(visitor) == []
    assert cookie_names(visitor) & OPTIONAL_COOKIES == set()


def test_hiding_the_confirmation_moves_focus_to_the_content(visitor, server):
    browser = visitor
    browser.get(server.url("/"))
    action(browser, "reject").click()
    action(browser, "hide").click()
    assert banner(browser) is None
    assert focused(browser).tag_name == "main"


def test_settings_dialog_has_nothing_preselected_and_saves_each_category(visitor, server):
    """[4][8] Choosing per category: no pre-selected "use"; one category on, the other off."""
    visitor.get(server.url("/"))
    dialog = open_dialog(visitor)
    assert dialog.get_attribute("aria-labelledby") == "notice-settings"
    assert dialog.find_elements(By.CSS_SELECTOR, "input:checked") == []
    dialog.find_element(By.CSS_SELECTOR, 'input[name="notice-analytics"][value="1"]').click()
    dialog.find_element(By.CSS_SELECTOR, 'input[name="notice-functional"][value="0"]').click()
    dialog.find_element(By.CSS_SELECTOR, 'button[type="submit"], form button:not([type])').click()
    wait_until_ran(visitor, "analytics-second")
    assert visitor.find_elements(By.CSS_SELECTOR, "dialog") == []
    assert "functional" not in ran(visitor)
    assert stored_choice(visitor)["c"] == {"analytics": True, "functional": False}
    assert "You’ve accepted some optional cookies: Analytics cookies." in confirmation(visitor).text


def test_escape_closes_the_dialog_and_focus_returns(visitor, server):
    visitor.get(server.url("/"))
    open_dialog(visitor)
    focused(visitor).send_keys(Keys.ESCAPE)
    WebDriverWait(visitor, 2).until(lambda d: not d.find_elements(By.CSS_SELECTOR, "dialog"))
    assert focused(visitor) == action(visitor, "choose")
    assert stored_choice(visitor) is None, "closing the settings is not consent"


def test_focus_stays_inside_the_dialog(visitor, server):
    """Tab goes round the dialog's controls, every one of them, and never to the page behind it; after the
    last, a modal dialog may hand the focus to the browser's own controls (the body holds it then), from
    which the next Tab comes back into the dialog."""
    visitor.get(server.url("/"))
    dialog = open_dialog(visitor)
    # A stop is a control Tab can reach; a group of radio buttons is one stop.
    key = ("const key = (e) => e.type === 'radio' ? 'radio:' + e.name : e.tagName + ':' + (e.name || e.textContent.trim());")
    stops = set(visitor.execute_script(
        key + "return [...arguments[0].querySelectorAll('button, a[href], input, summary, select, textarea')]"
        ".filter((e) => e.offsetParent !== null).map(key)", dialog))
    inside = "return arguments[0].closest('dialog') !== null"
    visited = set()
    previous_was_body = False
    for _ in range(3 * len(stops)):
        focused(visitor).send_keys(Keys.TAB)
        element = focused(visitor)
        if element.tag_name == "body":
            assert not previous_was_body, "the focus left the dialog and did not come back"
            previous_was_body = True
            continue
        previous_was_body = False
        assert visitor.execute_script(inside, element), f"the focus reached the page behind the dialog: {element.get_attribute('outerHTML')[:120]}"
        # The dialog itself may take the focus on the way back in; it is not a control.
        if element.tag_name != "dialog":
            visited.add(visitor.execute_script(key + "return key(arguments[0])", element))
    assert visited == stops, f"Tab missed {sorted(stops - visited)} and reached {sorted(visited - stops)}"


def test_policy_page_form_replaces_the_no_javascript_message(visitor, server):
    visitor.get(server.url("/cookies/"))
    settings_form(visitor)
    slot = visitor.find_element(By.CSS_SELECTOR, "[data-notice-settings]")
    assert "do not have JavaScript enabled" not in slot.text
    assert slot.find_elements(By.CSS_SELECTOR, "input:checked") == []
    legends = [legend.text for legend in slot.find_elements(By.TAG_NAME, "legend")]
    assert legends == ["Analytics cookies", "Functional cookies"]
    # "Choose which cookies" on the policy page goes to this form rather than a dialog, to its first
    # action (Accept all), with Reject all the next Tab stop.
    action(visitor, "choose").click()
    WebDriverWait(visitor, 5).until(lambda d: focused(d).text == "Accept all")
    assert visitor.find_elements(By.CSS_SELECTOR, "dialog") == []
    slot.find_element(By.CSS_SELECTOR, 'input[name="notice-analytics"][value="0"]').click()
    slot.find_element(By.CSS_SELECTOR, 'input[name="notice-functional"][value="1"]').click()
    status = save_settings(visitor, slot)
    assert status.text == "You’ve saved your cookie settings."
    assert focused(visitor) == status
    assert banner(visitor) is None
    wait_until_ran(visitor, "functional")
    assert stored_choice(visitor)["c"] == {"analytics": False, "functional": True}


def test_withdrawal_deletes_the_categorys_cookies_and_stops_its_scripts(visitor, server):
    """[10] Withdrawing as easily as giving: cookies (exact and pattern names) and storage keys go."""
    visitor.get(server.url("/"))
    action(visitor, "accept").click()
    wait_until_ran(visitor, "functional")
    assert {"_ga", "_ga_ABC123"} <= cookie_names(visitor)
    assert {"_hjRecordingLastActivity", "_hjLocal"} <= storage_keys(visitor)
    visitor.get(server.url("/cookies/"))
    slot = settings_form(visitor)
    assert slot.find_element(By.CSS_SELECTOR, 'input[name="notice-analytics"][value="1"]').is_selected(), "the form shows the current choice"
    slot.find_element(By.CSS_SELECTOR, 'input[name="notice-analytics"][value="0"]').click()
    save_settings(visitor, slot)
    assert cookie_names(visitor) & {"_ga", "_ga_ABC123"} == set()
    assert "PREF" in cookie_names(visitor), "the functional category was kept"
    assert storage_keys(visitor) & {"_hjRecordingLastActivity", "_hjLocal"} == set()
    visitor.get(server.url("/"))
    wait_until_ran(visitor, "functional")
    assert ran(visitor) == ["functional"]


def test_withdrawal_deletes_cookies_set_on_parent_domains(browser, server):
    """Cookies a tag set on the parent domain (Domain=kent.test) are deleted from a subdomain too."""
    browser.get(server.url("/", host="www.kent.test"))
    action(browser, "accept").click()
    wait_until_ran(browser, "analytics")
    parent = [c for c in browser.get_cookies() if c["name"] == "_ga_PARENT"]
    assert parent and parent[0]["domain"] == ".kent.test"
    browser.get(server.url("/cookies/", host="www.kent.test"))
    slot = settings_form(browser)
    slot.find_element(By.CSS_SELECTOR, 'input[name="notice-analytics"][value="0"]').click()
    save_settings(browser, slot)
    assert "_ga_PARENT" not in cookie_names(browser)


def test_consent_is_shared_across_subdomains(browser, server):
    """The consent cookies go on the configured domain, so a choice on one subdomain holds on another."""
    browser.get(server.url("/", host="www.kent.test"))
    action(browser, "reject").click()
    assert browser.get_cookie("cookie-management-status")["domain"] == ".kent.test"
    browser.get(server.url("/", host="democracy.kent.test"))
    assert banner(browser) is None
    assert stored_choice(browser)["c"] == {"analytics": False, "functional": False}


def test_a_changed_registry_asks_again_and_keeps_optional_off(visitor, private_site):
    """[14] A new cookie changes the registry version: the banner returns and nothing optional runs."""
    site, output, server = private_site
    visitor.get(server.url("/"))
    action(visitor, "accept").click()
    wait_until_ran(visitor, "functional")
    old_version = registry_version(output)
    registry = site / "registry.yaml"
    registry.write_text(registry.read_text().replace("      - name: YSC", "      - name: VISITOR_INFO1_LIVE\n        purpose: Preferences.\n        duration: After 8 months\n      - name: YSC"))
    from conftest import build
    build(site, output)
    assert registry_version(output) != old_version
    visitor.refresh()
    assert banner(visitor) is not None
    settled(visitor)
    assert ran(visitor) == []
    assert cookie_names(visitor) & {"_ga", "_ga_ABC123", "PREF"} == set(), "cookies of categories no longer consented to are cleared"


def test_malformed_or_tampered_choices_count_as_no_consent(visitor, server, built_site):
    version = registry_version(built_site)
    visitor.get(server.url("/"))
    for status in ["not-json", urllib.parse.quote(json.dumps({"c": {"analytics": "yes", "functional": True}, "v": version})),
                   urllib.parse.quote(json.dumps({"c": {"analytics": True, "functional": True, "extra": True}, "v": version})),
                   urllib.parse.quote(json.dumps({"c": {"analytics": True}, "v": version}))]:
        visitor.delete_all_cookies()
        for name, value in [("cookie-management-status", status), ("cookie-management-preferences-set", "true"),
                            ("cookie-management-version", version)]:
            visitor.add_cookie({"name": name, "value": value, "path": "/"})
        visitor.refresh()
        settled(visitor)
        assert banner(visitor) is not None, status
        assert ran(visitor) == [], status


def test_global_privacy_control_is_a_refusal_said_in_the_banner(browser, server):
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {
        "source": "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: () => true})"})
    browser.get(server.url("/"))
    assert "Global Privacy Control" in banner(browser).text
    assert browser.find_elements(By.CSS_SELECTOR, '[data-notice-action="accept"]') == []
    assert stored_choice(browser)["c"] == {"analytics": False, "functional": False}
    assert stored_choice(browser)["g"] == 1
    settled(browser)
    assert ran(browser) == []
    browser.get(server.url("/cookies/"))
    assert "Global Privacy Control" in browser.find_element(By.CSS_SELECTOR, "[data-notice-settings]").text


def test_google_consent_mode_defaults_to_denied_then_follows_the_choice(visitor, server):
    browser = visitor
    browser.get(server.url("/"))
    layer = "return (window.dataLayer || []).map(a => Array.from(a))"
    entries = browser.execute_script(layer)
    assert entries[0] == ["consent", "default", {"analytics_storage": "denied", "functionality_storage": "denied",
                                                 "personalization_storage": "denied"}]
    action(browser, "accept").click()
    entries = browser.execute_script(layer)
    assert entries[-1] == ["consent", "update", {"analytics_storage": "granted", "functionality_storage": "granted",
                                                 "personalization_storage": "granted"}]


def test_event_and_api(visitor, server):
    visitor.get(server.url("/"))
    visitor.execute_script("""
        window.seen = [];
        document.addEventListener('notice:consent', (e) => window.seen.push(['event', e.detail.categories]));
        window.unsubscribe = NoticeConsent.on((detail) => window.seen.push(['api', detail.categories]));""")
    assert visitor.execute_script("return [NoticeConsent.allowed('analytics'), NoticeConsent.allowed('necessary')]") == [False, True]
    dialog = open_dialog(visitor)
    dialog.find_element(By.CSS_SELECTOR, 'input[name="notice-analytics"][value="1"]').click()
    dialog.find_element(By.CSS_SELECTOR, 'input[name="notice-functional"][value="0"]').click()
    click(visitor, dialog.find_element(By.CSS_SELECTOR, "form button:not([type])"))
    expected = {"analytics": True, "functional": False}
    assert visitor.execute_script("return window.seen") == [["event", expected], ["api", expected]]
    assert visitor.execute_script("return NoticeConsent.choices()") == expected
    visitor.execute_script("window.unsubscribe(); NoticeConsent.open()")
    assert visitor.find_elements(By.CSS_SELECTOR, "dialog[open]")


def test_video_placeholder_until_its_category_is_allowed(visitor, server):
    """[9] The video loads only with functional cookies allowed; meanwhile a placeholder with a link."""
    visitor.get(server.url("/videos/"))
    embed = visitor.find_element(By.CSS_SELECTOR, ".notice-embed")
    assert embed.find_elements(By.TAG_NAME, "iframe") == []
    assert "This video is hosted by YouTube. Accept functional cookies to watch it here." in embed.text
    link = embed.find_element(By.PARTIAL_LINK_TEXT, "on YouTube")
    assert link.get_attribute("href") == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    embed.find_element(By.CSS_SELECTOR, "button[data-notice-allow]").click()
    # consent-settings.js puts the video in place (fetched when a video's category is allowed).
    frame = WebDriverWait(visitor, 5).until(lambda d: embed.find_elements(By.TAG_NAME, "iframe"))[0]
    assert focused(visitor) == frame, "focus moves to the video that replaced the button"
    assert frame.get_attribute("src") == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert frame.get_attribute("title") == "A tour of the new library"
    assert stored_choice(visitor)["c"] == {"analytics": False, "functional": True}
    assert "analytics" not in ran(visitor)


def test_inline_gated_script_runs_with_its_nonce_and_src_works_too(browser, server):
    browser.get(server.url("/inline/"))
    action(browser, "accept").click()
    wait_until_ran(browser, "legacy-src")
    assert ran(browser) == ["analytics", "analytics-second", "functional", "inline", "legacy-src"], "strictly in document order"
    assert severe_console_messages(browser) == []


def test_whole_flow_by_keyboard_only(visitor, server):
    """Tab reaches the skip link, then the banner's buttons; every action works with the keyboard."""
    browser = visitor
    browser.get(server.url("/"))
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    assert "notice-skip-link" in focused(browser).get_attribute("class")
    order = []
    for _ in range(5):
        focused(browser).send_keys(Keys.TAB)
        order.append(focused(browser).get_attribute("data-notice-action") or focused(browser).text)
    assert order == ["What the optional cookies are for", "accept", "reject", "choose", "Read our cookie policy"]
    # Shift+Tab back to "choose", open the settings with Enter (focus on Accept all, Reject all next), choose
    # with Space, save with Enter.
    focused(browser).send_keys(Keys.SHIFT, Keys.TAB)
    assert focused(browser).get_attribute("data-notice-action") == "choose"
    focused(browser).send_keys(Keys.ENTER)
    WebDriverWait(browser, 5).until(lambda d: focused(d).text == "Accept all")
    focused(browser).send_keys(Keys.TAB)
    assert focused(browser).text == "Reject all"
    focused(browser).send_keys(Keys.TAB)
    assert focused(browser).get_attribute("name") == "notice-analytics"
    focused(browser).send_keys(Keys.SPACE)
    focused(browser).send_keys(Keys.TAB)
    assert focused(browser).text == "More about analytics cookies"
    focused(browser).send_keys(Keys.TAB)
    assert focused(browser).get_attribute("name") == "notice-functional"
    focused(browser).send_keys(Keys.DOWN)
    for expected in ["More about functional cookies", "Save choices"]:
        focused(browser).send_keys(Keys.TAB)
        assert focused(browser).text == expected
    focused(browser).send_keys(Keys.ENTER)
    assert stored_choice(browser)["c"] == {"analytics": True, "functional": False}
    assert focused(browser).tag_name == "p"
    focused(browser).send_keys(Keys.TAB)
    focused(browser).send_keys(Keys.TAB)
    assert focused(browser).get_attribute("data-notice-action") == "hide"
    focused(browser).send_keys(Keys.SPACE)
    assert banner(browser) is None


def test_no_console_errors_under_a_strict_content_security_policy(browser, server):
    for path in ["/", "/cookies/"]:
        browser.get(server.url(path))
        if path == "/":
            click(browser, open_dialog(browser).find_element(By.CSS_SELECTOR, "[data-notice-action=cancel]"))
        else:
            action(browser, "choose").click()
        action(browser, "accept").click()
        wait_until_ran(browser, "functional")
        assert severe_console_messages(browser) == [], path
        browser.delete_all_cookies()


def test_the_banner_does_not_shift_the_layout(browser, server):
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
        window.layoutShift = 0;
        new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.layoutShift += entry.value; })
            .observe({type: 'layout-shift', buffered: true});"""})
    browser.get(server.url("/cookies/"))
    time.sleep(0.5)
    assert banner(browser) is not None
    assert browser.execute_script("return window.layoutShift") == 0


def test_without_javascript_the_policy_page_says_so_and_nothing_is_set(browser_without_javascript, server):
    browser = browser_without_javascript
    browser.get(server.url("/cookies/"))
    assert banner(browser) is None
    message = browser.find_element(By.CSS_SELECTOR, "[data-notice-settings]").text
    assert message == ("The browser you are using is not supported or you do not have JavaScript enabled. "
                       "Update your browser or enable JavaScript to manage your preferences.")
    browser.get(server.url("/videos/"))
    embed = browser.find_element(By.CSS_SELECTOR, ".notice-embed")
    assert embed.find_element(By.PARTIAL_LINK_TEXT, "on YouTube").is_displayed()
    assert not embed.find_element(By.CSS_SELECTOR, "button").is_displayed(), "the button needs JavaScript, so it stays hidden"
    assert cookie_names(browser) == set()


def test_an_older_consent_cookie_without_a_domain_cannot_override_a_new_choice(browser, server, built_site):
    """A site that adds consent.domain later: the old host-only record is replaced, not read first."""
    version = registry_version(built_site)
    browser.get(server.url("/", host="www.kent.test"))
    import datetime
    made = datetime.datetime.now(datetime.timezone.utc).isoformat()
    accepted = urllib.parse.quote(json.dumps({"c": {"analytics": True, "functional": True}, "t": made, "v": version}))
    for name, value in [("cookie-management-status", accepted), ("cookie-management-preferences-set", "true"),
                        ("cookie-management-version", version)]:
        browser.add_cookie({"name": name, "value": value, "path": "/"})  # host-only, as before the domain was set
    browser.get(server.url("/cookies/", host="www.kent.test"))
    wait_until_ran(browser, "functional")
    slot = settings_form(browser)
    for radio in slot.find_elements(By.CSS_SELECTOR, 'input[value="0"]'):
        radio.click()
    save_settings(browser, slot)
    statuses = [c for c in browser.get_cookies() if c["name"] == "cookie-management-status"]
    assert len(statuses) == 1 and statuses[0]["domain"] == ".kent.test"
    browser.get(server.url("/", host="www.kent.test"))
    settled(browser)
    assert ran(browser) == [], "the withdrawal holds"


def test_only_real_categories_can_be_allowed(visitor, server):
    browser = visitor
    browser.get(server.url("/"))
    action(browser, "reject").click()
    assert browser.execute_script(
        "return ['toString', 'constructor', '__proto__', 'hasOwnProperty'].map((id) => NoticeConsent.allowed(id))") == [False] * 4


def test_unsubscribing_twice_leaves_other_listeners(visitor, server):
    browser = visitor
    browser.get(server.url("/"))
    browser.execute_script("""
        window.calls = [];
        const stop = NoticeConsent.on(() => window.calls.push('first'));
        NoticeConsent.on(() => { throw new Error('a broken listener'); });
        NoticeConsent.on(() => window.calls.push('last'));
        stop(); stop();""")
    action(browser, "accept").click()
    assert browser.execute_script("return window.calls") == ["last"]
    assert "You’ve accepted optional cookies." in confirmation(browser).text, "a broken listener does not stop the confirmation"
