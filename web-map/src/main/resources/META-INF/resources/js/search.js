/* Commune search through WFS: name contains the text, or exact INSEE code; zooms to it. */
(function (C) {
  'use strict';

  const input = document.getElementById('recherche-texte');
  const list = document.getElementById('recherche-resultats');

  function filter(text) {
    const isCode = /^[0-9][0-9AB][0-9]{3}$/i.test(text);
    const inner = isCode
      ? `<fes:PropertyIsEqualTo><fes:ValueReference>code</fes:ValueReference><fes:Literal>${C.escapeXml(text.toUpperCase())}</fes:Literal></fes:PropertyIsEqualTo>`
      : `<fes:PropertyIsLike wildCard="*" singleChar="?" escapeChar="\\" matchCase="false"><fes:ValueReference>nom</fes:ValueReference><fes:Literal>*${C.escapeXml(text.replace(/[*?\\]/g, '\\$&'))}*</fes:Literal></fes:PropertyIsLike>`;
    return `<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0">${inner}</fes:Filter>`;
  }

  /** Zooms to a feature and outlines it. */
  C.zoomTo = function (feature, maxZoom = 12) {
    C.highlight.clear();
    C.highlight.addFeature(feature);
    C.view.fit(feature.getGeometry().getExtent(), { padding: [60, 60, 60, 60], maxZoom, duration: 0 });
  };

  async function search(text) {
    const url = C.wfsUrl({
      TYPENAMES: 'carence:communes', COUNT: '10', SRSNAME: 'EPSG:2154', OUTPUTFORMAT: 'application/json',
      SORTBY: 'population DESC', FILTER: filter(text)
    });
    try {
      show(C.geojson.readFeatures(await C.requestJson(url, 'Recherche de commune')));
    } catch (e) {
      C.report(e, 'La recherche de commune a échoué.');
    }
  }

  function show(features) {
    list.innerHTML = '';
    if (!features.length) {
      const li = document.createElement('li'); li.textContent = 'Aucune commune trouvée'; list.appendChild(li);
    }
    features.forEach((f) => {
      const li = document.createElement('li');
      li.tabIndex = 0;
      li.setAttribute('role', 'option');
      li.dataset.code = f.get('code');
      li.textContent = `${f.get('nom')} (${f.get('code')}) — ${C.formatNumber(f.get('population') || 0)} hab.`;
      const go = () => { C.zoomTo(f); list.hidden = true; input.value = f.get('nom'); };
      li.addEventListener('click', go);
      li.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') go(); });
      list.appendChild(li);
    });
    list.hidden = false;
  }

  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) { list.hidden = true; return; }
    timer = setTimeout(() => search(text), 250);
  });
  input.addEventListener('keydown', (e) => { if (e.key === 'Escape') list.hidden = true; });
  document.getElementById('recherche').addEventListener('submit', (e) => e.preventDefault());
}(window.Carence = window.Carence || {}));
