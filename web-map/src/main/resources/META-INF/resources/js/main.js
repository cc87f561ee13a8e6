/* Start-up: panels (tabs), base map, session, layers, scenarios, parameters. */
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

  // Another identity: nothing read under the previous one stays on screen (a funder's site in the
  // information panel, the site sheet, outlined features); the layers and sites reload themselves.
  document.addEventListener('carence:session', () => {
    document.getElementById('panneau-info').hidden = true;
    document.getElementById('fiche-site').hidden = true;
    C.highlight.clear();
  });

  C.initBaseMap();
  // Who is connected decides which layers the capabilities list: ask first.
  Promise.all([C.loadSession(), C.loadScenarios(), C.loadParameters(), C.loadColumns()]).then(() => C.loadCapabilities()).then(() => {
    // Ready once the first complete render with the layers is on screen (tests and scripts wait for it).
    C.map.once('rendercomplete', () => { document.body.dataset.pret = 'oui'; });
    C.map.render();
  });
}(window.Carence = window.Carence || {}));
