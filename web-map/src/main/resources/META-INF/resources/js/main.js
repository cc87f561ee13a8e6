/* Start-up: panels (tabs), base map, layers, scenarios, parameters. */
(function (C) {
  'use strict';

  document.querySelectorAll('[role=tab]').forEach((tab) => {
    tab.addEventListener('click', () => {
      document.querySelectorAll('[role=tab]').forEach((t) => {
        const selected = t === tab;
        t.setAttribute('aria-selected', String(selected));
        document.getElementById(t.getAttribute('aria-controls')).hidden = !selected;
      });
    });
  });

  C.initBaseMap();
  Promise.all([C.loadScenarios(), C.loadParameters()]).then(() => C.loadCapabilities()).then(() => {
    document.body.dataset.pret = 'oui';
  });
}(window.Carence = window.Carence || {}));
