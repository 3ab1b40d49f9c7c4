/* Notice consent settings: the per-category form (on the policy page, and in a dialog on every other
 * page), and the deletion of a refused category's cookies.
 *
 * consent.js fetches this file when it is needed: when the visitor opens the settings, on the policy
 * page, and when a choice refuses a category. `notice build` writes it with the site's settings in place
 * of the placeholder: each optional category's description, services, policy section and the names of
 * its cookies and storage keys, and the form's texts. It builds on what consent.js hands it (`core`), so
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
  const { text, escape, button } = core;
  Object.assign(config.texts, extra.texts);
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

  /* The form: for each optional category its description and services, Use / Do not use (nothing ticked
     before a choice) and a link to its section of the policy; then Accept all, Reject all and Save,
     equal in style. */
  function form(inDialog) {
    const state = core.state();
    const option = (category, value, key) => '<label><input type="radio" name="notice-' + category.id + '" value="' + value + '"'
      + (state && state.c[category.id] === !!value ? ' checked' : '') + '> ' + text(key) + '</label>';
    // The choice comes before the link to the policy, so that the first Tab stop is the first choice.
    const groups = optional.map((category) => '<fieldset><legend>' + escape(category.title) + '</legend>'
      + '<p>' + escape(category.description) + '</p>'
      + (category.services ? '<p>' + escape(category.services) + '</p>' : '')
      + option(category, 1, 'use') + option(category, 0, 'doNotUse')
      + '<p><a href="' + escape(core.url(category.section)) + '">' + escape(category.more) + '</a></p></fieldset>').join('');
    return '<form class="notice-consent-form">' + (navigator.globalPrivacyControl ? '<p>' + text('gpc') + '</p>' : '')
      + '<p>' + text('necessary') + '</p>' + groups
      + (state && state.i ? '<p>' + text('consentId', '<code>' + escape(state.i) + '</code>') + '</p>' : '')
      + core.buttons(button('accept', 'acceptAll') + button('reject', 'rejectAll') + '<button>' + text('save') + '</button>'
        + (inDialog ? button('cancel') : '')) + '</form>';
  }

  function slot() {
    return doc.querySelector('[data-notice-settings]');
  }

  /* The policy page's form, in place of the message shown without JavaScript; `after` is 'form' when
     the page was reloaded after a choice made in it. */
  function fill(after) {
    const place = slot();
    place.innerHTML = '<div role="status" tabindex="-1"></div>' + form();
    if (after === 'form') saved();
  }

  /* On the policy page, after a choice: the form shows it (and its new consent id), the status says so. */
  function saved() {
    core.hideBanner();
    fill();
    const status = slot().firstChild;
    status.innerHTML = '<p>' + text('saved') + '</p>';
    status.focus();
  }

  /* The settings: the form on the policy page, a modal dialog anywhere else. */
  function open() {
    const place = slot();
    if (place) {
      place.scrollIntoView();
      return place.querySelector('input').focus();
    }
    const opener = doc.activeElement;
    const dialog = core.element('<dialog class="notice-consent-dialog" aria-labelledby="notice-settings"><h2 id="notice-settings">'
      + text('settingsHeading') + '</h2>' + form(true) + '</dialog>');
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
    const formElement = event.target.closest('.notice-consent-form');
    if (!formElement) return;
    event.preventDefault();
    const choices = core.byCategory((category) => formElement.querySelector('[name="notice-' + category.id + '"]:checked')?.value === '1');
    core.chosen(formElement)(core.save(choices));
  });

  return { clear, fill, saved, open };
};
