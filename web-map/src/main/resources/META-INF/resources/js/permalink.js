/* Shareable link: the address's fragment keeps the scenario, the visible layers (with their style),
   the territory and the view (#scenario=defaut&couches=communes,zones_carence&territoire=departement:12&vue=x,y,zoom);
   opening such a link restores them. The fragment never reaches the server, nor carries anything
   about who is connected: a layer the reader may not see is simply left out. */
(function (C) {
  'use strict';

  const field = document.getElementById('lien-partage');
  let restoring = true;

  /** The link of what is on screen now. */
  C.shareLink = function () {
    const params = new URLSearchParams();
    params.set('scenario', C.scenario());
    params.set('couches', C.visibleLayers().map((l) => (l.style ? `${l.name}:${l.style}` : l.name)).join(','));
    if (C.territoireKey()) params.set('territoire', C.territoireKey());
    const [x, y] = C.view.getCenter();
    params.set('vue', `${Math.round(x)},${Math.round(y)},${Math.round(C.view.getZoom() * 100) / 100}`);
    return `${location.origin}${location.pathname}${location.search}#${params.toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':')}`;
  };

  function update() {
    if (restoring) return;
    const link = C.shareLink();
    history.replaceState(null, '', link);
    field.value = link;
  }

  /** Restores the state written in the fragment (once the layers and scenarios are loaded). */
  async function restore() {
    const params = new URLSearchParams(location.hash.slice(1));
    try {
      const scenario = params.get('scenario');
      const select = document.getElementById('scenario');
      if (scenario && scenario !== select.value && [...select.options].some((o) => o.value === scenario)) {
        select.value = scenario;
        select.dispatchEvent(new Event('change'));
      } else if (scenario && scenario !== select.value) {
        C.showError(`Le scénario « ${scenario} » du lien n'existe plus ou ne vous est pas visible : le scénario par défaut est affiché.`);
      }
      if (params.has('couches')) {
        const wanted = new Map(params.get('couches').split(',').filter(Boolean).map((c) => { const [n, st] = c.split(':'); return [n, st || '']; }));
        document.querySelectorAll('#arbre-couches .couche').forEach((div) => {
          const box = div.querySelector('input[type=checkbox]');
          const on = wanted.has(div.dataset.couche);
          if (box.checked !== on) { box.checked = on; box.dispatchEvent(new Event('change', { bubbles: true })); }
          const select = div.querySelector('select.style');
          const style = wanted.get(div.dataset.couche);
          if (on && select && style && select.value !== style && [...select.options].some((o) => o.value === style)) {
            select.value = style;
            select.dispatchEvent(new Event('change', { bubbles: true }));
          }
        });
      }
      if (params.get('territoire')) {
        try {
          C.setTerritoire(await C.fetchTerritoire(params.get('territoire')), { zoom: !params.get('vue') });
        } catch (e) {
          C.report(e, 'Le territoire du lien n\'a pas pu être retrouvé.');
        }
      }
      const vue = (params.get('vue') || '').split(',').map(Number);
      if (vue.length === 3 && vue.every(Number.isFinite)) {
        C.view.setCenter([vue[0], vue[1]]);
        C.view.setZoom(vue[2]);
      }
    } finally {
      restoring = false;
      update();
      document.body.dataset.lienRestaure = 'oui';
    }
  }

  document.addEventListener('carence:couches', () => { if (restoring) restore(); });
  C.map.on('moveend', update);
  document.getElementById('arbre-couches').addEventListener('change', update);
  ['carence:scenario', 'carence:territoire'].forEach((ev) => document.addEventListener(ev, update));

  const panel = document.getElementById('partage');
  document.getElementById('partager').addEventListener('click', async () => {
    update();
    panel.hidden = !panel.hidden;
    if (panel.hidden) return;
    field.value = C.shareLink();
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
      C.showMessage('Lien copié : il rouvre la carte avec ces couches, ce scénario, ce territoire et cette vue.', 'notice');
    } catch (e) { /* no clipboard (insecure page): the link stays selected in the field */ }
  });
}(window.Carence = window.Carence || {}));
