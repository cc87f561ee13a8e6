/* Zones de carence of the scenario shown: list by rank with their place name, and each zone's
   dossier de carence (PDF, GeoPackage) built by the server (/api/scenarios/{id}/zones). The same
   links appear in the information panel when a zone is clicked on the map. */
(function (C) {
  'use strict';

  const list = document.getElementById('liste-zones');
  const status = document.getElementById('zones-etat');
  let loads = 0;

  /** Links to a zone's dossier (PDF and GeoPackage) for the scenario shown. */
  C.dossierLinks = function (zoneId) {
    const scenario = C.scenario();
    const zone = String(zoneId).startsWith(scenario + ':') ? String(zoneId).slice(scenario.length + 1) : String(zoneId);
    const base = `api/scenarios/${encodeURIComponent(scenario)}/zones/${encodeURIComponent(zone)}/dossier`;
    const p = document.createElement('p');
    p.className = 'dossier-liens';
    p.append(
      Object.assign(document.createElement('a'), { className: 'bouton dossier-pdf', href: `${base}.pdf`, textContent: 'Dossier de carence (PDF)', target: '_blank', rel: 'noopener' }),
      Object.assign(document.createElement('a'), { className: 'bouton secondaire dossier-gpkg', href: `${base}.gpkg`, textContent: 'Dossier pour QGIS (GeoPackage)' }));
    return p;
  };

  C.loadZones = async function () {
    const scenario = C.scenario();
    const load = ++loads;
    list.innerHTML = '';
    status.textContent = 'Chargement des zones…';
    delete document.body.dataset.zones;
    try {
      const zones = await C.requestJson(`api/scenarios/${encodeURIComponent(scenario)}/zones`, 'Zones de carence');
      if (load !== loads) return;
      status.textContent = zones.length
        ? `${zones.length} zones de carence dans le scénario « ${scenario} », de la plus prioritaire à la moins prioritaire. Cliquez sur un nom pour zoomer.`
        : `Aucune zone de carence dans le scénario « ${scenario} ».`;
      zones.forEach((z) => {
        const li = document.createElement('li');
        li.dataset.zone = z.id;
        const name = Object.assign(document.createElement('button'), { type: 'button', className: 'lien zoomer-zone', textContent: `${z.rang}. ${z.nom}` });
        name.addEventListener('click', () => zoomToZone(z));
        const detail = Object.assign(document.createElement('small'), {
          textContent: `${z.unite}${z.classeRobustesse ? ` · robustesse : ${z.classeRobustesse}` : ''}`
        });
        li.append(name, detail, C.dossierLinks(z.id));
        list.appendChild(li);
      });
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

  const tab = document.getElementById('onglet-zones');
  tab.addEventListener('click', () => C.loadZones());
  document.addEventListener('carence:scenario', () => {
    if (!document.getElementById('panneau-zones').hidden) C.loadZones(); else { loads++; list.innerHTML = ''; }
  });
}(window.Carence = window.Carence || {}));
