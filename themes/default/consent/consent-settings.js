/* Notice consent settings: the per-category form (on the policy page, and in a dialog on every other
 * page), and the deletion of a refused category's cookies.
 *
 * consent.js fetches this file when it is needed: when the visitor opens the settings, on the policy
 * page, and when a choice refuses a category. `notice build` writes it with the site's settings in place
 * of the placeholder: each optional category's title and the names of its cookies and storage keys, and
 * the markup of the settings and of the confirmation after a choice, rendered from the theme's
 * consent-dialog and consent-confirm templates with the site's texts and registry. It builds on what consent.js hands it (`core`), so
 * that every page's download stays small whatever the size of the registry.
 *
 * This is the readable source; consent-settings.min.js beside it is this file through esbuild
 * (`make minify`, checked by the test suite).
 */
NoticeConsent.settings = (core) => {
  'use strict';
  const extra = NOTICE_SETTINGS;
  const config = core.config;
  const optional = config.categories;
  const doc = document;
  // The markup comes from the theme's templates and the titles escaped from `notice build`; what the
  // cookie holds (the consent id) is escaped here.
  const escape = (value) => String(value).replace(/[&<>"']/g, (character) => '&#' + character.charCodeAt(0) + ';');
  optional.forEach((category, index) => Object.assign(category, extra.categories[index]));

  /* Deletes every refused category's cookies, on this host and every parent domain, and its stored keys. */
  function clear() {
    for (const category of optional) {
      if (core.allowed(category.id)) continue;
      // 's': a wildcard matches every character, line breaks too, as the registry's patterns do.
      const names = new RegExp(category.names, 's');
      const keys = new RegExp(category.keys, 's');
      for (const entry of doc.cookie.split('; ')) {
        const name = entry.split('=')[0];
        if (names.test(name)) core.expire(name);
      }
      for (const store of [localStorage, sessionStorage]) {
        for (const key of Object.keys(store)) if (keys.test(key)) store.removeItem(key);
      }
    }
  }

  /* The settings (the theme's consent-dialog template): in a dialog, or its form alone on the policy
     page, with the current choice selected (nothing before a choice). `saved`: just saved in that form. */
  function settingsElement(inDialog, saved) {
    const state = core.state();
    const conditions = [inDialog && 'dialog', navigator.globalPrivacyControl && 'gpc', state && state.i && 'consent-id', saved && 'saved'];
    const dialog = core.element(extra.html.dialog, conditions, state && state.i ? '<code>' + escape(state.i) + '</code>' : '');
    const form = dialog.querySelector('[data-notice-form]');
    for (const category of state ? optional : []) {
      const input = form.querySelector('[name="notice-' + category.id + '"][value="' + (state.c[category.id] ? 1 : 0) + '"]');
      if (input) input.checked = true;
    }
    return inDialog ? dialog : form;
  }

  /* Says in the banner what was chosen, and that it can be changed. */
  function confirm(focus) {
    const accepted = optional.filter((category) => core.allowed(category.id));
    const key = accepted.length === optional.length ? 'accepted' : accepted.length ? 'chosen' : 'rejected';
    const banner = core.showBanner(extra.html.confirm, [key], accepted.map((category) => category.title).join(', '));
    if (focus) banner.querySelector('[tabindex]')?.focus();
  }

  /* The choice's receipt, for the site's records (proof of consent): what was chosen, when, under which
     registry version, and on which page. */
  function receipt(state) {
    navigator.sendBeacon(config.receipts, JSON.stringify({
      id: state.i, choices: state.c, version: state.v, time: state.t, gpc: !!state.g, url: location.origin + location.pathname,
    }));
  }

  /* Each video whose category is allowed, in place of its placeholder; when the placeholder held focus
     (its own Accept button), the video takes it. */
  function embeds() {
    for (const embed of doc.querySelectorAll('[data-notice-embed]')) {
      if (!core.allowed(embed.dataset.consent)) continue;
      const frame = doc.createElement('iframe');
      const focused = embed.contains(doc.activeElement);
      frame.src = embed.dataset.src;
      frame.title = embed.dataset.title;
      frame.allow = 'fullscreen; picture-in-picture; encrypted-media';
      embed.removeAttribute('data-notice-embed');
      embed.replaceChildren(frame);
      if (focused) frame.focus();
    }
  }

  function slot() {
    return doc.querySelector('[data-notice-settings]');
  }

  /* The policy page's form, in place of the message shown without JavaScript; `after` is 'form' when
     the page was reloaded after a choice made in it. */
  function fill(after) {
    if (after === 'form') saved();
    else slot().replaceChildren(settingsElement(false));
  }

  /* On the policy page, after a choice: the form shows it (and its new consent id), and says so. */
  function saved() {
    core.hideBanner();
    slot().replaceChildren(settingsElement(false, true));
    slot().querySelector('[data-notice-when="saved"]')?.focus();
  }

  /* The settings: the form on the policy page, a modal dialog anywhere else. */
  function open() {
    const place = slot();
    if (place) {
      place.scrollIntoView();
      return place.querySelector('button').focus();
    }
    const opener = doc.activeElement;
    const dialog = settingsElement(true);
    doc.body.append(dialog);
    dialog.addEventListener('close', () => {
      // Focus goes back where it was, unless a confirmation has taken it.
      const lost = doc.activeElement === doc.body || dialog.contains(doc.activeElement);
      dialog.remove();
      if (lost && opener && opener.isConnected) opener.focus();
    });
    dialog.showModal();
  }

  // The policy page's form always shows the current choice and its id, wherever it was made.
  doc.addEventListener('notice:consent', () => slot() && fill());

  doc.addEventListener('click', (event) => {
    if (event.target.closest('[data-notice-action="cancel"]')) event.target.closest('dialog').close();
  });

  doc.addEventListener('submit', (event) => {
    const formElement = event.target.closest('[data-notice-form]');
    if (!formElement) return;
    event.preventDefault();
    const choices = core.byCategory((category) => formElement.querySelector('[name="notice-' + category.id + '"]:checked')?.value === '1');
    core.chosen(formElement)(core.save(choices));
  });

  return { clear, fill, saved, open, confirm, receipt, embeds };
};
