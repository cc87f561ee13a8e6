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
    // Ready once the first complete render with the layers is on screen (tests and scripts wait for it).
    C.map.once('rendercomplete', () => { document.body.dataset.pret = 'oui'; });
    C.map.render();
  });
}(window.Carence = window.Carence || {}));
