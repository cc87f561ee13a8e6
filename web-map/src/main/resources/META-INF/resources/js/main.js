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

  // The left panel folds away (on a phone it starts folded, so that the map keeps most of the screen).
  const fold = document.getElementById('replier-panneau');
  const leftPanel = document.getElementById('panneau-gauche');
  function setPanel(open) {
    leftPanel.hidden = !open;
    fold.setAttribute('aria-expanded', String(open));
    fold.textContent = open ? 'Masquer le panneau' : 'Afficher le panneau (couches, zones, scénarios)';
    setTimeout(() => C.map.updateSize(), 0);
  }
  fold.addEventListener('click', () => setPanel(leftPanel.hidden));
  if (window.matchMedia('(max-width: 700px)').matches) setPanel(false);

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
