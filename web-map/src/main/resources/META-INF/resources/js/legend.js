/* The map's cartouche, always on the map: title (scenario, territory), what a carence zone is,
   the legend of the visible layers, how many of the flows drawn are modelled (drawn dashed), and
   the data vintages the scenario read (its provenance, GET /api/scenarios). */
(function (C) {
  'use strict';

  const title = document.getElementById('carte-titre');
  const subtitle = document.getElementById('carte-sous-titre');
  const legend = document.getElementById('carte-legende');
  const flux = document.getElementById('carte-flux');
  const vintages = document.getElementById('carte-millesimes');
  const details = document.getElementById('carte-details');

  C.MAP_TITLE = 'Zones de carence en lieux de télétravail';

  // Each provenance entry names its layer in words (libelle, declared once by the service for the
  // dossier, the printed map and this cartouche); the table name only if the service gave none.
  const sourceName = (v) => v.libelle || v.couche;

  /** The visible layers, bottom to top, with the style chosen in the tree: what the printed map draws. */
  C.visibleLayers = function () {
    return [...document.querySelectorAll('#arbre-couches .couche')]
      .filter((div) => div.querySelector('input[type=checkbox]').checked)
      .map((div) => {
        const layer = C.findLayer ? C.findLayer(div.dataset.couche) : null;
        const select = div.querySelector('select.style');
        return { name: div.dataset.couche, title: div.querySelector('label').textContent.trim(), style: select ? select.value : '',
          z: layer ? layer.getZIndex() : 0, legend: div.querySelector('img.legende') };
      })
      .sort((a, b) => a.z - b.z);
  };

  /** "Scénario « Défaut » · Aveyron (département)" */
  C.mapSubtitle = function () {
    const s = C.scenarioRecord ? C.scenarioRecord(C.scenario()) : null;
    return [`Scénario « ${s ? s.nom || s.id : C.scenario()} »`, C.territoire ? C.territoireText(C.territoire) : 'tout le territoire chargé'].join(' · ');
  };

  function renderTitle() {
    title.textContent = C.MAP_TITLE;
    subtitle.textContent = C.mapSubtitle();
  }

  function renderLegend() {
    legend.innerHTML = '';
    const layers = C.visibleLayers().reverse(); // top-most first, as read on the map
    if (!layers.length) legend.appendChild(Object.assign(document.createElement('p'), { className: 'info', textContent: 'Aucune couche affichée.' }));
    layers.forEach((l) => {
      const div = Object.assign(document.createElement('div'), { className: 'entree-legende' });
      div.dataset.couche = l.name;
      div.appendChild(Object.assign(document.createElement('b'), { textContent: l.title }));
      if (l.name === 'flux_od') {
        // Observed and modelled flows side by side, as the layer's style draws them.
        div.insertAdjacentHTML('beforeend', '<span class="traits"><svg width="34" height="8" aria-hidden="true"><line x1="0" y1="4" x2="34" y2="4" stroke="#6a51a3" stroke-width="3"/></svg> observés (INSEE)'
          + ' <svg width="34" height="8" aria-hidden="true"><line x1="0" y1="4" x2="34" y2="4" stroke="#9e9ac8" stroke-width="3" stroke-dasharray="7 5"/></svg> modélisés</span>');
      }
      if (l.legend && l.legend.src) div.appendChild(Object.assign(document.createElement('img'), { src: l.legend.src, alt: `Légende de ${l.title}` }));
      legend.appendChild(div);
    });
  }

  async function hits(filter) {
    const params = { TYPENAMES: 'carence:flux_od', RESULTTYPE: 'hits', SCENARIO: C.scenario() };
    if (filter) params.FILTER = filter;
    const text = await (await C.request(C.wfsUrl(params), 'Nombre de flux tracés')).text();
    const m = text.match(/numberMatched="(\d+)"/);
    return m ? Number(m[1]) : null;
  }

  let fluxLoads = 0;
  async function renderFlux() {
    const load = ++fluxLoads;
    delete document.body.dataset.fluxModelises;
    try {
      const modelledFilter = '<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0"><fes:PropertyIsEqualTo><fes:ValueReference>modelise</fes:ValueReference>'
        + '<fes:Literal>true</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>';
      const [all, modelled] = await Promise.all([hits(null), hits(modelledFilter)]);
      if (load !== fluxLoads) return;
      if (all == null || modelled == null) { flux.textContent = ''; return; }
      flux.textContent = all === 0 ? 'Aucun flux domicile-travail tracé pour ce scénario.'
        : `Flux modélisés : ${C.formatNumber(modelled)} des ${C.formatNumber(all)} flux domicile-travail tracés sont estimés par le modèle de radiation (tiretés), ${C.formatNumber(all - modelled)} observés par l'INSEE (traits pleins).`;
      document.body.dataset.fluxModelises = `${modelled}/${all}`;
    } catch (e) {
      if (load === fluxLoads) flux.textContent = 'Nombre de flux modélisés indisponible.';
    }
  }

  function renderVintages() {
    const s = C.scenarioRecord ? C.scenarioRecord(C.scenario()) : null;
    if (!s || !s.provenance || !s.provenance.length) {
      vintages.textContent = 'Sources : provenance non enregistrée pour ce scénario.';
      return;
    }
    // The vintages declared by the publishers; the layers loaded without one are counted, and all listed on hover.
    const dated = s.provenance.filter((v) => v.millesime);
    const undated = s.provenance.length - dated.length;
    vintages.textContent = `Données : ${dated.map((v) => `${sourceName(v)} ${v.millesime}`).join(' · ') || 'aucun millésime déclaré'}`
      + `${undated ? ` ; ${undated} autre${undated > 1 ? 's' : ''} couche${undated > 1 ? 's' : ''} sans millésime déclaré` : ''}.`;
    vintages.title = s.provenance.map((v) => `${sourceName(v)} — ${v.millesime || 'millésime non précisé'}`
      + `${v.licence ? ` — ${v.licence}` : ''} — ${v.fichiers || ''}`).join('\n');
  }

  C.renderCartouche = function () {
    renderTitle();
    renderLegend();
    renderVintages();
  };

  // Folded on a phone: the title, the modelled flows and the vintages stay; the legend opens on demand.
  if (window.matchMedia('(max-width: 700px)').matches) {
    details.open = false;
    // Right under the map rather than over it: the map keeps its whole height.
    document.getElementById('carte').after(document.getElementById('cartouche'));
  } else {
    // A narrow map (information panel and left panel open on a laptop): the legend folds so that
    // the cartouche does not hide the map; it follows the width until the user opens or closes it.
    let chosen = false;
    details.querySelector('summary').addEventListener('click', () => { chosen = true; });
    new ResizeObserver(([entry]) => { if (!chosen) details.open = entry.contentRect.width >= 760; }).observe(document.getElementById('carte'));
  }
  document.getElementById('arbre-couches').addEventListener('change', () => renderLegend());
  document.addEventListener('carence:couches', () => { C.renderCartouche(); renderFlux(); });
  document.addEventListener('carence:scenario', () => { C.renderCartouche(); renderFlux(); });
  document.addEventListener('carence:territoire', renderTitle);
}(window.Carence = window.Carence || {}));
