/* Click on the map: GetFeatureInfo on the visible layers, top-most first, shown with labels,
   units and a one-line explanation of each value. */
(function (C) {
  'use strict';

  const panel = document.getElementById('panneau-info');
  const content = document.getElementById('contenu-info');
  document.getElementById('fermer-info').addEventListener('click', () => { panel.hidden = true; });

  // Raw code lists are not shown: a zone's communes are named in its dossier.
  const HIDDEN = new Set(['id', 'scenario', 'codes_source', 'codes_communes']);

  /** A table of a feature's attributes: label and explanation, value with its unit. */
  C.attributeTable = function (properties, layer) {
    const table = document.createElement('table');
    table.className = 'attributs';
    Object.entries(properties).filter(([k]) => !HIDDEN.has(k)).forEach(([k, v]) => {
      const tr = table.insertRow();
      tr.dataset.attribut = k;
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = C.label(k, layer);
      const why = C.explanation(k, layer);
      if (why) {
        const small = document.createElement('small');
        small.textContent = why;
        th.appendChild(small);
      }
      tr.appendChild(th);
      const td = tr.insertCell();
      td.textContent = C.formatValue(k, v);
    });
    return table;
  };

  function renderFeatures(title, features, layer) {
    const section = document.createElement('section');
    features.forEach((f) => {
      const h3 = document.createElement('h3');
      const p = f.properties;
      h3.textContent = `${title} — ${p.nom || p.nom_commune || (p.rang ? 'n° ' + p.rang : '') || f.id || ''}`;
      section.append(h3);
      // A carence zone: its dossier (PDF, GeoPackage) built by the server.
      if (p.codes_communes !== undefined && p.id && C.dossierLinks) {
        section.append(C.dossierLinks(p.id));
        // Its communes by name, never the raw code list.
        const names = Object.assign(document.createElement('p'), { className: 'communes-zone' });
        section.append(names);
        C.zoneCommunesText(p.id).then((t) => { if (t) names.textContent = `Communes : ${t}`; }).catch(() => { /* the dossier names them */ });
      }
      section.append(C.attributeTable(p, layer));
    });
    return section;
  }

  C.showInfo = function (nodes) {
    content.innerHTML = '';
    content.append(...nodes);
    panel.hidden = false;
  };

  C.map.on('singleclick', async (e) => {
    const res = C.view.getResolution();
    const visible = C.wmsLayers.filter((l) => l.getVisible() && l.get('cap').queryable !== false)
      .sort((a, b) => b.getZIndex() - a.getZIndex());
    document.body.dataset.info = 'chargement';
    const answers = await Promise.all(visible.map(async (l) => {
      const url = C.wmsSourceOf(l).getFeatureInfoUrl(e.coordinate, res, C.L93, { INFO_FORMAT: 'application/json', FEATURE_COUNT: 3 });
      try {
        return { layer: l, json: await C.requestJson(url, `Informations sur « ${l.get('cap').Title} »`) };
      } catch (err) {
        return { layer: l, error: err };
      }
    }));
    const nodes = [];
    answers.forEach(({ layer, json }) => {
      if (json && json.features && json.features.length) nodes.push(renderFeatures(layer.get('cap').Title, json.features, C.shortName(layer.get('cap').Name)));
    });
    const failed = answers.filter((a) => a.error);
    if (failed.length) C.report(failed[0].error, 'Les informations de cet endroit n\'ont pas pu être lues.');
    if (!nodes.length) {
      const p = document.createElement('p');
      p.className = 'info';
      p.textContent = failed.length ? 'Informations indisponibles (erreur du service).' : 'Aucun objet à cet endroit sur les couches affichées.';
      nodes.push(p);
    }
    C.showInfo(nodes);
    document.body.dataset.info = 'pret';
  });
}(window.Carence = window.Carence || {}));
