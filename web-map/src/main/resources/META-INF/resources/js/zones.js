/* Zones de carence of the scenario shown: a sortable table (rank, place name, communes named,
   demand, score, modelled flows, robustness), filtered by the territory chosen in the search
   (GET /api/scenarios/{id}/zones?territoire=type:code), exported as CSV for French Excel, with
   each zone's dossier de carence (PDF, GeoPackage) built by the server. The same dossier links
   appear in the information panel when a zone is clicked on the map. */
(function (C) {
  'use strict';

  const table = document.getElementById('table-zones');
  const tbody = table.querySelector('tbody');
  const status = document.getElementById('zones-etat');
  let loads = 0;
  let rows = [];
  let sortKey = 'rang';
  let ascending = true;

  const NAMES_SHOWN = 6;
  // Zoning units in words (the layer's unite column holds short codes).
  const UNITS = { grappe: 'communes contiguës', epci: 'intercommunalité', departement: 'département', commune: 'commune' };
  /** "Rodez, Onet-le-Château, … et 4 autres": a zone's communes by name, most populous first. */
  function communesText(z, max = NAMES_SHOWN) {
    const names = z.communes.map((c) => c.nom);
    return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} et ${names.length - max} autres`;
  }
  /** A zone's communes named (information panel of a clicked zone): from the table, else from the API. */
  let cache = { scenario: null, zones: null };
  C.zoneCommunesText = async function (zoneId) {
    let z = rows.find((r) => r.id === zoneId);
    if (!z) {
      if (cache.scenario !== C.scenario()) {
        cache = { scenario: C.scenario(), zones: await C.requestJson(`api/scenarios/${encodeURIComponent(C.scenario())}/zones`, 'Communes de la zone') };
      }
      z = cache.zones.find((r) => r.id === zoneId);
    }
    return z ? communesText(z, 30) : null;
  };

  // One declaration per column: header, CSV name, value (shown, sorted and exported).
  const COLUMNS = [
    { key: 'rang', csv: 'rang', value: (z) => z.rang },
    { key: 'nom', csv: 'zone', value: (z) => z.nom },
    { key: 'communes', csv: 'communes', value: (z) => z.communes.map((c) => c.nom).join(', '), sort: (z) => z.nbCommunes },
    { key: 'demande', csv: 'demande_teletravailleurs', value: (z) => z.demande, number: 0 },
    { key: 'score', csv: 'score_carence', value: (z) => z.score, number: 1 },
    { key: 'flux', csv: 'communes_flux_modelises', value: (z) => z.nbFluxModelises, sort: (z) => (z.nbFluxModelises || 0) / (z.nbCommunes || 1) },
    { key: 'robustesse', csv: 'robustesse', value: (z) => z.classeRobustesse || '' }
  ];

  /** Links to a zone's dossier (PDF and GeoPackage) for the scenario shown. */
  C.dossierLinks = function (zoneId, compact = false) {
    const scenario = C.scenario();
    const zone = String(zoneId).startsWith(scenario + ':') ? String(zoneId).slice(scenario.length + 1) : String(zoneId);
    const base = `api/scenarios/${encodeURIComponent(scenario)}/zones/${encodeURIComponent(zone)}/dossier`;
    const p = document.createElement('p');
    p.className = 'dossier-liens';
    p.append(
      Object.assign(document.createElement('a'), { className: 'bouton dossier-pdf', href: `${base}.pdf`, textContent: compact ? 'Dossier PDF' : 'Dossier de carence (PDF)', title: 'Dossier de carence de la zone (PDF)', target: '_blank', rel: 'noopener' }),
      Object.assign(document.createElement('a'), { className: 'bouton secondaire dossier-gpkg', href: `${base}.gpkg`, textContent: compact ? 'QGIS' : 'Dossier pour QGIS (GeoPackage)', title: 'Dossier de la zone pour QGIS (GeoPackage)' }));
    return p;
  };

  function sorted() {
    const col = COLUMNS.find((c) => c.key === sortKey) || COLUMNS[0];
    const key = col.sort || col.value;
    return rows.slice().sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const cmp = typeof x === 'number' && typeof y === 'number' ? x - y : String(x ?? '').localeCompare(String(y ?? ''), 'fr');
      return ascending ? cmp : -cmp;
    });
  }

  function render() {
    tbody.innerHTML = '';
    table.querySelectorAll('th[data-cle]').forEach((th) => {
      th.setAttribute('aria-sort', th.dataset.cle === sortKey ? (ascending ? 'ascending' : 'descending') : 'none');
    });
    sorted().forEach((z) => {
      const tr = tbody.insertRow();
      tr.dataset.zone = z.id;
      tr.insertCell().textContent = z.rang;
      const name = tr.insertCell();
      const button = Object.assign(document.createElement('button'), { type: 'button', className: 'lien zoomer-zone', textContent: z.nom, title: 'Cliquez pour zoomer sur la zone' });
      button.addEventListener('click', () => zoomToZone(z));
      name.append(button,
        Object.assign(document.createElement('small'), { className: 'communes-zone', textContent: `${z.nbCommunes} commune${z.nbCommunes > 1 ? 's' : ''} : ${communesText(z)}` }),
        Object.assign(document.createElement('small'), { textContent: `Unité : ${UNITS[z.unite] || z.unite}${z.classeRobustesse ? ` · robustesse : ${z.classeRobustesse}` : ''}` }),
        C.dossierLinks(z.id, true));
      const num = (v, digits) => { const td = tr.insertCell(); td.className = 'nombre'; td.textContent = v == null ? '–' : C.formatNumber(v, digits); };
      num(z.demande, 0);
      num(z.score, 1);
      const flux = tr.insertCell();
      flux.className = 'nombre';
      flux.textContent = z.nbFluxModelises == null ? '–' : `${z.nbFluxModelises} / ${z.nbCommunes}`;
      flux.title = 'Communes de la zone dont les flux domicile-travail sont modélisés (modèle de radiation), pas observés';
    });
  }

  table.querySelectorAll('th[data-cle]').forEach((th) => {
    th.tabIndex = 0;
    const sort = () => {
      if (sortKey === th.dataset.cle) ascending = !ascending; else { sortKey = th.dataset.cle; ascending = th.dataset.cle === 'rang' || th.dataset.cle === 'nom'; }
      render();
    };
    th.addEventListener('click', sort);
    th.addEventListener('keydown', (e) => { if (e.key === 'Enter') sort(); });
  });

  /** The table as sorted, in CSV for French Excel (semicolons, decimal comma, UTF-8 with BOM). */
  C.zonesCsv = function () {
    const header = ['rang', 'zone', 'unite_de_zonage', 'nb_communes', 'communes', 'codes_communes', 'population', 'demande_teletravailleurs',
      'score_carence', 'communes_flux_modelises', 'robustesse'];
    return C.csvText(header, sorted().map((z) => [z.rang, z.nom, UNITS[z.unite] || z.unite, z.nbCommunes, z.communes.map((c) => c.nom).join(', '),
      z.communes.map((c) => c.code).join(' '), z.population, z.demande, z.score, z.nbFluxModelises, z.classeRobustesse || '']));
  };

  document.getElementById('export-zones').addEventListener('click', () => {
    if (!rows.length) { C.showError('Aucune zone à exporter pour ce scénario et ce territoire.'); return; }
    const where = C.territoire ? `_${C.territoire.type}-${C.territoire.code}` : '';
    C.download(new Blob([C.zonesCsv()], { type: 'text/csv;charset=utf-8' }), `zones-carence_${C.scenario()}${where}.csv`);
  });

  C.loadZones = async function () {
    const scenario = C.scenario();
    const load = ++loads;
    rows = [];
    tbody.innerHTML = '';
    status.textContent = 'Chargement des zones…';
    delete document.body.dataset.zones;
    const key = C.territoireKey();
    const query = key ? `?${new URLSearchParams({ territoire: key })}` : '';
    try {
      const zones = await C.requestJson(`api/scenarios/${encodeURIComponent(scenario)}/zones${query}`, 'Zones de carence');
      if (load !== loads) return;
      const where = C.territoire ? ` touchant ${C.territoireText(C.territoire)}` : '';
      status.textContent = zones.length
        ? `${zones.length} zone${zones.length > 1 ? 's' : ''} de carence${where} dans le scénario « ${scenario} ». Cliquez sur un en-tête pour trier, sur un nom pour zoomer.`
        : `Aucune zone de carence${where} dans le scénario « ${scenario} ».`;
      rows = zones;
      render();
      document.body.dataset.zones = String(zones.length);
    } catch (e) {
      if (load !== loads) return;
      status.textContent = 'Zones indisponibles (le scénario est peut-être encore en calcul).';
      C.report(e, 'La liste des zones de carence est illisible.');
    }
  };

  async function zoomToZone(z) {
    const filter = '<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0"><fes:PropertyIsEqualTo><fes:ValueReference>id</fes:ValueReference>'
      + `<fes:Literal>${C.escapeXml(z.id)}</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>`;
    const url = C.wfsUrl({ TYPENAMES: 'carence:zones_carence', SRSNAME: 'EPSG:2154', OUTPUTFORMAT: 'application/json', SCENARIO: C.scenario(), FILTER: filter });
    try {
      const features = C.geojson.readFeatures(await C.requestJson(url, 'Zone de carence'));
      if (!features.length) return;
      C.highlight.clear();
      C.highlight.addFeature(features[0]);
      C.view.fit(ol.extent.buffer(features[0].getGeometry().getExtent(), 5000), { padding: [30, 30, 30, 30] });
    } catch (e) {
      C.report(e, 'La zone n\'a pas pu être affichée.');
    }
  }

  const zonesShown = () => !document.getElementById('panneau-zones').hidden;
  document.getElementById('onglet-zones').addEventListener('click', () => C.loadZones());
  const reload = () => { if (zonesShown()) C.loadZones(); else { loads++; rows = []; tbody.innerHTML = ''; } };
  document.addEventListener('carence:scenario', reload);
  document.addEventListener('carence:territoire', reload);
}(window.Carence = window.Carence || {}));
