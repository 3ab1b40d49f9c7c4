/* Notice consent script: asks before setting optional cookies, and enforces the answer.
 *
 * `notice build` writes it to output/consent.js with the site's settings in place of the placeholder:
 * the optional categories with the names of their cookies, the registry version, the consent cookies'
 * names and lifetime, and every text it shows. One <script src> tag in the <body> is all a page
 * needs; placed first in the body it shows the banner without moving the page.
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
  const policyURL = new URL(config.policy, script ? script.src : location.href).href;
  const listeners = new Set();
  let state = read();
  let banner;

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
      // The choice carries its own registry version; the version cookie repeats it for other tools.
      const valid = cookie(names.set) === 'true' && value.v === config.version
        && Object.keys(choices).length === optional.length
        && optional.every((category) => typeof choices[category.id] === 'boolean');
      return valid ? value : null;
    } catch (error) {
      return null;
    }
  }

  /* Records a choice (with when, and under which registry version) and acts on it at once. */
  function save(choices, gpc) {
    state = { c: choices, t: new Date().toISOString(), v: config.version, g: gpc ? 1 : 0 };
    setCookie(config.cookies.status, encodeURIComponent(JSON.stringify(state)));
    setCookie(config.cookies.set, 'true');
    setCookie(config.cookies.version, config.version);
    apply(true);
  }

  function allowed(id) {
    return config.necessary.includes(id) || (!!state && state.c[id] === true);
  }

  /* An object with a value for each optional category. */
  function byCategory(value) {
    return Object.fromEntries(optional.map((category) => [category.id, value(category)]));
  }

  /* Deletes a refused category's cookies, on this host and every parent domain, and its stored keys. */
  function clear(category) {
    // 's': a wildcard matches every character, line breaks too, as the registry's patterns do.
    const names = new RegExp(category.names, 's');
    const keys = new RegExp(category.keys, 's');
    for (const entry of doc.cookie.split('; ')) {
      const name = entry.split('=')[0];
      if (names.test(name)) expire(name);
    }
    for (const store of [localStorage, sessionStorage]) {
      for (const key of Object.keys(store)) if (keys.test(key)) store.removeItem(key);
    }
  }

  /* Acting on consent ---------------------------------------------------------------------------- */

  function apply(changed) {
    for (const category of optional) if (!allowed(category.id)) clear(category);
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
    for (const embed of doc.querySelectorAll('[data-notice-embed]')) {
      if (!allowed(embed.dataset.consent)) continue;
      const frame = doc.createElement('iframe');
      frame.src = embed.dataset.src;
      frame.title = embed.dataset.title;
      frame.allow = 'fullscreen; picture-in-picture; encrypted-media';
      embed.removeAttribute('data-notice-embed');
      embed.replaceChildren(frame);
    }
    if (changed) {
      googleConsentMode('update');
      const detail = { categories: choices() };
      doc.dispatchEvent(new CustomEvent('notice:consent', { detail }));
      // One failing listener must not stop the others, nor the confirmation.
      listeners.forEach((listener) => { try { listener(detail); } catch (error) { console.error(error); } });
    }
  }

  function choices() {
    return byCategory((category) => allowed(category.id));
  }

  /* Google Consent Mode v2: everything denied before any tag loads, then the visitor's answer. */
  function googleConsentMode(command) {
    const types = config.googleConsentMode;
    if (!types) return;
    window.dataLayer = window.dataLayer || [];
    window.gtag = window.gtag || function () { window.dataLayer.push(arguments); };
    // Set before any tag loads and updated at once from a stored choice, so no wait_for_update is needed.
    const values = {};
    for (const id in types) for (const type of types[id]) values[type] = allowed(id) ? 'granted' : 'denied';
    window.gtag('consent', command, values);
  }

  /* Interface ------------------------------------------------------------------------------------- */

  function escape(text) {
    return String(text).replace(/[&<>"']/g, (character) => '&#' + character.charCodeAt(0) + ';');
  }

  /* A text, escaped, with {categories} filled in (the one value only the script knows; `notice build`
     fills in the rest). `categories` must be escaped already. Any other {word} stays as written, so
     '{constructor}' in a text can never reach an inherited JavaScript property. */
  function text(key, categories = '{categories}') {
    return escape(config.texts[key]).split('{categories}').join(categories);
  }

  function button(key) {
    return '<button type="button" data-notice-action="' + key + '">' + text(key) + '</button>';
  }

  function buttons(html) {
    return '<div class="notice-consent__buttons">' + html + '</div>';
  }

  function link(key) {
    return '<a href="' + escape(policyURL) + '">' + text(key) + '</a>';
  }

  function element(html) {
    const holder = doc.createElement('div');
    holder.innerHTML = html;
    return holder.firstChild;
  }

  function showBanner() {
    const list = optional.map((category) => '<li>' + escape(category.title) + '</li>').join('');
    const body = state
      ? '<p>' + text('gpc') + '</p>' + buttons(button('hide') + link('policyLink'))
      : '<p>' + text('essential') + '</p><p>' + text('optional') + '</p><ul>' + list + '</ul>'
        + buttons(button('accept') + button('reject') + button('choose') + link('policyLink'));
    banner = element('<div class="notice-consent" role="region" aria-labelledby="notice-consent"><div class="notice-consent__inner">'
      + '<h2 id="notice-consent">' + text('heading') + '</h2>' + body + '</div></div>');
    // In the page flow at the top, never over it: after the skip link, or where this script stands.
    const skipLink = doc.querySelector('.notice-skip-link');
    if (skipLink) skipLink.after(banner);
    else if (script && script.parentNode === doc.body) script.before(banner);
    else doc.body.prepend(banner);
  }

  /* Replaces the banner's question by what was chosen, and moves focus there (unless told not to). */
  function confirm(focus = true) {
    if (!banner) return;
    const accepted = optional.filter((category) => allowed(category.id));
    const key = accepted.length === optional.length ? 'accepted' : accepted.length ? 'chosen' : 'rejected';
    const names = accepted.map((category) => escape(category.title)).join(', ');
    banner.firstChild.innerHTML = '<p tabindex="-1">' + text(key, names) + ' ' + link('change') + '</p>'
      + buttons(button('hide'));
    if (focus) banner.querySelector('p').focus();
  }

  function hideBanner() {
    if (!banner) return;
    banner.remove();
    banner = null;
    doc.querySelector('main')?.focus();
  }

  /* The per-category form, shared by the policy page's settings and the dialog on other pages. */
  function form(inDialog) {
    const option = (category, value, key) => '<label><input type="radio" name="notice-' + category.id + '" value="' + value + '"'
      + (state && state.c[category.id] === !!value ? ' checked' : '') + '> ' + text(key) + '</label>';
    const groups = optional.map((category) => '<fieldset><legend>' + escape(category.title) + '</legend>'
      + option(category, 1, 'use') + option(category, 0, 'doNotUse') + '</fieldset>').join('');
    return '<form class="notice-consent-form">' + (navigator.globalPrivacyControl ? '<p>' + text('gpc') + '</p>' : '')
      + '<p>' + text('necessary') + '</p>' + groups
      + buttons('<button>' + text('save') + '</button>' + (inDialog ? button('cancel') : '')) + '</form>';
  }

  function settingsSlot() {
    return doc.querySelector('[data-notice-settings]');
  }

  function openSettings() {
    const slot = settingsSlot();
    if (slot) return slot.querySelector('input')?.focus();
    const opener = doc.activeElement;
    const dialog = element('<dialog class="notice-consent-dialog" aria-labelledby="notice-settings"><h2 id="notice-settings">'
      + text('settingsHeading') + '</h2>' + form(true) + '</dialog>');
    doc.body.append(dialog);
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener && opener.isConnected) opener.focus();
    });
    dialog.showModal();
  }

  doc.addEventListener('click', (event) => {
    const target = event.target.closest('[data-notice-action], [data-notice-allow]');
    if (!target) return;
    const action = target.dataset.noticeAction;
    const allow = target.dataset.noticeAllow;
    if (allow || action === 'accept' || action === 'reject') {
      // A video's "Accept" allows its category and leaves the others as they were (off if unanswered);
      // focus goes to the video that took the button's place.
      const embed = target.closest('.notice-embed');
      save(byCategory((category) => action === 'accept' || category.id === allow || !!(allow && allowed(category.id))));
      confirm(!allow);
      embed?.querySelector('iframe')?.focus();
    } else if (action === 'choose') {
      openSettings();
    } else if (action === 'hide') {
      hideBanner();
    } else if (action === 'cancel') {
      target.closest('dialog').close();
    }
  });

  doc.addEventListener('submit', (event) => {
    const formElement = event.target.closest('.notice-consent-form');
    if (!formElement) return;
    event.preventDefault();
    save(byCategory((category) => formElement.querySelector('[name="notice-' + category.id + '"]:checked')?.value === '1'));
    const dialog = formElement.closest('dialog');
    if (dialog) {
      dialog.close();
      return confirm();
    }
    hideBanner();
    const status = settingsSlot().firstChild;
    status.innerHTML = '<p>' + text('saved') + '</p>';
    status.focus();
  });

  function ready() {
    const slot = settingsSlot();
    if (slot) slot.innerHTML = '<div role="status" tabindex="-1"></div>' + form();
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
  if (optional.length && !state) {
    // Global Privacy Control is a refusal of everything optional, recorded and said in the banner.
    if (navigator.globalPrivacyControl === true) save(byCategory(() => false), true);
    showBanner();
  } else if (state) {
    googleConsentMode('update');
  }
  apply();
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', ready);
  else ready();
})();
