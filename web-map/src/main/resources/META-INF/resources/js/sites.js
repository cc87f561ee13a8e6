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
    { key: 'desservies', title: 'Communes desservies', csv: 'communes_desservies', value: (r) => servedText(r), sort: (r) => r.desservies.length },
    { key: 'fragilites', title: 'Fragilités des communes desservies', csv: 'fragilites_communes_desservies', value: (r) => r.fragilites.join(', ') || 'aucune' },
    { key: 'robustesse', title: 'Robustesse', csv: 'scenarios_avec_site_proche', value: (r) => r.robustesse.texte, sort: (r) => r.robustesse.part }
  ];

  /**
   * In how many saved (finished) scenarios this site, or another chosen site within the current
   * scenario's catchment (straight line: minutes × speed ÷ detour factor), is chosen.
   */
  function robustness(site, all, scenarioIds, radiusM) {
    const [x, y] = site.feature.getGeometry().getCoordinates();
    const hit = new Set(all.filter((f) => {
      const [a, b] = f.getGeometry().getCoordinates();
      return Math.hypot(a - x, b - y) <= radiusM;
    }).map((f) => f.get('scenario')));
    const n = scenarioIds.filter((id) => hit.has(id)).length;
    return { part: n / scenarioIds.length, texte: `${n} scénario${n > 1 ? 's' : ''} sur ${scenarioIds.length}` };
  }

  /** "Why here": the carence communes the site serves, named, with their demand and fragility. */
  function servedText(r) {
    return r.desservies.map((c) => `${c.nom} (${C.formatNumber(c.demande, 0)} télétravailleurs potentiels${c.fragilites.length ? ', ' + c.fragilites.join(', ') : ''})`).join(' ; ') || 'aucune';
  }
  function fragilitiesOf(c) {
    return C.FRAGILITY_FLAGS.filter((k) => c[k]).map((k) => (k === 'montagne' && c.massif ? `Montagne (${c.massif})` : C.FRAGILITY_SHORT[k]));
  }

  /** The communes served by a chosen site (site_desservant set). */
  function servedCommunesFilter() {
    return '<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0"><fes:Not><fes:PropertyIsNull><fes:ValueReference>site_desservant</fes:ValueReference>'
      + '</fes:PropertyIsNull></fes:Not></fes:Filter>';
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
      const saved = (C.scenarioList ? C.scenarioList() : []).filter((s) => s.statut === 'termine').map((s) => s.id);
      const everyScenario = '<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0"><fes:Not><fes:PropertyIsNull><fes:ValueReference>scenario</fes:ValueReference>'
        + '</fes:PropertyIsNull></fes:Not></fes:Filter>';
      const [sites, served, allSites] = await Promise.all([
        C.requestJson(C.wfsUrl({ TYPENAMES: 'carence:sites_candidats', SRSNAME: 'EPSG:2154', OUTPUTFORMAT: 'application/json', SCENARIO: scenario, SORTBY: 'rang' }), 'Sites candidats'),
        C.requestJson(C.wfsUrl({ TYPENAMES: 'carence:indicateurs_communes', OUTPUTFORMAT: 'application/json', SCENARIO: scenario, FILTER: servedCommunesFilter(),
          PROPERTYNAME: 'code,nom,demande,rural,montagne,massif,qpv,outre_mer,site_desservant' }), 'Communes desservies par les sites'),
        // The chosen sites of every saved scenario (a filter on the scenario column selects them all).
        C.requestJson(C.wfsUrl({ TYPENAMES: 'carence:sites_candidats', SRSNAME: 'EPSG:2154', OUTPUTFORMAT: 'application/json', FILTER: everyScenario,
          PROPERTYNAME: 'scenario,geom' }), 'Sites des scénarios enregistrés')
      ]);
      const params = (C.scenarioRecord(scenario) || {}).parametres || {};
      const radiusM = ((params.bassin_minutes || 30) / 60) * (params.vitesse_kmh || 60) / (params.facteur_detour || 1.3) * 1000;
      const others = C.geojson.readFeatures(allSites);
      const ids = saved.includes(scenario) ? saved : [scenario, ...saved];
      if (load !== loads) return; // scenario or identity changed meanwhile: a newer load shows its own
      const bySite = new Map();
      served.features.forEach((f) => {
        const c = Object.assign({}, f.properties, { fragilites: fragilitiesOf(f.properties) });
        if (!bySite.has(c.site_desservant)) bySite.set(c.site_desservant, []);
        bySite.get(c.site_desservant).push(c);
      });
      rows = C.geojson.readFeatures(sites).map((f) => {
        const r = Object.assign({}, f.getProperties());
        delete r.geometry;
        r.desservies = (bySite.get(r.id) || []).sort((a, b) => b.demande - a.demande);
        // The fragility of the communes served (not of the host commune): why the site is there.
        r.fragilites = [...new Set(r.desservies.flatMap((c) => c.fragilites))];
        r.feature = f;
        r.robustesse = robustness(r, others, ids, radiusM);
        return r;
      });
      status.textContent = rows.length
        ? `${rows.length} sites retenus pour le scénario « ${scenario} ». Cliquez sur un en-tête pour trier, cochez 2 à 4 sites pour les comparer.`
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
      const pick = Object.assign(document.createElement('input'), { type: 'checkbox', className: 'comparer-site', checked: chosen.has(r.id) });
      pick.setAttribute('aria-label', `Comparer le site n° ${r.rang} — ${r.nom_commune}`);
      pick.addEventListener('change', () => { if (pick.checked) chosen.add(r.id); else chosen.delete(r.id); updateCompare(); });
      tr.insertCell().appendChild(pick);
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

  // ----- Comparison of 2 to 4 sites -----
  const chosen = new Set();
  const compareButton = document.getElementById('comparer-sites');
  const comparison = document.getElementById('comparaison-sites');
  function updateCompare() {
    compareButton.disabled = chosen.size < 2 || chosen.size > 4;
    compareButton.textContent = `Comparer (${chosen.size})`;
  }
  const COMPARED = [
    ['Commune d\'implantation', (r) => `${r.nom_commune} (${r.code_commune})`],
    ['Demande couverte', (r) => `${C.formatNumber(r.demande_couverte)} télétravailleurs potentiels`],
    ['Communes en carence desservies', (r) => C.formatNumber(r.communes_couvertes)],
    ['Communes desservies (demande, fragilités)', servedText],
    ['Km évités par an', (r) => `${C.formatNumber(r.km_evites_an)} km`],
    ['CO₂ évité par an', (r) => `${C.formatNumber(r.kg_co2e_an / 1000, 1)} t CO₂e`],
    ['Heures de trajet gagnées par an', (r) => `${C.formatNumber(r.heures_gagnees_an)} h`],
    ['Fibre dans la commune d\'implantation', (r) => `${C.formatNumber(r.taux_thd * 100)} % des locaux`],
    ['Flux domicile-travail', (r) => (r.flux_modelise ? 'au moins en partie modélisés' : 'observés (INSEE)')],
    ['Choisi (lui ou un site à portée) dans', (r) => r.robustesse.texte]
  ];
  compareButton.addEventListener('click', () => {
    const picked = rows.filter((r) => chosen.has(r.id)).sort((a, b) => a.rang - b.rang);
    if (picked.length < 2 || picked.length > 4) { C.showError('Cochez de 2 à 4 sites à comparer.'); return; }
    const table = document.createElement('table');
    table.className = 'comparaison-sites';
    const head = table.createTHead().insertRow();
    head.appendChild(document.createElement('th'));
    picked.forEach((r) => head.appendChild(Object.assign(document.createElement('th'), { textContent: `Site n° ${r.rang} — ${r.nom_commune}` })));
    const body = table.createTBody();
    COMPARED.forEach(([label, value]) => {
      const tr = body.insertRow();
      tr.appendChild(Object.assign(document.createElement('th'), { textContent: label, scope: 'row' }));
      picked.forEach((r) => { tr.insertCell().textContent = value(r); });
    });
    comparison.innerHTML = '';
    comparison.append(Object.assign(document.createElement('h3'), { textContent: 'Comparaison des sites' }), table);
    comparison.hidden = false;
    comparison.scrollIntoView({ block: 'nearest' });
  });

  // ----- Exports -----
  /** The table as shown (current order) in CSV for French Excel (C.csvText: semicolons, decimal comma, BOM). */
  C.sitesCsv = function () {
    const header = ['rang', 'code_commune', 'nom_commune', ...COLUMNS.slice(2).map((c) => c.csv)];
    return C.csvText(header, sorted().map((r) => [r.rang, r.code_commune, r.nom_commune, ...COLUMNS.slice(2).map((c) => c.value(r))]));
  };
  const download = C.download;

  document.getElementById('export-csv').addEventListener('click', () => {
    if (!rows.length) { C.showError('Aucun site à exporter pour ce scénario.'); return; }
    download(new Blob([C.sitesCsv()], { type: 'text/csv;charset=utf-8' }), `sites-candidats_${C.scenario()}.csv`);
  });

  function updateExportLinks(readable) {
    ['comparer-sites', 'export-csv', 'export-geojson', 'export-gpkg'].forEach((id) => { document.getElementById(id).hidden = !readable; });
    if (!readable) return;
    const scenario = C.scenario();
    const base = { TYPENAMES: 'carence:sites_candidats', SCENARIO: scenario, SORTBY: 'rang' };
    const geojson = document.getElementById('export-geojson');
    geojson.href = C.wfsUrl(Object.assign({ OUTPUTFORMAT: 'application/json', SRSNAME: 'EPSG:4326' }, base));
    geojson.download = `sites-candidats_${scenario}.geojson`;
    // Two layers: the sites and the communes they serve (one filter per type).
    const gpkg = document.getElementById('export-gpkg');
    gpkg.href = C.wfsUrl({ TYPENAMES: 'carence:sites_candidats,carence:indicateurs_communes', SCENARIO: scenario,
      FILTER: `(<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0"><fes:Not><fes:PropertyIsNull><fes:ValueReference>rang</fes:ValueReference></fes:PropertyIsNull></fes:Not></fes:Filter>)(${servedCommunesFilter()})`,
      OUTPUTFORMAT: 'application/geopackage+sqlite3', SRSNAME: 'EPSG:2154' });
    gpkg.download = `sites-candidats_${scenario}.gpkg`;
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
    chosen.clear();
    updateCompare();
    comparison.hidden = true;
    comparison.innerHTML = '';
  }
  // A closed panel keeps nothing: it reloads when opened (for the scenario and identity of then).
  const reload = () => { if (!document.getElementById('panneau-sites').hidden) C.loadSites(); else { loads++; emptyTable(); } };
  document.addEventListener('carence:scenario', reload);
  // Login / logout: the layer list was just rebuilt and may have gained or lost the sites.
  document.addEventListener('carence:couches', reload);
}(window.Carence = window.Carence || {}));
