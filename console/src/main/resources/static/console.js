// The console's behaviour, bound by data- attributes (the Content-Security-Policy allows no inline script).
(function () {
  'use strict';

  // htmx: every request the page makes carries the CSRF token Spring Security expects
  document.addEventListener('htmx:configRequest', function (event) {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // Live countdowns: <span class="countdown" data-deadline="2026-11-23T01:30:00Z"
  //   data-label-left="left" data-label-overdue="overdue"></span>; red ("breached") once past, amber under an hour
  function formatDuration(ms) {
    var minutes = Math.floor(Math.abs(ms) / 60000);
    var days = Math.floor(minutes / 1440), hours = Math.floor((minutes % 1440) / 60), mins = minutes % 60;
    if (days > 0) { return days + 'd ' + hours + 'h'; }
    if (hours > 0) { return hours + 'h ' + mins + 'm'; }
    var seconds = Math.floor(Math.abs(ms) / 1000) % 60;
    return mins + 'm ' + seconds + 's';
  }
  function tickCountdowns() {
    var now = Date.now();
    document.querySelectorAll('[data-deadline]').forEach(function (el) {
      var deadline = Date.parse(el.getAttribute('data-deadline'));
      if (isNaN(deadline)) { return; }
      var left = deadline - now;
      var label = left < 0 ? (el.getAttribute('data-label-overdue') || 'overdue')
                           : (el.getAttribute('data-label-left') || 'left');
      el.textContent = formatDuration(left) + ' ' + label;
      el.classList.toggle('breached', left < 0);
      el.classList.toggle('soon', left >= 0 && left < 3600000);
      el.setAttribute('title', new Date(deadline).toLocaleString());
    });
  }
  setInterval(tickCountdowns, 1000);

  // Charts: <canvas th:attr="data-chart=${configJson}"></canvas>, the Chart.js config
  //   {"type":"bar","data":{...},"options":{...}} as JSON in the attribute (escaped by Thymeleaf, read back here)
  function drawCharts(root) {
    if (typeof Chart === 'undefined') { return; }
    (root || document).querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      if (canvas.dataset.drawn) { return; }
      var config = JSON.parse(canvas.getAttribute('data-chart'));
      config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
      new Chart(canvas, config);
      canvas.dataset.drawn = 'true';
    });
  }

  // Local times: <time data-local="2026-11-23T01:30:00Z"></time> shows the browser's local date and time
  function localTimes(root) {
    (root || document).querySelectorAll('time[data-local]').forEach(function (el) {
      var when = Date.parse(el.getAttribute('data-local'));
      if (!isNaN(when)) {
        el.textContent = new Date(when).toLocaleString(document.documentElement.lang || undefined,
          { dateStyle: 'medium', timeStyle: 'short' });
        el.setAttribute('datetime', el.getAttribute('data-local'));
      }
    });
  }

  // The navigation folds into a "Menu" on a phone; on a wide screen it is always open (a closed <details> hides
  // its content whatever the CSS says)
  var wide = window.matchMedia('(min-width: 48rem)');
  function unfoldMenu() {
    document.querySelectorAll('details.menu').forEach(function (menu) { menu.open = wide.matches; });
  }
  wide.addEventListener('change', unfoldMenu);
  document.addEventListener('DOMContentLoaded', unfoldMenu);

  function refresh(root) {
    tickCountdowns();
    drawCharts(root);
    localTimes(root);
  }
  document.addEventListener('DOMContentLoaded', function () { refresh(document); });
  document.addEventListener('htmx:afterSettle', function (event) { refresh(event.target); });
})();
