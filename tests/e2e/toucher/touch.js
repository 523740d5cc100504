// The positive control of the "never touches" recorder (tests/e2e/never-touches.test.ts): a content script, in
// its own isolated world exactly like ours, that touches the page through ONE channel, named by ?touch=<channel>.
// The recorder must tell each of these apart from the same page without any extension.
(() => {
  const channel = new URLSearchParams(location.search).get('touch');
  const id = chrome.runtime.id;
  const input = document.querySelector('input[type=text]');
  const box = document.querySelector('input[type=checkbox]');
  const select = document.querySelector('select');
  const touches = {
    message: () => window.postMessage({ type: `${id}:portal:wxt:content-script-started` }, '*'),
    'started-event': () =>
      document.dispatchEvent(new CustomEvent(`${id}:portal:wxt:content-script-started`, { detail: {} })),
    'location-event': () => window.dispatchEvent(new Event(`${id}:portal:wxt:locationchange`)),
    dom: () => document.body.appendChild(document.createElement('div')),
    attribute: () => document.body.setAttribute('data-touched', '1'),
    focus: () => input.focus(),
    scroll: () => window.scrollTo(0, 300),
    value: () => (input.value = 'typed'),
    checked: () => (box.checked = true),
    selectedIndex: () => (select.selectedIndex = 2),
    click: () => document.querySelector('button[type=button]').click(),
    key: () => input.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true })),
    url: () => history.replaceState(null, '', `${location.pathname}${location.search}#touched`),
    history: () => history.pushState(null, '', location.href),
    cookie: () => (document.cookie = 'touched=1'),
    localStorage: () => localStorage.setItem('touched', '1'),
    sessionStorage: () => sessionStorage.setItem('touched', '1'),
    navigation: () => {
      if (!location.search.includes('again'))
        location.assign(`${location.pathname}${location.search}&again=1`);
    },
  };
  touches[channel]?.();
})();
