/* One-page site sheet: a map snapshot around the site and its figures, printable to PDF
   (print stylesheet, window.print) or saved as a PNG (canvas export). */
(function (C) {
  'use strict';

  const dialog = document.getElementById('fiche-site');
  let current = null;

  /** Snapshot of the map canvases (same-origin WMS images, so the canvas is readable). */
  function mapSnapshot() {
    const size = C.map.getSize();
    const canvas = document.createElement('canvas');
    canvas.width = size[0] * (window.devicePixelRatio || 1);
    canvas.height = size[1] * (window.devicePixelRatio || 1);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#eef3f7';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    C.map.getViewport().querySelectorAll('.ol-layer canvas, canvas.ol-layer').forEach((c) => {
      if (c.width === 0) return;
      const opacity = c.parentNode.style.opacity || c.style.opacity;
      ctx.globalAlpha = opacity === '' ? 1 : Number(opacity);
      const m = c.style.transform.match(/^matrix\(([^(]*)\)$/);
      if (m) ctx.setTransform(...m[1].split(',').map(Number));
      else ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(c, 0, 0);
    });
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    return canvas;
  }

  /** The fibre data the scenario read, as its provenance records it (GET /api/scenarios), never a date written here. */
  function thdSource() {
    const s = C.scenarioRecord ? C.scenarioRecord(C.scenario()) : null;
    const v = s && s.provenance ? s.provenance.find((p) => p.couche === 'couverture_thd') : null;
    if (!v) return 'ARCEP, provenance non enregistrée';
    if (!v.millesime) return 'ARCEP, millésime non précisé';
    // The loader's vintage already names its publisher ("ARCEP 2018T1"): do not write it twice.
    return /^ARCEP\b/.test(v.millesime) ? v.millesime : `ARCEP ${v.millesime}`;
  }

  function figures(r) {
    return [
      ['Rang', String(r.rang)],
      ['Commune d\'implantation', `${r.nom_commune} (${r.code_commune})`],
      ['Demande couverte', `${C.formatNumber(r.demande_couverte)} télétravailleurs potentiels`],
      ['Communes en carence desservies', C.formatNumber(r.communes_couvertes)],
      ['Km évités par an', `${C.formatNumber(r.km_evites_an)} km`],
      ['Heures de trajet gagnées par an', `${C.formatNumber(r.heures_gagnees_an)} h`],
      ['Carburant économisé par an', `${C.formatNumber(r.litres_carburant_an)} L`],
      ['CO₂ évité par an', `${C.formatNumber(r.kg_co2e_an / 1000, 1)} t CO₂e`],
      ['Couverture fibre de la commune', `${C.formatNumber(r.taux_thd * 100)} % des locaux (${thdSource()})`],
      ['Pourquoi ici : communes desservies', r.desservies.map((c) => `${c.nom} (${C.formatNumber(c.demande)} télétravailleurs potentiels${c.fragilites.length ? ', ' + c.fragilites.join(', ') : ''})`).join(' ; ') || 'aucune'],
      ['Fragilités des communes desservies', r.fragilites.join(', ') || 'aucune'],
      ['Méthode', `${r.methode}${r.ecart_optimalite ? ` (écart à l'optimum ${C.formatNumber(r.ecart_optimalite * 100, 1)} %)` : ' (optimum prouvé)'}`],
      ['Flux', r.flux_modelise ? 'au moins en partie modélisés (modèle de radiation)' : 'observés (INSEE)']
    ];
  }

  function title(r) { return `Site candidat n° ${r.rang} — ${r.nom_commune}`; }

  /** The carence communes this site serves (indicateurs_communes.site_desservant), outlined on the map. */
  async function servedCommunes(r) {
    const filter = '<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0"><fes:PropertyIsEqualTo><fes:ValueReference>site_desservant</fes:ValueReference>'
      + `<fes:Literal>${C.escapeXml(r.id)}</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>`;
    const url = C.wfsUrl({ TYPENAMES: 'carence:indicateurs_communes', SRSNAME: 'EPSG:2154', OUTPUTFORMAT: 'application/json', SCENARIO: C.scenario(), FILTER: filter });
    return C.geojson.readFeatures(await C.requestJson(url, 'Communes desservies par le site'));
  }

  /** Existing venues within 20 km of the site, nearest first (the "why here" of a funder). */
  async function nearbyVenues(r) {
    const [x, y] = r.feature.getGeometry().getCoordinates();
    const d = 20000;
    const url = C.wfsUrl({ TYPENAMES: 'carence:lieux_existants', SRSNAME: 'EPSG:2154', OUTPUTFORMAT: 'application/json',
      BBOX: `${x - d},${y - d},${x + d},${y + d},EPSG:2154` });
    return C.geojson.readFeatures(await C.requestJson(url, 'Lieux existants proches du site'))
      .map((f) => { const [a, b] = f.getGeometry().getCoordinates(); return { nom: f.get('nom'), type: f.get('type'), km: Math.hypot(a - x, b - y) / 1000 }; })
      .filter((v) => v.km <= 20).sort((a, b) => a.km - b.km).slice(0, 6);
  }

  C.openSiteSheet = async function (r) {
    current = r;
    const venues = dialog.querySelector('.fiche-lieux');
    venues.innerHTML = '';
    dialog.querySelector('.fiche-source').textContent = 'Sources : INSEE (Code officiel géographique, flux domicile-travail), IGN (ADMIN EXPRESS), ARCEP (fibre), ANCT (zonages), liste des lieux de télétravail ; calcul Carence, '
      + `scénario « ${C.scenario()} ». Distances à vol d'oiseau.`;
    nearbyVenues(r).then((list) => {
      if (current !== r) return;
      if (!list.length) venues.appendChild(Object.assign(document.createElement('li'), { textContent: 'Aucun lieu existant à moins de 20 km.' }));
      list.forEach((v) => venues.appendChild(Object.assign(document.createElement('li'), { textContent: `${v.nom} (${v.type}) — ${C.formatNumber(v.km, 1)} km` })));
    }).catch((e) => C.report(e, 'Les lieux existants proches du site sont illisibles.'));
    document.getElementById('message').hidden = true;
    dialog.querySelector('h2').textContent = title(r);
    const scenario = C.scenarioRecord(C.scenario());
    // The method version and a warning when the inputs changed since the run go on the sheet too.
    const method = scenario && scenario.versionMethode ? ` — méthode ${scenario.versionMethode}` : '';
    const changed = scenario && scenario.entreesModifiees && scenario.entreesModifiees.length
      ? ` — ATTENTION : entrées modifiées depuis le calcul (${scenario.entreesModifiees.join(', ')})` : '';
    dialog.querySelector('.fiche-scenario').textContent = `Scénario « ${scenario ? scenario.nom : C.scenario()} » (${C.scenario()}) — édité le ${new Date().toLocaleDateString('fr-FR')}${method}${changed}`;
    const table = dialog.querySelector('table');
    table.innerHTML = '';
    figures(r).forEach(([k, v]) => {
      const tr = table.insertRow();
      tr.append(Object.assign(document.createElement('th'), { textContent: k }));
      tr.insertCell().textContent = v;
    });
    const img = dialog.querySelector('img');
    img.removeAttribute('src');
    dialog.hidden = false;
    dialog.dataset.etat = 'chargement';
    let served = [];
    try {
      served = await servedCommunes(r);
    } catch (e) {
      C.report(e, 'Les communes desservies par le site sont illisibles.');
    }
    C.highlight.clear();
    served.forEach((f) => { f.set('couleur', '#000091'); f.set('remplissage', 'rgba(0,0,145,0.12)'); C.highlight.addFeature(f); });
    C.highlight.addFeature(r.feature.clone());
    // The site and the communes it serves, with at least 15 km around the site.
    const extent = ol.extent.extend(ol.extent.buffer(r.feature.getGeometry().getExtent(), 15000), C.highlight.getExtent());
    C.map.once('rendercomplete', () => {
      img.src = mapSnapshot().toDataURL('image/png');
      dialog.dataset.etat = 'pret';
    });
    C.view.fit(extent, { padding: [30, 30, 30, 30] });
    C.map.render();
  };

  /** The sheet drawn on a canvas: title, map, figures (A4-like proportions). */
  function sheetCanvas() {
    const r = current;
    const img = dialog.querySelector('img');
    const W = 1240;
    const lines = figures(r);
    // Map height follows the snapshot's proportions (the map panel's shape), within limits.
    const ratio = img.naturalWidth ? img.naturalHeight / img.naturalWidth : 0.55;
    const mapH = Math.round((W - 100) * Math.min(Math.max(ratio, 0.35), 0.9));
    const canvas = document.createElement('canvas');
    canvas.width = W;
    canvas.height = 160 + mapH + 40 + lines.length * 44 + 60;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = '#000091'; ctx.fillRect(0, 0, W, 8);
    ctx.font = 'bold 40px Arial, sans-serif'; ctx.fillText(title(r), 50, 75);
    ctx.fillStyle = '#3a3a3a'; ctx.font = '24px Arial, sans-serif';
    ctx.fillText(dialog.querySelector('.fiche-scenario').textContent, 50, 120);
    if (img.naturalWidth) {
      const scale = Math.min((W - 100) / img.naturalWidth, mapH / img.naturalHeight);
      const w = img.naturalWidth * scale; const h = img.naturalHeight * scale;
      ctx.drawImage(img, (W - w) / 2, 150, w, h);
      ctx.strokeStyle = '#999'; ctx.strokeRect((W - w) / 2, 150, w, h);
    }
    let y = 150 + mapH + 50;
    lines.forEach(([k, v]) => {
      ctx.fillStyle = '#555'; ctx.font = '24px Arial, sans-serif'; ctx.fillText(k, 50, y);
      ctx.fillStyle = '#161616'; ctx.font = 'bold 24px Arial, sans-serif'; ctx.fillText(v, 480, y);
      y += 44;
    });
    ctx.fillStyle = '#666'; ctx.font = '18px Arial, sans-serif';
    ctx.fillText(dialog.querySelector('.fiche-source').textContent.slice(0, 140), 50, canvas.height - 25);
    return canvas;
  }

  document.getElementById('fiche-png').addEventListener('click', () => {
    if (!current) return;
    sheetCanvas().toBlob((blob) => {
      if (!blob) { C.showError('L\'image de la fiche n\'a pas pu être produite.'); return; }
      C.download(blob, `fiche-site-${current.rang}-${current.code_commune}.png`);
    }, 'image/png');
  });
  document.getElementById('fiche-pdf').addEventListener('click', () => window.print());
  document.getElementById('fiche-fermer').addEventListener('click', () => { dialog.hidden = true; });
}(window.Carence = window.Carence || {}));
