/* Carence web map, shared core: projections, the map, plain-French errors, HTTP helpers.
   The map reads only Carence's endpoints (WMS, WFS, /api/scenarios, /api/session). The identity
   travels in the session cookie only: no credential is ever kept by this code. */
(function (C) {
  'use strict';

  // The view is in Lambert-93, the users' CRS.
  proj4.defs('EPSG:2154', '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs');
  ol.proj.proj4.register(proj4);
  C.L93 = ol.proj.get('EPSG:2154');
  C.L93.setExtent([-378305.81, 6093283.21, 1212610.74, 7186901.68]);

  C.WMS_URL = 'wms';
  C.WFS_URL = 'wfs';
  C.API_URL = 'api/scenarios';
  C.SESSION_URL = 'api/session';
  /** The server's default scenario (fr.carence.store.ScenarioIds.DEFAULT_ID): shown when none is chosen. */
  C.DEFAULT_SCENARIO = 'defaut';

  // ----- CSRF: unsafe requests authenticated by the session cookie echo the XSRF-TOKEN cookie. -----
  const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

  C.csrfToken = function () {
    const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
    return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : null;
  };

  /** fetch() adding the X-XSRF-TOKEN header to unsafe methods; the server (re)issues the cookie
      on GET /api/session, so it is asked first when the cookie is missing (first visit, after login). */
  C.fetch = async function (url, options = {}) {
    const method = (options.method || 'GET').toUpperCase();
    if (!UNSAFE.has(method)) return fetch(url, options);
    const send = async () => {
      if (!C.csrfToken()) await fetch(C.SESSION_URL, { headers: { Accept: 'application/json' } }).catch(() => null);
      const headers = new Headers(options.headers || {});
      const token = C.csrfToken();
      if (token) headers.set('X-XSRF-TOKEN', token);
      return { token, response: await fetch(url, Object.assign({}, options, { headers })) };
    };
    const first = await send();
    // A 403 with a token the server has replaced meanwhile (it rotates it at login): once more.
    if (first.response.status === 403 && C.csrfToken() !== first.token) return (await send()).response;
    return first.response;
  };

  /** Shows a message to the user; errors stay until closed, notices fade. */
  C.showMessage = function (text, kind = 'erreur') {
    const box = document.getElementById('message');
    box.querySelector('.texte').textContent = text;
    box.className = kind;
    box.hidden = false;
    clearTimeout(C.showMessage.timer);
    if (kind !== 'erreur') C.showMessage.timer = setTimeout(() => { box.hidden = true; }, 6000);
  };
  C.showError = (text) => C.showMessage(text, 'erreur');
  document.querySelector('#message .fermer').addEventListener('click', () => { document.getElementById('message').hidden = true; });

  /** An error whose message is already plain French, fit to show as is. */
  class UserError extends Error {}
  C.UserError = UserError;

  /** The reason of a 401 / 403 in plain French (the API's own sentence comes after it). */
  C.refusal = (status) => (status === 401
    ? 'connexion nécessaire (vous n\'êtes pas connecté ou votre session a expiré) — utilisez « Se connecter » en haut de la page'
    : 'action non autorisée pour votre compte');

  /** fetch() whose failures become French sentences naming what failed. */
  C.request = async function (url, what, options) {
    let response;
    try {
      response = await C.fetch(url, options);
    } catch (e) {
      throw new UserError(`${what} : le service Carence ne répond pas (serveur arrêté ou réseau coupé).`);
    }
    if (!response.ok) {
      let detail = '';
      try {
        const type = response.headers.get('Content-Type') || '';
        if (type.includes('json')) {
          const body = await response.json();
          detail = body.message || '';
        } else {
          const text = await response.text();
          const m = text.match(/<(?:ows:)?ExceptionText>([^<]*)</) || text.match(/<ServiceException[^>]*>([^<]*)</);
          detail = m ? m[1].trim() : '';
        }
      } catch (e) { /* keep the status line only */ }
      if (response.status === 401 || response.status === 403) {
        // The session may have ended meanwhile: let the session control catch up.
        document.dispatchEvent(new CustomEvent('carence:refus', { detail: response.status }));
        throw new UserError(`${what} : ${C.refusal(response.status)}${detail ? ' (' + detail.replace(/\.$/, '') + ')' : ''}.`);
      }
      throw new UserError(`${what} : erreur du serveur (${response.status})${detail ? ' — ' + detail : ''}.`);
    }
    return response;
  };
  C.requestJson = async (url, what, options) => (await C.request(url, what, options)).json();

  /** Reports an error of any kind to the user: ours as written, others generically. */
  C.report = function (error, fallback) {
    C.showError(error instanceof UserError ? error.message : fallback);
    if (!(error instanceof UserError)) console.error(error);
  };

  C.wfsUrl = function (params) {
    return `${C.WFS_URL}?${new URLSearchParams(Object.assign({ SERVICE: 'WFS', VERSION: '2.0.0', REQUEST: 'GetFeature' }, params))}`;
  };

  C.escapeXml = (s) => String(s).replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' }[c]));

  /** The current scenario of the result layers (the scenario selector). */
  C.scenario = () => document.getElementById('scenario').value || C.DEFAULT_SCENARIO;

  // minZoom 1 (about 3.1 km a pixel): even a 4K window stays under the WMS map-area limit
  // (carence.ogc.max-bbox-area-km2), so zooming out never turns the layers into errors.
  C.view = new ol.View({ projection: C.L93, center: [600000, 6250000], zoom: 6, minZoom: 1, maxZoom: 18 });
  C.map = new ol.Map({
    target: 'carte', view: C.view,
    controls: ol.control.defaults.defaults({ attributionOptions: { collapsible: true } })
      .extend([new ol.control.ScaleLine({ units: 'metric' })])
  });

  // Finished renders are counted on <body> so that tests (and scripts) can wait for the tiles.
  C.map.on('rendercomplete', () => { document.body.dataset.rendus = String(Number(document.body.dataset.rendus || 0) + 1); });

  // Coordinates under the pointer, in Lambert-93 and WGS 84.
  const fmt = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
  C.map.on('pointermove', (e) => {
    const [x, y] = e.coordinate;
    const [lon, lat] = ol.proj.toLonLat(e.coordinate, C.L93);
    document.getElementById('coord-l93').textContent = `Lambert-93 : ${fmt.format(x)} m E, ${fmt.format(y)} m N`;
    document.getElementById('coord-wgs84').textContent = `WGS 84 : ${lat.toFixed(5)}° N, ${lon.toFixed(5)}° E`;
  });

  /** Highlight overlay (search result, selected site, compared communes). */
  C.highlight = new ol.source.Vector();
  C.map.addLayer(new ol.layer.Vector({
    source: C.highlight, zIndex: 100,
    style: (f) => {
      const colour = f.get('couleur') || '#000091';
      return new ol.style.Style({
        stroke: new ol.style.Stroke({ color: colour, width: 3 }),
        fill: new ol.style.Fill({ color: f.get('remplissage') || 'rgba(0,0,145,0.05)' }),
        image: new ol.style.Circle({ radius: 9, stroke: new ol.style.Stroke({ color: colour, width: 3 }), fill: new ol.style.Fill({ color: 'rgba(255,255,255,0.4)' }) })
      });
    }
  }));

  C.geojson = new ol.format.GeoJSON({ dataProjection: C.L93, featureProjection: C.L93 });

  // ----- Exports for French spreadsheets (the sites and the zones tables) -----
  /** A CSV cell for French Excel: decimal comma, quoted when it holds a separator; empty when absent. */
  C.csvCell = function (v) {
    if (v === null || v === undefined) return '';
    const s = typeof v === 'number' ? String(Math.round(v * 100) / 100).replace('.', ',') : String(v);
    return /[";\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  /** A table in CSV: semicolons, CRLF and a BOM so that French spreadsheets open it in UTF-8. */
  C.csvText = (header, rows) => '\ufeff' + [header.join(';'), ...rows.map((r) => r.map(C.csvCell).join(';'))].join('\r\n') + '\r\n';

  /** Saves a blob under a file name (through a temporary link). */
  C.download = function (blob, name) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  };
}(window.Carence = window.Carence || {}));
