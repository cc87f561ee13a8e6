/* Scenario panel: parameters with defaults and sources, run with progress, switch, compare two
   (communes entering / leaving carence highlighted), delete. REST API /api/scenarios. */
(function (C) {
  'use strict';

  const STEPS = { 1: 'Demande de télétravail', 2: 'Flux domicile-travail', 3: 'Accessibilité aux lieux', 4: 'Très haut débit',
    5: 'Fragilité', 6: 'Carence et zones', 7: 'Sites candidats', 8: 'Impact (km, CO₂)' };
  const STATUS = { en_attente: 'en attente', en_cours: 'en cours', termine: 'terminé', echec: 'échec' };
  const RESERVED_TO_FUNDERS = 'réservé aux financeurs';

  const select = document.getElementById('scenario');
  const form = document.getElementById('form-scenario');
  const progress = document.getElementById('progression');
  const progressText = document.getElementById('progression-texte');
  let specs = [];
  let scenarios = [];

  C.scenarioRecord = (id) => scenarios.find((s) => s.id === id);
  C.scenarioList = () => scenarios.slice();
  /** The parameters' declarations (labels.js writes their values instead of their names in explanations). */
  C.parameterSpecs = () => specs.slice();

  function optionLabel(s) {
    const status = s.statut === 'termine' ? '' : ` — ${STATUS[s.statut] || s.statut}`;
    const changed = s.entreesModifiees && s.entreesModifiees.length ? ' — entrées modifiées' : '';
    return `${s.nom || s.id} (${s.id})${status}${changed}`;
  }

  /** Reloads the list into the three selectors, keeping the choices when possible. */
  C.loadScenarios = async function (selected) {
    try {
      scenarios = await C.requestJson(C.API_URL, 'Liste des scénarios');
    } catch (e) {
      C.report(e, 'La liste des scénarios est illisible.');
      return;
    }
    [select, document.getElementById('comparer-a'), document.getElementById('comparer-b')].forEach((sel, i) => {
      const keep = i === 0 ? (selected || sel.value) : sel.value;
      sel.innerHTML = '';
      scenarios.forEach((s) => {
        const opt = new Option(optionLabel(s), s.id);
        opt.disabled = i > 0 && s.statut !== 'termine';
        sel.add(opt);
      });
      if (scenarios.some((s) => s.id === keep)) sel.value = keep;
      else if (scenarios.some((s) => s.id === C.DEFAULT_SCENARIO)) sel.value = C.DEFAULT_SCENARIO;
    });
    showSummary();
  };

  function showSummary() {
    const s = C.scenarioRecord(C.scenario());
    const box = document.getElementById('resume-scenario');
    box.innerHTML = '';
    if (!s) return;
    const r = s.resume || {};
    // The server leaves out what the caller may not read (security/columns.properties): the author
    // for anonymous visitors, the figures derived from the candidate sites for non-funders.
    const siteFigure = (v, text) => (v != null ? text(v) : (C.hasRole('FUNDER') ? '–' : RESERVED_TO_FUNDERS));
    const rows = [
      ['Statut', STATUS[s.statut] || s.statut],
      // Runs the server starts itself (default scenario) and records older than authors have none.
      ['Lancé par', !C.session.login ? 'visible une fois connecté'
        : s.auteur || (s.id === C.DEFAULT_SCENARIO ? 'le serveur (scénario par défaut)' : 'non enregistré')],
      ['Communes en carence', r.nbCommunesCarence != null ? C.formatNumber(r.nbCommunesCarence) : '–'],
      ['Zones de carence', r.nbZones != null ? C.formatNumber(r.nbZones) : '–'],
      ['Demande en carence', r.demandeCarence != null ? `${C.formatNumber(r.demandeCarence)} télétravailleurs` : '–'],
      ['Demande couverte par les sites', siteFigure(r.demandeCouverte, (v) => `${C.formatNumber(v)} télétravailleurs`)],
      ['Km évités par an', siteFigure(r.kmEvitesAn, (v) => `${C.formatNumber(v)} km`)],
      ['CO₂ évité par an', siteFigure(r.kgCo2eEvitesAn, (v) => `${C.formatNumber(v / 1000)} t CO₂e`)]
    ];
    const dl = document.createElement('dl');
    rows.forEach(([k, v]) => { dl.append(Object.assign(document.createElement('dt'), { textContent: k }), Object.assign(document.createElement('dd'), { textContent: v })); });
    box.appendChild(dl);
    // Inputs republished since the run: its figures no longer describe the current data.
    if (s.entreesModifiees && s.entreesModifiees.length) {
      box.appendChild(Object.assign(document.createElement('p'), { className: 'erreur entrees-modifiees',
        textContent: `Entrées modifiées depuis ce calcul : ${s.entreesModifiees.join(', ')}. Relancer le scénario pour des résultats à jour (ou le recalculer à l'identique par l'API : POST api/scenarios/${s.id}/recalcul).` }));
    }
    // What the run could not establish or had to presume (missing layers, possible AMII duplicates…):
    // a figure read without them would be defended beyond what it is.
    if (s.avertissements && s.avertissements.length) {
      const details = Object.assign(document.createElement('details'), { className: 'avertissements' });
      details.appendChild(Object.assign(document.createElement('summary'), { textContent: `Avertissements du calcul : ${s.avertissements.length}` }));
      const ul = document.createElement('ul');
      s.avertissements.forEach((a) => ul.appendChild(Object.assign(document.createElement('li'), { textContent: a })));
      details.appendChild(ul);
      box.appendChild(details);
    }
    if (s.provenance) {
      const details = Object.assign(document.createElement('details'), { className: 'provenance' });
      details.appendChild(Object.assign(document.createElement('summary'), { textContent: `Provenance : ${s.provenance.length} couches lues — méthode ${s.versionMethode || 'inconnue'}` }));
      const ul = document.createElement('ul');
      s.provenance.forEach((v) => {
        const text = `${v.libelle || v.couche}${v.libelle ? ` [${v.couche}]` : ''} — ${v.millesime || 'millésime non précisé'} — ${v.fichiers || ''} — chargée le ${new Date(v.chargement).toLocaleString('fr-FR')} — ${C.formatNumber(v.entites)} entités${v.sha256 ? ` — SHA-256 ${v.sha256.length > 20 ? v.sha256.slice(0, 16) + '…' : v.sha256}` : ''}`;
        ul.appendChild(Object.assign(document.createElement('li'), { textContent: text, title: v.sha256 || '' }));
      });
      details.appendChild(ul);
      box.appendChild(details);
    }
    if (s.statut === 'echec') box.appendChild(Object.assign(document.createElement('p'), { className: 'erreur', textContent: `Échec du calcul : ${s.message || 'cause inconnue'}` }));
  }

  select.addEventListener('change', () => {
    C.refreshResultLayers();
    showSummary();
    C.highlight.clear();
    document.dispatchEvent(new CustomEvent('carence:scenario'));
  });

  // ----- Parameter form -----
  function input(spec) {
    let el;
    if (spec.type === 'BOOLEAN') {
      el = document.createElement('input'); el.type = 'checkbox'; el.checked = !!spec.defaultValue;
    } else if (spec.type === 'CHOICE') {
      el = document.createElement('select');
      spec.choices.forEach((c) => el.add(new Option(c, c)));
      el.value = spec.defaultValue;
    } else if (spec.type === 'TEXT') {
      el = document.createElement('input'); el.type = 'text'; el.value = spec.defaultValue || '';
    } else {
      el = document.createElement('input'); el.type = 'number';
      el.step = spec.type === 'INTEGER' ? '1' : 'any';
      if (spec.min != null) el.min = spec.min;
      if (spec.max != null) el.max = spec.max;
      el.value = spec.defaultValue;
    }
    el.name = spec.name;
    el.id = `param-${spec.name}`;
    return el;
  }

  function defaultText(spec) {
    if (spec.type === 'BOOLEAN') return spec.defaultValue ? 'oui' : 'non';
    if (spec.defaultValue === null || spec.defaultValue === undefined) return 'aucune';
    return `${typeof spec.defaultValue === 'number' ? C.formatNumber(spec.defaultValue, 3) : spec.defaultValue}${spec.unit ? ' ' + spec.unit : ''}`;
  }

  function buildForm() {
    const container = document.getElementById('parametres');
    container.innerHTML = '';
    const byStep = {};
    specs.forEach((s) => { (byStep[s.step] = byStep[s.step] || []).push(s); });
    Object.keys(byStep).sort((a, b) => a - b).forEach((step) => {
      const fs = document.createElement('details');
      fs.className = 'etape';
      if (step === '3' || step === '6') fs.open = true; // catchment and threshold: the usual levers
      fs.appendChild(Object.assign(document.createElement('summary'), { textContent: `${step}. ${STEPS[step] || 'Étape ' + step}` }));
      byStep[step].forEach((spec) => {
        const div = document.createElement('div');
        div.className = 'parametre';
        const label = document.createElement('label');
        label.htmlFor = `param-${spec.name}`;
        label.textContent = spec.description;
        const code = Object.assign(document.createElement('code'), { textContent: spec.name });
        const el = input(spec);
        const unit = Object.assign(document.createElement('span'), { className: 'unite', textContent: spec.type === 'BOOLEAN' ? '' : spec.unit || '' });
        const meta = document.createElement('small');
        meta.textContent = `Défaut : ${defaultText(spec)}${spec.min != null ? ` — de ${C.formatNumber(spec.min, 3)} à ${C.formatNumber(spec.max, 3)}` : ''}. Source : ${spec.source || 'non précisée'}`;
        const line = document.createElement('div');
        line.className = 'saisie';
        line.append(el, unit, code);
        div.append(label, line, meta);
        fs.appendChild(div);
      });
      container.appendChild(fs);
    });
  }

  /** Parameters that differ from their default (the API fills in the rest). */
  function changedParameters() {
    const out = {};
    specs.forEach((spec) => {
      const el = form.elements[spec.name];
      let value;
      if (spec.type === 'BOOLEAN') value = el.checked;
      else if (spec.type === 'CHOICE' || spec.type === 'TEXT') value = el.value.trim() || null;
      else {
        if (el.value.trim() === '') throw new C.UserError(`Paramètre « ${spec.description} » (${spec.name}) : valeur manquante.`);
        value = Number(el.value);
        if (!Number.isFinite(value)) throw new C.UserError(`Paramètre « ${spec.description} » (${spec.name}) : nombre attendu.`);
      }
      if (value !== spec.defaultValue && !(value === null && spec.defaultValue == null)) out[spec.name] = value;
    });
    return out;
  }

  function slug(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 30);
  }

  function markInvalid(name) {
    form.querySelectorAll('.invalide').forEach((e) => e.classList.remove('invalide'));
    const el = name && form.elements[name];
    if (el) { el.classList.add('invalide'); el.closest('details').open = true; el.focus(); }
  }

  // ----- Rights: running and deleting need the PLANNER role (ADMIN implies it) -----
  const RUN_HINT = 'Connectez-vous avec un compte planificateur pour lancer un scénario.';
  const DELETE_HINT = 'Connectez-vous avec un compte planificateur pour supprimer un scénario.';
  const rightsHint = document.getElementById('droits-scenario');

  function showRights() {
    const allowed = C.hasRole('PLANNER');
    rightsHint.hidden = allowed;
    form.classList.toggle('sans-droit', !allowed);
    document.getElementById('supprimer').hidden = !allowed;
  }
  rightsHint.querySelector('.se-connecter').addEventListener('click', () => C.openLogin());
  document.addEventListener('carence:session', showRights);
  // The scenario records depend on who asks (author, site-derived figures): reload them.
  document.addEventListener('carence:session', () => C.loadScenarios(C.scenario()));
  showRights();

  /** The API refused the run (session ended, or an account without the role). */
  function refusal(status) {
    document.dispatchEvent(new CustomEvent('carence:refus', { detail: status }));
    return new C.UserError(status === 401
      ? 'Le scénario n\'a pas été lancé : vous n\'êtes pas connecté ou votre session a expiré. ' + RUN_HINT
      : 'Le scénario n\'a pas été lancé : le service refuse cette action à votre compte (rôle planificateur requis). ' + RUN_HINT);
  }

  async function run(e) {
    e.preventDefault();
    const button = document.getElementById('lancer');
    if (!C.hasRole('PLANNER')) {
      C.showError(RUN_HINT);
      rightsHint.hidden = false;
      rightsHint.scrollIntoView({ block: 'nearest' });
      return;
    }
    try {
      const parametres = changedParameters();
      const nom = document.getElementById('nom-scenario').value.trim() || 'Scénario sans nom';
      const id = `${slug(nom) || 'scenario'}-${Date.now().toString(36).slice(-5)}`;
      markInvalid(null);
      button.disabled = true;
      setProgress(0, 'Envoi du scénario…');
      const response = await C.fetch(C.API_URL, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id, nom, parametres }) })
        .catch(() => { throw new C.UserError('Le service Carence ne répond pas : le scénario n\'a pas été lancé.'); });
      if (response.status === 401 || response.status === 403) throw refusal(response.status);
      if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        markInvalid(body.parametre);
        throw new C.UserError(response.status === 400
          ? `Paramètre invalide : ${body.message || 'valeur refusée'}.`
          : response.status === 503 ? 'Trop de calculs en attente : réessayez dans une minute.'
            : `Le scénario n'a pas été lancé : ${body.message || 'erreur ' + response.status}.`);
      }
      await poll(id);
    } catch (err) {
      setProgress(null, '');
      C.report(err, 'Le scénario n\'a pas pu être lancé.');
    } finally {
      button.disabled = false;
    }
  }

  function setProgress(value, text) {
    progress.hidden = value === null;
    if (value !== null) progress.value = value;
    progressText.textContent = text;
  }

  async function poll(id) {
    for (;;) {
      const s = await C.requestJson(`${C.API_URL}/${encodeURIComponent(id)}`, 'Suivi du scénario');
      const pct = Math.round((s.progression || 0) * 100);
      setProgress(s.progression || 0, `${STATUS[s.statut] || s.statut} — ${pct} %${s.etape ? ' (' + s.etape + ')' : ''}`);
      if (s.statut === 'termine') {
        setProgress(null, `Scénario « ${s.nom} » terminé en ${C.formatNumber((s.dureeMs || 0) / 1000, 1)} s.`);
        await C.loadScenarios(id);
        C.refreshResultLayers();
        document.dispatchEvent(new CustomEvent('carence:scenario'));
        C.showMessage(`Scénario « ${s.nom} » calculé : ${s.resume ? s.resume.nbCommunesCarence : '?'} communes en carence. Il est affiché sur la carte.`, 'notice');
        document.body.dataset.scenarioCalcule = id;
        return;
      }
      if (s.statut === 'echec') {
        await C.loadScenarios();
        throw new C.UserError(`Le calcul du scénario « ${s.nom} » a échoué : ${s.message || 'cause inconnue'}.`);
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  form.addEventListener('submit', run);
  document.getElementById('reinitialiser').addEventListener('click', () => { buildForm(); markInvalid(null); });

  // ----- Comparison -----
  async function carenceCommunes(scenario) {
    const url = C.wfsUrl({
      TYPENAMES: 'carence:indicateurs_communes', SRSNAME: 'EPSG:2154', OUTPUTFORMAT: 'application/json', SCENARIO: scenario,
      FILTER: '<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0"><fes:PropertyIsEqualTo><fes:ValueReference>carence</fes:ValueReference><fes:Literal>true</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>'
    });
    return C.geojson.readFeatures(await C.requestJson(url, `Communes en carence du scénario ${scenario}`));
  }

  function communeList(title, items, cls) {
    const details = document.createElement('details');
    details.className = cls;
    details.appendChild(Object.assign(document.createElement('summary'), { textContent: `${title} : ${items.length}` }));
    const ul = document.createElement('ul');
    items.slice().sort((x, y) => y.demande - x.demande).forEach((c) => {
      ul.appendChild(Object.assign(document.createElement('li'), { textContent: `${c.nom} (${c.code}) — ${C.formatNumber(c.demande)} télétravailleurs` }));
    });
    details.appendChild(ul);
    return details;
  }

  async function compare() {
    const a = document.getElementById('comparer-a').value;
    const b = document.getElementById('comparer-b').value;
    const out = document.getElementById('resultat-comparaison');
    if (!a || !b || a === b) { C.showError('Choisissez deux scénarios différents à comparer.'); return; }
    out.innerHTML = '<p class="info">Comparaison…</p>';
    try {
      const cmp = await C.requestJson(`${C.API_URL}/${encodeURIComponent(a)}/compare/${encodeURIComponent(b)}`, 'Comparaison des scénarios');
      out.innerHTML = '';
      const table = document.createElement('table');
      table.className = 'comparaison';
      table.innerHTML = `<thead><tr><th></th><th>${C.escapeXml(a)}</th><th>${C.escapeXml(b)}</th></tr></thead>`;
      [['Communes en carence', cmp.communesCarenceReference, cmp.communesCarenceAutre],
        ['Demande en carence', cmp.demandeCarenceReference, cmp.demandeCarenceAutre],
        ['Demande couverte', cmp.demandeCouverteReference, cmp.demandeCouverteAutre]].forEach(([k, x, y]) => {
        const tr = table.insertRow();
        tr.append(Object.assign(document.createElement('th'), { textContent: k }));
        tr.insertCell().textContent = x != null ? C.formatNumber(x) : RESERVED_TO_FUNDERS;
        tr.insertCell().textContent = y != null ? C.formatNumber(y) : RESERVED_TO_FUNDERS;
      });
      out.append(table,
        communeList('Entrent en carence', cmp.entrantes, 'entrantes'),
        communeList('Sortent de la carence', cmp.sortantes, 'sortantes'));
      // Highlight on the map: entering in red (from b), leaving in green (from a).
      const entering = new Set(cmp.entrantes.map((c) => c.code));
      const leaving = new Set(cmp.sortantes.map((c) => c.code));
      const [inA, inB] = await Promise.all([leaving.size ? carenceCommunes(a) : [], entering.size ? carenceCommunes(b) : []]);
      C.highlight.clear();
      inB.filter((f) => entering.has(f.get('code'))).forEach((f) => { f.set('couleur', '#ce0500'); f.set('remplissage', 'rgba(206,5,0,0.35)'); C.highlight.addFeature(f); });
      inA.filter((f) => leaving.has(f.get('code'))).forEach((f) => { f.set('couleur', '#18753c'); f.set('remplissage', 'rgba(24,117,60,0.35)'); C.highlight.addFeature(f); });
      const legend = Object.assign(document.createElement('p'), { className: 'legende-comparaison' });
      legend.innerHTML = '<span class="pastille rouge"></span> entrent en carence <span class="pastille verte"></span> en sortent';
      out.appendChild(legend);
      if (C.highlight.getFeatures().length) C.view.fit(C.highlight.getExtent(), { padding: [40, 40, 40, 40], maxZoom: 11 });
    } catch (err) {
      out.innerHTML = '';
      C.report(err, 'La comparaison a échoué.');
    }
  }
  document.getElementById('comparer').addEventListener('click', compare);

  document.getElementById('supprimer').addEventListener('click', async () => {
    const id = C.scenario();
    if (!C.hasRole('PLANNER')) { C.showError(DELETE_HINT); return; }
    if (id === C.DEFAULT_SCENARIO) { C.showError('Le scénario par défaut ne peut pas être supprimé.'); return; }
    if (!window.confirm(`Supprimer le scénario « ${id} » et ses résultats ?`)) return;
    try {
      await C.request(`${C.API_URL}/${encodeURIComponent(id)}`, 'Suppression du scénario', { method: 'DELETE' });
      await C.loadScenarios(C.DEFAULT_SCENARIO);
      C.refreshResultLayers();
      document.dispatchEvent(new CustomEvent('carence:scenario'));
    } catch (err) {
      C.report(err, 'La suppression a échoué.');
    }
  });

  C.loadParameters = async function () {
    try {
      specs = await C.requestJson(`${C.API_URL}/parameters`, 'Paramètres des scénarios');
      buildForm();
    } catch (e) {
      document.getElementById('parametres').innerHTML = '<p class="info">Paramètres indisponibles.</p>';
      C.report(e, 'Les paramètres des scénarios sont illisibles.');
    }
  };
}(window.Carence = window.Carence || {}));
