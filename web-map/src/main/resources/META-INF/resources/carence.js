/* Carence web map: reads only Carence's public endpoints (WMS capabilities, GetMap,
   GetFeatureInfo, GetLegendGraphic, WFS GetFeature, /api/scenarios). */
(function () {
  'use strict';

  // Lambert-93 and WGS 84 definitions for proj4 (the view is in Lambert-93, the users' CRS).
  proj4.defs('EPSG:2154', '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs');
  ol.proj.proj4.register(proj4);
  const L93 = ol.proj.get('EPSG:2154');
  L93.setExtent([-378305.81, 6093283.21, 1212610.74, 7186901.68]);

  const WMS_URL = 'wms';
  const WFS_URL = 'wfs';
  const RESULT_GROUP = 'Résultats';

  // Human labels (and units) for the attributes shown in the information panel.
  const LIBELLES = {
    code: ['Code INSEE'], nom: ['Nom'], dep: ['Département'], reg: ['Région'], epci: ['EPCI (SIREN)'],
    population: ['Population', 'hab.'], superficie_km2: ['Superficie', 'km²'],
    flux: ['Navetteurs', 'pers.'], demande: ['Demande potentielle de télétravail', 'pers.'],
    taux_thd: ['Couverture FttH', '%', 100], taux_ftth: ['Couverture FttH', '%', 100],
    score_carence: ['Score de carence'], en_carence: ['En carence'], poids_fragilite: ['Poids de fragilité'],
    rang: ['Rang'], massif: ['Massif'], capacite: ['Capacité', 'postes'], adresse: ['Adresse'], type: ['Type']
  };

  const messageBox = document.getElementById('message');
  function showError(text) {
    messageBox.textContent = text;
    messageBox.hidden = false;
    clearTimeout(showError.timer);
    showError.timer = setTimeout(() => { messageBox.hidden = true; }, 8000);
  }

  const view = new ol.View({ projection: L93, center: [600000, 6250000], zoom: 6, maxZoom: 18 });
  const map = new ol.Map({
    target: 'carte', view,
    controls: ol.control.defaults.defaults().extend([new ol.control.ScaleLine({ units: 'metric' })])
  });

  // Coordinates under the pointer, in Lambert-93 and WGS 84.
  const fmt = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
  map.on('pointermove', (e) => {
    const [x, y] = e.coordinate;
    const [lon, lat] = ol.proj.toLonLat(e.coordinate, L93);
    document.getElementById('coord-l93').textContent = `Lambert-93 : ${fmt.format(x)} m E, ${fmt.format(y)} m N`;
    document.getElementById('coord-wgs84').textContent = `WGS 84 : ${lat.toFixed(5)}° N, ${lon.toFixed(5)}° E`;
  });

  const scenarioSelect = document.getElementById('scenario');
  const wmsLayers = [];

  function createWmsLayer(capLayer, isResult) {
    const params = { LAYERS: capLayer.Name, STYLES: '', VERSION: '1.3.0', TRANSPARENT: true };
    if (isResult) params.SCENARIO = scenarioSelect.value;
    const source = new ol.source.ImageWMS({ url: WMS_URL, params, ratio: 1, serverType: undefined });
    source.on('imageloaderror', () => showError(`La couche « ${capLayer.Title} » n'a pas pu être affichée (service indisponible ou erreur du serveur).`));
    const layer = new ol.layer.Image({ source, visible: false, opacity: 0.85 });
    layer.set('cap', capLayer);
    layer.set('isResult', isResult);
    return layer;
  }

  function legendUrl(capLayer) {
    const style = (capLayer.Style || [])[0];
    const legend = style && style.LegendURL && style.LegendURL[0];
    return legend ? legend.OnlineResource : null;
  }

  const DEFAULT_VISIBLE = ['regions', 'departements', 'communes', 'lieux_existants', 'zones_carence', 'sites_candidats'];

  function buildLayerTree(caps) {
    const tree = document.getElementById('arbre-couches');
    tree.innerHTML = '';
    const root = caps.Capability.Layer;
    const groups = (root.Layer || []).some((l) => l.Layer) ? root.Layer : [{ Title: 'Couches', Layer: root.Layer || [] }];
    groups.forEach((group) => {
      const isResult = group.Title === RESULT_GROUP || group.Name === 'resultats';
      const h3 = document.createElement('h3');
      h3.textContent = group.Title;
      tree.appendChild(h3);
      (group.Layer || [group]).forEach((capLayer) => {
        const layer = createWmsLayer(capLayer, isResult);
        const shortName = capLayer.Name.replace(/^.*:/, '');
        layer.setVisible(DEFAULT_VISIBLE.includes(shortName));
        wmsLayers.push(layer);
        tree.appendChild(layerControl(layer, capLayer));
      });
    });
    // Inputs below results: insert results last so they draw on top.
    wmsLayers.slice().sort((a, b) => a.get('isResult') - b.get('isResult')).forEach((l) => map.addLayer(l));
  }

  function layerControl(layer, capLayer) {
    const div = document.createElement('div');
    div.className = 'couche';
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = layer.getVisible();
    box.addEventListener('change', () => layer.setVisible(box.checked));
    label.append(box, document.createTextNode(capLayer.Title || capLayer.Name));
    label.title = capLayer.Abstract || '';
    const opacity = document.createElement('input');
    opacity.type = 'range'; opacity.min = 0; opacity.max = 1; opacity.step = 0.05; opacity.value = layer.getOpacity();
    opacity.setAttribute('aria-label', `Opacité de ${capLayer.Title}`);
    opacity.addEventListener('input', () => layer.setOpacity(Number(opacity.value)));
    div.append(label, opacity);
    const url = legendUrl(capLayer);
    if (url) {
      const img = document.createElement('img');
      img.className = 'legende'; img.alt = `Légende de ${capLayer.Title}`; img.src = url;
      div.appendChild(img);
    }
    return div;
  }

  function loadCapabilities() {
    return fetch(`${WMS_URL}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities`)
      .then((r) => { if (!r.ok) throw new Error(r.status); return r.text(); })
      .then((text) => {
        const caps = new ol.format.WMSCapabilities().read(text);
        buildLayerTree(caps);
        // Fit to the loaded communes (the sample or the national set), not to the root
        // extent, which spans the overseas départements too.
        const communes = wmsLayers.map((l) => l.get('cap')).find((c) => /(^|:)communes$/.test(c.Name));
        const bbox = (communes && communes.EX_GeographicBoundingBox) || caps.Capability.Layer.EX_GeographicBoundingBox;
        if (bbox) view.fit(ol.proj.transformExtent(bbox, 'EPSG:4326', L93), { padding: [20, 20, 20, 20] });
      })
      .catch(() => {
        document.getElementById('arbre-couches').innerHTML = '<p class="info">Les couches ne sont pas disponibles.</p>';
        showError('Le service cartographique (WMS) ne répond pas. Réessayez dans un instant.');
      });
  }

  function loadScenarios() {
    fetch('api/scenarios').then((r) => (r.ok ? r.json() : [])).then((list) => {
      const items = Array.isArray(list) ? list : (list.scenarios || []);
      if (!items.length) return;
      scenarioSelect.innerHTML = '';
      items.forEach((s) => {
        const opt = document.createElement('option');
        opt.value = s.id; opt.textContent = s.nom ? `${s.nom} (${s.id})` : s.id;
        scenarioSelect.appendChild(opt);
      });
      scenarioSelect.value = items.some((s) => s.id === 'defaut') ? 'defaut' : items[0].id;
    }).catch(() => { /* the scenario list is optional for reading the map */ });
  }
  scenarioSelect.addEventListener('change', () => {
    wmsLayers.filter((l) => l.get('isResult')).forEach((l) => l.getSource().updateParams({ SCENARIO: scenarioSelect.value }));
  });

  // Click: GetFeatureInfo on the visible layers, top-most first.
  const infoPanel = document.getElementById('panneau-info');
  const infoContent = document.getElementById('contenu-info');
  document.getElementById('fermer-info').addEventListener('click', () => { infoPanel.hidden = true; });

  function formatValue(key, value) {
    if (value === null || value === undefined || value === '') return '–';
    const spec = LIBELLES[key];
    if (typeof value === 'boolean') return value ? 'oui' : 'non';
    if (typeof value === 'number') {
      const scaled = spec && spec[2] ? value * spec[2] : value;
      const text = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(scaled);
      return spec && spec[1] ? `${text} ${spec[1]}` : text;
    }
    return String(value);
  }

  function renderFeatures(title, features) {
    const section = document.createElement('section');
    features.forEach((f) => {
      const h3 = document.createElement('h3');
      h3.textContent = `${title} — ${f.properties.nom || f.id || ''}`;
      const table = document.createElement('table');
      Object.entries(f.properties).forEach(([k, v]) => {
        const tr = table.insertRow();
        const th = document.createElement('th');
        th.textContent = (LIBELLES[k] || [k])[0];
        const td = tr.insertCell();
        tr.prepend(th);
        td.textContent = formatValue(k, v);
      });
      section.append(h3, table);
    });
    return section;
  }

  map.on('singleclick', (e) => {
    const res = view.getResolution();
    const visible = wmsLayers.filter((l) => l.getVisible() && l.get('cap').queryable !== false).reverse();
    const requests = visible.map((l) => {
      const url = l.getSource().getFeatureInfoUrl(e.coordinate, res, L93, { INFO_FORMAT: 'application/json', FEATURE_COUNT: 3 });
      return fetch(url).then((r) => (r.ok ? r.json() : null)).then((json) => ({ layer: l, json })).catch(() => ({ layer: l, json: null }));
    });
    Promise.all(requests).then((answers) => {
      infoContent.innerHTML = '';
      let found = 0;
      answers.forEach(({ layer, json }) => {
        if (json && json.features && json.features.length) {
          found += json.features.length;
          infoContent.appendChild(renderFeatures(layer.get('cap').Title, json.features));
        }
      });
      if (!found) infoContent.innerHTML = '<p class="info">Aucun objet à cet endroit sur les couches affichées.</p>';
      infoPanel.hidden = false;
    });
  });

  // Commune search through WFS (name contains the text, or exact INSEE code).
  const searchInput = document.getElementById('recherche-texte');
  const searchList = document.getElementById('recherche-resultats');
  function escapeXml(s) { return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' }[c])); }
  function searchFilter(text) {
    const isCode = /^[0-9][0-9AB][0-9]{3}$/i.test(text);
    const inner = isCode
      ? `<fes:PropertyIsEqualTo><fes:ValueReference>code</fes:ValueReference><fes:Literal>${escapeXml(text.toUpperCase())}</fes:Literal></fes:PropertyIsEqualTo>`
      : `<fes:PropertyIsLike wildCard="*" singleChar="?" escapeChar="\\" matchCase="false"><fes:ValueReference>nom</fes:ValueReference><fes:Literal>*${escapeXml(text.replace(/[*?\\]/g, '\\$&'))}*</fes:Literal></fes:PropertyIsLike>`;
    return `<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0">${inner}</fes:Filter>`;
  }
  let searchTimer;
  searchInput.addEventListener('input', () => {
    clearTimeout(searchTimer);
    const text = searchInput.value.trim();
    if (text.length < 2) { searchList.hidden = true; return; }
    searchTimer = setTimeout(() => {
      const params = new URLSearchParams({
        SERVICE: 'WFS', VERSION: '2.0.0', REQUEST: 'GetFeature', TYPENAMES: 'carence:communes',
        COUNT: '10', SRSNAME: 'EPSG:2154', OUTPUTFORMAT: 'application/json', SORTBY: 'population DESC',
        FILTER: searchFilter(text)
      });
      fetch(`${WFS_URL}?${params}`).then((r) => { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then((fc) => showResults(new ol.format.GeoJSON().readFeatures(fc, { dataProjection: L93, featureProjection: L93 })))
        .catch(() => showError('La recherche de commune a échoué (service WFS indisponible).'));
    }, 250);
  });
  function showResults(features) {
    searchList.innerHTML = '';
    if (!features.length) {
      const li = document.createElement('li'); li.textContent = 'Aucune commune trouvée'; searchList.appendChild(li);
    }
    features.forEach((f) => {
      const li = document.createElement('li');
      li.tabIndex = 0;
      li.textContent = `${f.get('nom')} (${f.get('code')})`;
      const go = () => { view.fit(f.getGeometry().getExtent(), { padding: [40, 40, 40, 40], maxZoom: 13 }); searchList.hidden = true; };
      li.addEventListener('click', go);
      li.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') go(); });
      searchList.appendChild(li);
    });
    searchList.hidden = false;
  }
  document.getElementById('recherche').addEventListener('submit', (e) => e.preventDefault());

  loadScenarios();
  loadCapabilities();
}());
