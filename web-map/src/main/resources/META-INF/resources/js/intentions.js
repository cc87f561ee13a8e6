/* "Intentions d'investissement (AMII)" in the Zones tab: the AMII status of the displayed scenario
   (residual zones against presumptive ones), the file templates, and for planners the upload of an
   intentions file (every bad line listed in French) and a run of the displayed scenario with it.
   The section is built here so that index.html only loads this script (docs/amii.md). */
(function (C) {
  'use strict';

  const API = 'api/intentions';
  const panel = document.getElementById('panneau-zones');
  const section = document.createElement('section');
  section.id = 'amii';
  section.setAttribute('aria-labelledby', 'amii-titre');
  section.innerHTML = `
    <h2 id="amii-titre">Intentions d'investissement (AMII)</h2>
    <p id="amii-statut" class="info" aria-live="polite">Statut de l'AMII : chargement…</p>
    <p class="info">Modèle du fichier à remplir :
      <a id="amii-modele-csv" href="${API}/modele.csv" download>CSV (Excel)</a> ·
      <a id="amii-modele-geojson" href="${API}/modele.geojson" download>GeoJSON</a>
      — colonnes : porteur, type, adresse ou code commune, lon/lat facultatifs, places, date d'ouverture prévue, statut.</p>
    <p id="amii-droits" class="droits" hidden>Connectez-vous avec un compte planificateur pour charger les intentions d'un AMII.</p>
    <form id="amii-form" hidden>
      <label for="amii-fichier">Fichier des intentions (CSV ou GeoJSON)</label>
      <input id="amii-fichier" type="file" accept=".csv,.geojson,.json,.zip,.gz">
      <div class="boutons"><button id="amii-charger" type="submit">Charger les intentions</button></div>
      <p id="amii-charge" class="info" aria-live="polite"></p>
      <ul id="amii-erreurs" class="erreur" hidden></ul>
      <button id="amii-appliquer" type="button" hidden>Calculer le scénario affiché avec ces intentions</button>
    </form>`;
  const intro = panel.querySelector('p.info');
  panel.insertBefore(section, intro ? intro.nextSibling : panel.firstChild);

  const status = section.querySelector('#amii-statut');
  const form = section.querySelector('#amii-form');
  const loaded = section.querySelector('#amii-charge');
  const errors = section.querySelector('#amii-erreurs');
  const apply = section.querySelector('#amii-appliquer');

  async function zones(layer, scenario) {
    const url = C.wfsUrl({ TYPENAMES: `carence:${layer}`, OUTPUTFORMAT: 'application/json', SCENARIO: scenario,
      PROPERTYNAME: layer === 'zones_carence_residuelles' ? 'statut_amii,demande' : 'demande' });
    return (await C.requestJson(url, `Couche ${layer}`)).features;
  }
  const demand = (features) => features.reduce((sum, f) => sum + (f.properties.demande || 0), 0);

  /** The displayed scenario's AMII status: applied or not, and how many zones remain. */
  async function showStatus() {
    const scenario = C.scenario();
    try {
      const [residual, presumed] = await Promise.all([zones('zones_carence_residuelles', scenario), zones('zones_carence', scenario)]);
      const statut = residual.length ? residual[0].properties.statut_amii
        : (presumed.length ? 'Toutes les zones sont desservies par les intentions appliquées.' : 'Aucune zone de carence dans ce scénario.');
      status.textContent = `Statut de l'AMII : ${statut}. Zones résiduelles : ${residual.length} sur ${presumed.length} zones présumées ; `
        + `demande en carence résiduelle : ${C.formatNumber(demand(residual))} sur ${C.formatNumber(demand(presumed))} télétravailleurs potentiels.`;
      status.dataset.scenario = scenario;
      status.dataset.residuelles = String(residual.length);
      status.dataset.presumees = String(presumed.length);
      status.dataset.demandeResiduelle = String(demand(residual));
      status.dataset.demandePresumee = String(demand(presumed));
    } catch (e) {
      status.textContent = 'Statut de l\'AMII : inconnu pour ce scénario (calculé avant la prise en compte des AMII : le relancer).';
      delete status.dataset.residuelles;
    }
  }

  async function showLoaded() {
    if (!C.session.login) return;
    try {
      const state = await C.requestJson(API, 'Intentions chargées');
      loaded.textContent = state.charge
        ? `Intentions chargées : ${state.intentions} (fichier ${state.fichier}, le ${new Date(state.chargement).toLocaleString('fr-FR')}). ${state.message}`
        : state.message;
      apply.hidden = !(state.charge && C.hasRole('PLANNER'));
    } catch (e) { /* the status line above still tells the scenario's AMII */ }
  }

  function showRights() {
    const planner = C.hasRole('PLANNER');
    form.hidden = !planner;
    section.querySelector('#amii-droits').hidden = planner;
    loaded.textContent = '';
    showLoaded();
  }

  async function upload(e) {
    e.preventDefault();
    const file = section.querySelector('#amii-fichier').files[0];
    errors.hidden = true;
    errors.replaceChildren();
    if (!file) {
      C.showError('Choisissez d\'abord le fichier des intentions (CSV du modèle ou GeoJSON).');
      return;
    }
    const body = new FormData();
    body.append('fichier', file, file.name);
    const button = section.querySelector('#amii-charger');
    button.disabled = true;
    loaded.textContent = 'Vérification et chargement du fichier…';
    try {
      const response = await C.fetch(API, { method: 'POST', body })
        .catch(() => { throw new C.UserError('Le service Carence ne répond pas : les intentions n\'ont pas été chargées.'); });
      const answer = await response.json().catch(() => ({}));
      if (response.status === 401 || response.status === 403) {
        document.dispatchEvent(new CustomEvent('carence:refus', { detail: response.status }));
        throw new C.UserError(`Intentions non chargées : ${C.refusal(response.status)}.`);
      }
      if (!response.ok) {
        loaded.textContent = `Fichier refusé, rien n'a été remplacé : ${(answer.erreurs || []).length || 1} erreur(s).`;
        (answer.erreurs && answer.erreurs.length ? answer.erreurs : [answer]).forEach((err) => {
          errors.appendChild(Object.assign(document.createElement('li'), { textContent: err.message || 'erreur inconnue' }));
        });
        errors.hidden = false;
        return;
      }
      C.showMessage(`${answer.intentions} intentions chargées : calculez un scénario pour les appliquer.`, 'notice');
      await showLoaded();
    } catch (err) {
      loaded.textContent = '';
      C.report(err, 'Les intentions n\'ont pas pu être chargées.');
    } finally {
      button.disabled = false;
    }
  }

  /** A copy of the displayed scenario (same parameters) computed with the loaded intentions, then shown. */
  async function runWithIntentions() {
    apply.disabled = true;
    try {
      const current = await C.requestJson(`${C.API_URL}/${encodeURIComponent(C.scenario())}`, 'Scénario affiché');
      const parametres = Object.assign({}, current.parametres || {}, { appliquer_intentions: true });
      const id = `${current.id}-amii-${Date.now().toString(36).slice(-5)}`;
      const nom = `${current.nom} (avec AMII)`;
      await C.request(C.API_URL, 'Calcul avec les intentions', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ id, nom, parametres }) });
      for (;;) {
        const s = await C.requestJson(`${C.API_URL}/${encodeURIComponent(id)}`, 'Suivi du calcul');
        loaded.textContent = `Calcul de « ${nom} » : ${Math.round((s.progression || 0) * 100)} %${s.etape ? ' (' + s.etape + ')' : ''}`;
        if (s.statut === 'termine') break;
        if (s.statut === 'echec') throw new C.UserError(`Le calcul avec les intentions a échoué : ${s.message || 'cause inconnue'}.`);
        await new Promise((r) => setTimeout(r, 1000));
      }
      await C.loadScenarios(id);
      C.refreshResultLayers();
      document.dispatchEvent(new CustomEvent('carence:scenario'));
      loaded.textContent = `Scénario « ${nom} » calculé avec les intentions et affiché (comparez-le au scénario d'origine dans l'onglet Scénarios).`;
      document.body.dataset.amiiCalcule = id;
    } catch (err) {
      C.report(err, 'Le calcul avec les intentions n\'a pas pu être lancé.');
    } finally {
      apply.disabled = false;
    }
  }

  form.addEventListener('submit', upload);
  apply.addEventListener('click', runWithIntentions);
  document.addEventListener('carence:session', showRights);
  document.addEventListener('carence:scenario', showStatus);
  document.getElementById('scenario').addEventListener('change', showStatus);
  showRights();
  showStatus();
}(window.Carence = window.Carence || {}));
