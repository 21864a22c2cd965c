// Live changes to the manager's and the IRO's lists (progressive enhancement: without it, or
// without EventSource, the page is reloaded by hand and works the same). It follows the page's
// server-sent events of queue changes, says how many changes arrived, and on "refresh the list"
// fetches the page again and swaps in the fresh list (a full reload if that fails).
(function () {
  'use strict';
  var banner = document.getElementById('queue-changes');
  var list = document.querySelector('[data-live-list]');
  if (!banner || !list || typeof window.EventSource !== 'function' || typeof window.fetch !== 'function') return;
  var count = document.getElementById('queue-changes-count');
  var refresh = document.getElementById('queue-refresh');
  var changes = 0;

  function show() {
    count.textContent = changes === 1 ? '1 change since the list was loaded' : changes + ' changes since the list was loaded';
    banner.hidden = false;
  }

  var source = new EventSource(banner.getAttribute('data-live-queue'));
  source.addEventListener('queue-change', function () {
    changes += 1;
    show();
  });

  refresh.addEventListener('click', function (event) {
    event.preventDefault();
    window.fetch(refresh.getAttribute('href'), { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) {
        if (!response.ok) throw new Error('status ' + response.status);
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-live-list]');
        if (!fresh) throw new Error('no list in the page');
        list.innerHTML = fresh.innerHTML;
        changes = 0;
        banner.hidden = true;
        list.setAttribute('tabindex', '-1');
        list.focus();
      })
      .catch(function () {
        window.location.reload();
      });
  });
})();
