/* "Se connecter": login form, who is connected and with which roles, logout (/api/session).
   The server keeps the identity in its session cookie; this page never stores a password or a
   token. A change of identity changes what the map may show: the layers are rebuilt from fresh
   capabilities (event carence:session). */
(function (C) {
  'use strict';

  const ROLE_LABELS = { PLANNER: 'planificateur', FUNDER: 'financeur', ADMIN: 'administrateur' };

  const openButton = document.getElementById('ouvrir-connexion');
  const form = document.getElementById('connexion');
  const account = document.getElementById('session-compte');
  const who = document.getElementById('session-qui');
  const formError = document.getElementById('connexion-erreur');

  C.session = { login: null, roles: [] };

  /** Roles as the API names them, without Spring's ROLE_ prefix. */
  function normalise(roles) {
    return (roles || []).map((r) => String(r).replace(/^ROLE_/, ''));
  }

  /** ADMIN implies PLANNER and FUNDER, as on the server (role hierarchy). */
  C.hasRole = (role) => C.session.roles.includes(role) || C.session.roles.includes('ADMIN');

  C.roleLabels = () => C.session.roles.map((r) => ROLE_LABELS[r] || r.toLowerCase());

  function render() {
    const connected = !!C.session.login;
    openButton.hidden = connected;
    account.hidden = !connected;
    if (connected) {
      const roles = C.roleLabels();
      who.textContent = `${C.session.login} — ${roles.length ? roles.join(', ') : 'lecture seule'}`;
      form.hidden = true;
    }
    openButton.setAttribute('aria-expanded', String(!form.hidden));
    document.body.dataset.session = C.session.login || 'anonyme';
  }

  /** Applies the server's answer; announces a change of identity to the other panels. */
  function apply(body) {
    const next = { login: body && body.login ? body.login : null, roles: normalise(body && body.roles) };
    const changed = next.login !== C.session.login || next.roles.join() !== C.session.roles.join();
    C.session = next;
    render();
    if (changed) document.dispatchEvent(new CustomEvent('carence:session'));
    return changed;
  }

  /** Who is connected (anonymous when the service has no accounts configured). */
  C.loadSession = async function () {
    try {
      const response = await fetch(C.SESSION_URL, { headers: { Accept: 'application/json' } });
      return apply(response.ok ? await response.json() : null);
    } catch (e) {
      return apply(null);
    }
  };

  function showFormError(text) {
    formError.textContent = text;
    formError.hidden = !text;
  }

  async function login(e) {
    e.preventDefault();
    const login = form.elements.login.value.trim();
    const password = form.elements.motDePasse.value;
    if (!login || !password) { showFormError('Saisissez votre identifiant et votre mot de passe.'); return; }
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    showFormError('');
    try {
      const response = await C.fetch(C.SESSION_URL, {
        method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ login, motDePasse: password })
      }).catch(() => { throw new C.UserError('Connexion impossible : le service Carence ne répond pas.'); });
      if (response.status === 401) {
        showFormError('Identifiant ou mot de passe incorrect.');
        form.elements.motDePasse.value = '';
        form.elements.motDePasse.focus();
        return;
      }
      if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        throw new C.UserError(`Connexion impossible : ${body.message || 'erreur du serveur (' + response.status + ')'}.`);
      }
      form.reset();
      apply(await response.json());
      C.showMessage(`Connecté : ${C.session.login} (${C.roleLabels().join(', ') || 'lecture seule'}).`, 'notice');
    } catch (err) {
      showFormError(err instanceof C.UserError ? err.message : 'Connexion impossible.');
      if (!(err instanceof C.UserError)) console.error(err);
    } finally {
      button.disabled = false;
    }
  }

  async function logout() {
    try {
      await C.request(C.SESSION_URL, 'Déconnexion', { method: 'DELETE' });
    } catch (err) {
      C.report(err, 'La déconnexion a échoué.');
    }
    // Whatever the answer, show what the server now thinks.
    await C.loadSession();
    if (!C.session.login) C.showMessage('Vous êtes déconnecté : seules les couches publiques sont affichées.', 'notice');
  }

  /** Opens the login form (also from the hints of the other panels). */
  C.openLogin = function () {
    form.hidden = false;
    openButton.setAttribute('aria-expanded', 'true');
    form.elements.login.focus();
  };

  openButton.addEventListener('click', () => {
    if (form.hidden) C.openLogin();
    else { form.hidden = true; openButton.setAttribute('aria-expanded', 'false'); }
  });
  document.getElementById('connexion-annuler').addEventListener('click', () => {
    form.reset(); showFormError(''); form.hidden = true; openButton.setAttribute('aria-expanded', 'false');
  });
  form.addEventListener('submit', login);
  document.getElementById('deconnexion').addEventListener('click', logout);
  // A refused request may mean the session expired: re-read who we are.
  document.addEventListener('carence:refus', () => { C.loadSession(); });
  render();
}(window.Carence = window.Carence || {}));
