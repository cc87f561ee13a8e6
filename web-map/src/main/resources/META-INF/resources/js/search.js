/* Territory search (régions, départements, intercommunalités, communes) through /api/territoires:
   accent- and case-insensitive, typed and ranked by the server. Picking one zooms to it, outlines
   it and makes it the territory of the page (zones table filtered, title, printed map, link). */
(function (C) {
  'use strict';

  const input = document.getElementById('recherche-texte');
  const list = document.getElementById('recherche-resultats');
  const chip = document.getElementById('territoire-choisi');

  /** The territory chosen ({type, code, nom, libelle, etendue}), or null for the whole map. */
  C.territoire = null;
  /** "departement:12": the form of the zones filter and of the shareable link. */
  C.territoireKey = () => (C.territoire ? `${C.territoire.type}:${C.territoire.code}` : null);
  /** "Aveyron (département)": how a territory is written for a reader. */
  C.territoireText = (t) => (t ? `${t.nom} (${t.libelle})` : '');

  /** Zooms to a feature and outlines it. */
  C.zoomTo = function (feature, maxZoom = 12) {
    C.highlight.clear();
    C.highlight.addFeature(feature);
    C.view.fit(feature.getGeometry().getExtent(), { padding: [60, 60, 60, 60], maxZoom, duration: 0 });
  };

  // The layer and column holding a territory's outline: EPCIs have no layer, their communes do.
  const OUTLINE = { region: ['carence:regions', 'code'], departement: ['carence:departements', 'code'],
    commune: ['carence:communes', 'code'], epci: ['carence:communes', 'epci'] };

  async function outline(t) {
    const [layer, column] = OUTLINE[t.type];
    const filter = '<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0"><fes:PropertyIsEqualTo>'
      + `<fes:ValueReference>${column}</fes:ValueReference><fes:Literal>${C.escapeXml(t.code)}</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>`;
    try {
      const features = C.geojson.readFeatures(await C.requestJson(
        C.wfsUrl({ TYPENAMES: layer, SRSNAME: 'EPSG:2154', OUTPUTFORMAT: 'application/json', FILTER: filter }), 'Contour du territoire'));
      if (C.territoireKey() !== `${t.type}:${t.code}`) return; // another territory was chosen meanwhile
      C.highlight.clear();
      features.forEach((f) => { f.set('remplissage', 'rgba(0,0,145,0.03)'); C.highlight.addFeature(f); });
    } catch (e) {
      C.report(e, 'Le contour du territoire n\'a pas pu être dessiné.');
    }
  }

  /** Makes t the territory of the page (null: none); zooms to it unless told not to. */
  C.setTerritoire = function (t, { zoom = true } = {}) {
    C.territoire = t;
    input.value = t ? t.nom : '';
    chip.hidden = !t;
    chip.querySelector('.nom').textContent = C.territoireText(t);
    if (t) {
      if (zoom) C.view.fit(t.etendue, { padding: [40, 40, 40, 40], maxZoom: 12, duration: 0 });
      outline(t);
    } else {
      C.highlight.clear();
    }
    document.body.dataset.territoire = C.territoireKey() || '';
    document.dispatchEvent(new CustomEvent('carence:territoire'));
  };
  chip.querySelector('button').addEventListener('click', () => C.setTerritoire(null));

  /** A territory by its key ("epci:200067361"), for the shareable link. */
  C.fetchTerritoire = async function (key) {
    const [type, code] = key.split(':');
    return C.requestJson(`api/territoires/${encodeURIComponent(type)}/${encodeURIComponent(code)}`, 'Territoire du lien');
  };

  async function search(text) {
    try {
      show(await C.requestJson(`api/territoires?${new URLSearchParams({ q: text, limite: '12' })}`, 'Recherche de territoire'));
    } catch (e) {
      C.report(e, 'La recherche de territoire a échoué.');
    }
  }

  function show(territoires) {
    list.innerHTML = '';
    if (!territoires.length) {
      list.appendChild(Object.assign(document.createElement('li'), { textContent: 'Aucun territoire trouvé parmi les communes chargées' }));
    }
    territoires.forEach((t) => {
      const li = document.createElement('li');
      li.tabIndex = 0;
      li.setAttribute('role', 'option');
      li.dataset.code = t.code;
      li.dataset.type = t.type;
      li.append(document.createTextNode(`${t.nom} (${t.code})`),
        Object.assign(document.createElement('small'), {
          textContent: ` — ${t.libelle}${t.type !== 'commune' ? `, ${C.formatNumber(t.nbCommunes)} communes` : ''} · ${C.formatNumber(t.population || 0)} hab.`
        }));
      const go = () => { list.hidden = true; input.value = t.nom; C.setTerritoire(t); };
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
