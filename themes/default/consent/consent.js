/* Notice consent script: asks before setting optional cookies, and enforces the answer.
 *
 * `notice build` writes it to output/consent.js with the site's settings in place of the placeholder:
 * the optional categories, the registry version, the consent cookies' names and lifetime, and the
 * banner's markup, rendered from the theme's templates (consent-banner, consent-gpc, consent-bar) with
 * the site's texts. One <script src> tag in the <body> is all a page needs; placed first in the body it
 * shows the banner without moving the page.
 *
 * Every page loads this file alone. What only some visitors need, at the moment they act (the settings
 * form with each category's description and services, and the names of the cookies to delete when a
 * category is refused) is in consent-settings.js, fetched from beside this file when it is needed.
 *
 * This is the readable source; consent.min.js beside it is this file through esbuild (`make minify`,
 * checked by the test suite). No eval, no inline styles, nothing stored until the visitor chooses:
 * it works under Content-Security-Policy: default-src 'self'.
 */
(() => {
  'use strict';
  const config = NOTICE_CONFIG;
  const doc = document;
  const optional = config.categories;
  const script = doc.currentScript;
  const base = script ? script.src : location.href;
  const formURL = new URL(config.form, base).href;
  const gpc = navigator.globalPrivacyControl === true;
  const listeners = new Set();
  // Whether the stored choice was made under another registry version (read() says), so asked again.
  let stale = false;
  let state = read();
  let banner, bar, settings, loading;

  /* Storage ------------------------------------------------------------------------------------- */

  function cookie(name) {
    const found = doc.cookie.split('; ').find((part) => part.startsWith(name + '='));
    return found && found.slice(name.length + 1);
  }

  const secure = location.protocol === 'https:' ? '; Secure' : '';

  function setCookie(name, value) {
    const host = location.hostname;
    const domain = config.domain;
    // Any older copy (without Domain, or on another domain) would be read first and win: remove it.
    expire(name);
    doc.cookie = name + '=' + value + '; Path=/; Max-Age=' + config.days * 86400 + '; SameSite=Lax'
      + (domain && (host === domain || host.endsWith('.' + domain)) ? '; Domain=' + domain : '') + secure;
  }

  /* Deletes a cookie on this host and on every parent domain, path /. */
  function expire(name) {
    const parts = location.hostname.split('.');
    doc.cookie = name + '=; Path=/; Max-Age=0' + secure;
    for (let i = 0; i < parts.length - 1; i++) doc.cookie = name + '=; Path=/; Max-Age=0; Domain=' + parts.slice(i).join('.') + secure;
  }

  /* The stored choice, or null when missing, malformed, tampered with or for an older registry. */
  function read() {
    try {
      const names = config.cookies;
      const value = JSON.parse(decodeURIComponent(cookie(names.status)));
      const choices = value.c;
      stale = value.v !== config.version;
      // The choice carries its own registry version; the version cookie repeats it for other tools.
      // The choice is kept for `days` from when it was made, even where a server copy of the cookie
      // outlives that (a copy that keeps Safari from deleting it after 7 days).
      const valid = cookie(names.set) === 'true' && value.v === config.version && Date.now() - Date.parse(value.t) < config.days * 864e5
        && Object.keys(choices).length === optional.length
        && optional.every((category) => typeof choices[category.id] === 'boolean');
      return valid ? value : null;
    } catch (error) {
      return null;
    }
  }

  /* A random version 4 UUID: the consent id a visitor can quote. getRandomValues works on any page,
     randomUUID only on secure ones. */
  function uuid() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = bytes[6] & 15 | 64;
    bytes[8] = bytes[8] & 63 | 128;
    return [...bytes].map((byte, i) => (i > 3 && i < 11 && !(i % 2) ? '-' : '') + (byte + 256).toString(16).slice(1)).join('');
  }

  /* Records a choice (its id, when, under which registry version, with or without Global Privacy
     Control), sends its receipt if the site collects them, and acts on it at once. Returns whether
     it withdrew a category that was allowed before. */
  function save(choices) {
    const before = state;
    state = { c: choices, t: new Date().toISOString(), v: config.version, g: gpc ? 1 : 0, i: uuid() };
    setCookie(config.cookies.status, encodeURIComponent(JSON.stringify(state)));
    setCookie(config.cookies.set, 'true');
    setCookie(config.cookies.version, config.version);
    // The receipt is sent by consent-settings.js (already here when a choice withdraws and reloads).
    const record = state;
    if (config.receipts) withSettings((loaded) => loaded.receipt(record));
    googleConsentMode('update');
    apply(true);
    // A refused category's cookies are deleted at once; their names are in consent-settings.js.
    if (optional.some((category) => !choices[category.id])) withSettings((loaded) => loaded.clear());
    return !!before && optional.some((category) => before.c[category.id] && !choices[category.id]);
  }

  function allowed(id) {
    return config.necessary.includes(id) || (!!state && state.c[id] === true);
  }

  /* An object with a value for each optional category. */
  function byCategory(value) {
    return Object.fromEntries(optional.map((category) => [category.id, value(category)]));
  }

  /* consent-settings.js and its stylesheet, loaded once; `then` runs with them (at once when they are
     already here). When they cannot be loaded, `failed` runs. Their names carry a hash of their
     content, so a cached copy is always the right one. */
  function withSettings(then, failed) {
    if (settings) return then(settings);
    loading = loading || Promise.all([config.settings, config.style].map((path) => new Promise((resolve, reject) => {
      const script = path.endsWith('.js');
      const file = doc.createElement(script ? 'script' : 'link');
      if (script) file.src = new URL(path, base).href;
      else Object.assign(file, { rel: 'stylesheet', href: new URL(path, base).href });
      file.onload = resolve;
      file.onerror = reject;
      doc.head.append(file);
    }))).then(() => settings = window.NoticeConsent.settings(internals));
    loading.then(then, failed);
  }

  /* Acting on consent ---------------------------------------------------------------------------- */

  function apply(changed) {
    if (doc.readyState === 'loading') return;
    // Gated scripts run once each, strictly in document order: a script file is waited for before the
    // next script runs. Only a new element makes the browser run them.
    const queue = [...doc.querySelectorAll('script[type="text/plain"][data-consent]')].filter((gated) => allowed(gated.dataset.consent));
    queue.forEach((gated) => gated.removeAttribute('data-consent'));
    (function next() {
      const gated = queue.shift();
      if (!gated) return;
      const copy = doc.createElement('script');
      for (const { name, value } of gated.attributes) if (name !== 'type') copy.setAttribute(name, value);
      copy.nonce = gated.nonce;
      // data-src keeps the page valid HTML (a data block may not have src); src is accepted as well.
      if (gated.dataset.src) copy.src = gated.dataset.src;
      if (copy.src) copy.onload = copy.onerror = next;
      else copy.text = gated.text;
      gated.replaceWith(copy);
      if (!copy.src) next();
    })();
    // Videos whose category is allowed: consent-settings.js puts them in place of their placeholders.
    if ([...doc.querySelectorAll('[data-notice-embed]')].some((embed) => allowed(embed.dataset.consent))) withSettings((loaded) => loaded.embeds());
    if (changed) {
      const detail = { categories: choices() };
      doc.dispatchEvent(new CustomEvent('notice:consent', { detail }));
      // One failing listener must not stop the others, nor the confirmation.
      listeners.forEach((listener) => { try { listener(detail); } catch (error) { console.error(error); } });
    }
  }

  function choices() {
    return byCategory((category) => allowed(category.id));
  }

  /* Google Consent Mode v2: `default` is everything denied, always, before any tag loads; then one
     `update` with the visitor's answer once it is known (the stored choice, after Global Privacy
     Control has had its say), so no wait_for_update is needed. */
  function googleConsentMode(command) {
    const types = config.googleConsentMode;
    if (!types) return;
    window.dataLayer = window.dataLayer || [];
    window.gtag = window.gtag || function () { window.dataLayer.push(arguments); };
    const values = {};
    for (const id in types) for (const type of types[id]) values[type] = command === 'update' && allowed(id) ? 'granted' : 'denied';
    window.gtag('consent', command, values);
  }

  /* Interface ------------------------------------------------------------------------------------- */

  /* The theme's markup (its consent-* templates, rendered by `notice build`, texts escaped there) as an
     element. Parts marked data-notice-when="…" stay only under one of the `conditions` given, and get
     `value` (escaped already: a value only the script knows) in place of {value}; links are resolved
     against this script's address, so they work on any service's pages. */
  function element(html, conditions = [], value = '') {
    const holder = doc.createElement('div');
    holder.innerHTML = html;
    for (const part of holder.querySelectorAll('[data-notice-when]')) {
      if (!conditions.includes(part.dataset.noticeWhen)) part.remove();
      else part.innerHTML = part.innerHTML.split('{value}').join(value);
    }
    for (const link of holder.querySelectorAll('a[href]')) link.href = new URL(link.getAttribute('href'), base).href;
    return holder.firstElementChild;
  }

  /* In the page flow at the top, never over it: after the skip link, or where this script stands. Run
     before the page is drawn, it moves nothing. */
  function place(box) {
    const skipLink = doc.querySelector('.notice-skip-link');
    if (skipLink) skipLink.after(box);
    else if (script && script.parentNode === doc.body) script.before(box);
    else doc.body.prepend(box);
    return box;
  }

  /* The banner, showing one of the theme's messages in place of what it showed. */
  function showBanner(html, conditions, value) {
    bar?.remove();
    bar = null;
    const next = element(html, conditions, value);
    if (banner) banner.replaceWith(next);
    else place(next);
    return (banner = next);
  }

  /* Asks, saying why again when the cookies changed since the last choice. The purposes fold away on a
     narrow screen, one tap away, so that the three choices are in view. */
  function ask() {
    const shown = showBanner(config.html.ask, stale ? ['changed'] : []);
    if (matchMedia('(min-width:40em)').matches) for (const details of shown.querySelectorAll('details')) details.open = true;
  }

  /* Once a choice is made, Cookie settings stays one action away at the top of every page. */
  function settingsButton() {
    if (config.button && config.html.bar && state && !banner && !bar) bar = place(element(config.html.bar));
  }

  /* Says what was chosen in the banner (consent-settings.js words it), with focus there unless told not
     to; without the settings file, the banner goes. */
  function confirm(focus = true) {
    withSettings((loaded) => loaded.confirm(focus), hideBanner);
  }

  function hideBanner() {
    if (!banner) return;
    banner.remove();
    banner = null;
    settingsButton();
    doc.querySelector('main')?.focus();
  }

  /* What follows a choice made with `target` (in the banner, dialog or form), given whether it withdrew
     a category: a withdrawal reloads the page, so that tags already running stop, and the confirmation
     is shown after the reload. Where the choice was made is read first: saving re-renders the form. */
  function chosen(target) {
    const where = target.closest('[data-notice-settings]') ? 'form' : 'banner';
    const dialog = target.closest('dialog');
    return (withdrawn) => {
      if (withdrawn && config.reload) {
        history.replaceState(Object.assign({}, history.state, { notice: where }), '');
        return location.reload();
      }
      dialog?.close();
      if (where === 'form') settings.saved();
      // A video's own button shows the video; the banner says so only if it is still there.
      else if (banner || !target.dataset.noticeAllow) confirm(!target.dataset.noticeAllow);
    };
  }

  function openSettings() {
    withSettings((loaded) => loaded.open(), () => { location.href = formURL; });
  }

  doc.addEventListener('click', (event) => {
    const target = event.target.closest('[data-notice-action], [data-notice-allow]');
    if (!target) return;
    const action = target.dataset.noticeAction;
    const allow = target.dataset.noticeAllow;
    if (allow || action === 'accept' || action === 'reject') {
      // A video's "Accept" allows its category and leaves the others as they were (off if unanswered).
      chosen(target)(save(byCategory((category) => action === 'accept' || category.id === allow || !!(allow && allowed(category.id)))));
    } else if (action === 'choose') {
      event.preventDefault();
      openSettings();
    } else if (action === 'hide') {
      hideBanner();
    }
  });

  /* What consent-settings.js builds on. */
  const internals = {
    config, element, save, chosen, allowed, byCategory, expire, hideBanner, showBanner,
    state: () => state,
  };

  function ready() {
    // After a reload that followed a withdrawal: say what was saved, where it was saved.
    const previous = history.state;
    const where = previous && previous.notice;
    if (where) {
      delete previous.notice;
      history.replaceState(previous, '');
      if (where === 'banner') confirm();
    }
    if (doc.querySelector('[data-notice-settings]')) withSettings((loaded) => loaded.fill(where));
    for (const control of doc.querySelectorAll('[data-notice-allow]')) control.hidden = false;
    apply();
  }

  /* Start ----------------------------------------------------------------------------------------- */

  window.NoticeConsent = {
    allowed,
    choices,
    open: openSettings,
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  googleConsentMode('default');
  if (optional.length && gpc && (!state || (!state.g && optional.some((category) => state.c[category.id])))) {
    // Global Privacy Control refuses everything optional: with no choice yet, or over one made without
    // the signal. It is recorded (saving sends the one Consent Mode update) and said in the banner; a
    // choice made while it is on is respected.
    save(byCategory(() => false));
    showBanner(config.html.gpc);
  } else if (optional.length && !state) {
    // A choice that is no longer valid (older registry, tampered with) allowed nothing now: its
    // categories' cookies go, and so does the whole record, so that this happens once.
    if (cookie(config.cookies.status)) {
      withSettings((loaded) => loaded.clear());
      Object.values(config.cookies).forEach(expire);
    }
    ask();
  } else {
    googleConsentMode('update');
    // A refused category's cookies can come back after its clean-up (a tag writing as the page unloads,
    // a server, another subdomain): whenever a cookie that is not strictly necessary is there, the
    // refused categories' cookies go again. A visitor who refused nothing never fetches the settings.
    const keep = new RegExp(config.keep, 's');
    if (state && optional.some((category) => !state.c[category.id]) && doc.cookie.split('; ').some((entry) => entry && !keep.test(entry.split('=')[0]))) {
      withSettings((loaded) => loaded.clear());
    }
    settingsButton();
  }
  apply();
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', ready);
  else ready();
})();
