/* Candidate sites review (funders only: a restricted layer, and the panel says so when it is
   hidden): sortable table, zoom to a site, exports (table CSV, layer GeoJSON / GeoPackage through
   WFS) and the printable one-page site sheet. */
(function (C) {
  'use strict';

  const tbody = document.querySelector('#table-sites tbody');
  const status = document.getElementById('sites-etat');
  let rows = [];
  let sortKey = 'rang';
  let sortAsc = true;
  let loads = 0;

  const COLUMNS = [
    { key: 'rang', title: 'Rang', csv: 'rang', value: (r) => r.rang },
    { key: 'commune', title: 'Commune', csv: 'commune', value: (r) => `${r.nom_commune} (${r.code_commune})`, sort: (r) => r.nom_commune },
    { key: 'demande_couverte', title: 'Demande couverte (télétravailleurs)', csv: 'demande_couverte_teletravailleurs', value: (r) => r.demande_couverte, number: 0 },
    { key: 'km_evites_an', title: 'Km évités par an', csv: 'km_evites_an', value: (r) => r.km_evites_an, number: 0 },
    { key: 'co2_t_an', title: 'CO₂ évité par an (t CO₂e)', csv: 'co2_evite_t_an', value: (r) => r.kg_co2e_an / 1000, number: 1 },
    { key: 'taux_thd', title: 'Fibre (FttH, %)', csv: 'fibre_ftth_pct', value: (r) => r.taux_thd * 100, number: 0 },
    { key: 'fragilites', title: 'Fragilités', csv: 'fragilites', value: (r) => r.fragilites.join(', ') || 'aucune' }
  ];

  function hostCommunesFilter() {
    return '<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0"><fes:PropertyIsEqualTo><fes:ValueReference>site_retenu</fes:ValueReference>'
      + '<fes:Literal>true</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>';
  }

  /** Loads the sites of the current scenario with the host communes' fragility flags. */
  C.loadSites = async function () {
    const scenario = C.scenario();
    const load = ++loads;
    emptyTable();
    delete document.body.dataset.sites;
    // The layer is restricted: absent from the capabilities, it is not readable by this caller.
    if (!C.findLayer('sites_candidats')) {
      status.textContent = C.session.login
        ? `Les sites candidats sont réservés aux financeurs : le compte « ${C.session.login} » n'y a pas accès, connectez-vous avec un compte financeur.`
        : 'Les sites candidats sont réservés aux financeurs : connectez-vous avec un compte financeur pour les consulter.';
      updateExportLinks(false);
      document.body.dataset.sites = 'reserves';
      return;
    }
    status.textContent = 'Chargement des sites…';
    try {
      const [sites, hosts] = await Promise.all([
        C.requestJson(C.wfsUrl({ TYPENAMES: 'carence:sites_candidats', SRSNAME: 'EPSG:2154', OUTPUTFORMAT: 'application/json', SCENARIO: scenario, SORTBY: 'rang' }), 'Sites candidats'),
        C.requestJson(C.wfsUrl({ TYPENAMES: 'carence:indicateurs_communes', OUTPUTFORMAT: 'application/json', SCENARIO: scenario, FILTER: hostCommunesFilter(),
          PROPERTYNAME: 'code,rural,montagne,massif,qpv,outre_mer,carence,population' }), 'Fragilité des communes des sites')
      ]);
      if (load !== loads) return; // scenario or identity changed meanwhile: a newer load shows its own
      const byCode = new Map(hosts.features.map((f) => [f.properties.code, f.properties]));
      rows = C.geojson.readFeatures(sites).map((f) => {
        const r = Object.assign({}, f.getProperties());
        delete r.geometry;
        const host = byCode.get(r.code_commune) || {};
        r.fragilites = C.FRAGILITY_FLAGS.filter((k) => host[k]).map((k) => (k === 'montagne' && host.massif ? `Montagne (${host.massif})` : C.FRAGILITY_SHORT[k]));
        r.hote = host;
        r.feature = f;
        return r;
      });
      status.textContent = rows.length
        ? `${rows.length} sites retenus pour le scénario « ${scenario} ». Cliquez un en-tête pour trier.`
        : `Aucun site retenu pour le scénario « ${scenario} ».`;
      render();
      updateExportLinks(true);
      document.body.dataset.sites = String(rows.length);
    } catch (e) {
      if (load !== loads) return;
      status.textContent = 'Sites indisponibles.';
      C.report(e, 'Les sites candidats sont illisibles.');
    }
  };

  function sortValue(r, col) { return col.sort ? col.sort(r) : col.value(r); }

  function sorted() {
    const col = COLUMNS.find((c) => c.key === sortKey);
    return rows.slice().sort((a, b) => {
      const x = sortValue(a, col);
      const y = sortValue(b, col);
      const cmp = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'fr');
      return sortAsc ? cmp : -cmp;
    });
  }

  function render() {
    document.querySelectorAll('#table-sites th[data-cle]').forEach((th) => {
      th.setAttribute('aria-sort', th.dataset.cle === sortKey ? (sortAsc ? 'ascending' : 'descending') : 'none');
    });
    tbody.innerHTML = '';
    sorted().forEach((r) => {
      const tr = tbody.insertRow();
      tr.dataset.code = r.code_commune;
      COLUMNS.forEach((col) => {
        const td = tr.insertCell();
        const v = col.value(r);
        td.textContent = col.number !== undefined ? C.formatNumber(v, col.number) : v;
        if (col.number !== undefined || col.key === 'rang') td.className = 'nombre';
      });
      const actions = tr.insertCell();
      actions.className = 'actions';
      const zoom = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Zoomer', className: 'zoomer' });
      zoom.addEventListener('click', () => zoomToSite(r));
      const sheet = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Fiche', className: 'fiche' });
      sheet.addEventListener('click', () => C.openSiteSheet(r));
      actions.append(zoom, sheet);
    });
  }

  function zoomToSite(r) {
    C.highlight.clear();
    C.highlight.addFeature(r.feature);
    C.view.fit(ol.extent.buffer(r.feature.getGeometry().getExtent(), 15000), { padding: [30, 30, 30, 30] });
    C.showInfo([Object.assign(document.createElement('h3'), { textContent: `Site n° ${r.rang} — ${r.nom_commune}` }), C.attributeTable(withoutGeometry(r.feature))]);
  }
  function withoutGeometry(f) { const p = Object.assign({}, f.getProperties()); delete p.geometry; return p; }

  document.querySelectorAll('#table-sites th[data-cle]').forEach((th) => {
    th.tabIndex = 0;
    const toggle = () => {
      if (sortKey === th.dataset.cle) sortAsc = !sortAsc; else { sortKey = th.dataset.cle; sortAsc = th.dataset.cle === 'rang' || th.dataset.cle === 'commune'; }
      render();
    };
    th.addEventListener('click', toggle);
    th.addEventListener('keydown', (e) => { if (e.key === 'Enter') toggle(); });
  });

  // ----- Exports -----
  function csvCell(v) {
    const s = typeof v === 'number' ? String(Math.round(v * 100) / 100) : String(v);
    return /[";\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }
  /** The table as shown (current order) in CSV: semicolons and a BOM so that French spreadsheets open it. */
  C.sitesCsv = function () {
    const header = ['rang', 'code_commune', 'nom_commune', ...COLUMNS.slice(2).map((c) => c.csv)];
    const lines = sorted().map((r) => [r.rang, r.code_commune, r.nom_commune, ...COLUMNS.slice(2).map((c) => c.value(r))].map(csvCell).join(';'));
    return '\ufeff' + [header.join(';'), ...lines].join('\r\n') + '\r\n';
  };

  function download(blob, name) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  C.download = download;

  document.getElementById('export-csv').addEventListener('click', () => {
    if (!rows.length) { C.showError('Aucun site à exporter pour ce scénario.'); return; }
    download(new Blob([C.sitesCsv()], { type: 'text/csv;charset=utf-8' }), `sites-candidats-${C.scenario()}.csv`);
  });

  function updateExportLinks(readable) {
    ['export-csv', 'export-geojson', 'export-gpkg'].forEach((id) => { document.getElementById(id).hidden = !readable; });
    if (!readable) return;
    const scenario = C.scenario();
    const base = { TYPENAMES: 'carence:sites_candidats', SCENARIO: scenario, SORTBY: 'rang' };
    const geojson = document.getElementById('export-geojson');
    geojson.href = C.wfsUrl(Object.assign({ OUTPUTFORMAT: 'application/json', SRSNAME: 'EPSG:4326' }, base));
    geojson.download = `sites-candidats-${scenario}.geojson`;
    const gpkg = document.getElementById('export-gpkg');
    gpkg.href = C.wfsUrl(Object.assign({ OUTPUTFORMAT: 'application/geopackage+sqlite3', SRSNAME: 'EPSG:2154' }, base));
    gpkg.download = `sites-candidats-${scenario}.gpkg`;
  }

  document.getElementById('ouvrir-sites').addEventListener('click', () => {
    const drawer = document.getElementById('panneau-sites');
    drawer.hidden = !drawer.hidden;
    document.getElementById('ouvrir-sites').setAttribute('aria-expanded', String(!drawer.hidden));
    if (!drawer.hidden && !rows.length) C.loadSites();
    setTimeout(() => C.map.updateSize(), 0);
  });
  function emptyTable() {
    rows = [];
    tbody.innerHTML = '';
  }
  // A closed panel keeps nothing: it reloads when opened (for the scenario and identity of then).
  const reload = () => { if (!document.getElementById('panneau-sites').hidden) C.loadSites(); else { loads++; emptyTable(); } };
  document.addEventListener('carence:scenario', reload);
  // Login / logout: the layer list was just rebuilt and may have gained or lost the sites.
  document.addEventListener('carence:couches', reload);
}(window.Carence = window.Carence || {}));
