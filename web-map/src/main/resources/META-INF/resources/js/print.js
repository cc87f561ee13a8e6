/* Printable map: the server draws the current extent and visible layers with its own renderer
   (the dossier's map: same SLD styles as WMS, scale bar, north arrow) into an A4 landscape PDF
   with the title, legend, scale, sources and vintages, date and the planner's comment
   (GET /api/carte/carte.pdf). A print stylesheet could not give a true scale nor the WMS legends. */
(function (C) {
  'use strict';

  const dialog = document.getElementById('impression');
  const form = document.getElementById('form-impression');
  const link = document.getElementById('impression-pdf');

  /** The address of the printed map of what is on screen, with this title and comment. */
  C.printUrl = function (titre, commentaire) {
    const extent = C.view.calculateExtent(C.map.getSize()).map((v) => Math.round(v));
    const params = new URLSearchParams({
      scenario: C.scenario(), bbox: extent.join(','),
      couches: C.visibleLayers().map((l) => (l.style ? `${l.name}:${l.style}` : l.name)).join(','),
      titre: titre || C.MAP_TITLE
    });
    if (commentaire) params.set('commentaire', commentaire);
    if (C.territoire) params.set('territoire', C.territoireText(C.territoire));
    return `api/carte/carte.pdf?${params}`;
  };

  function refresh() {
    link.href = C.printUrl(form.elements.titre.value.trim(), form.elements.commentaire.value.trim());
    const none = !C.visibleLayers().length;
    link.classList.toggle('desactive', none);
    link.setAttribute('aria-disabled', String(none));
  }

  document.getElementById('imprimer-carte').addEventListener('click', () => {
    form.elements.titre.value = form.elements.titre.value || C.MAP_TITLE;
    document.getElementById('impression-resume').textContent = `${C.mapSubtitle()} — ${C.visibleLayers().length} couches affichées, étendue de l'écran.`;
    refresh();
    dialog.hidden = false;
    form.elements.titre.focus();
  });
  form.addEventListener('input', refresh);
  form.addEventListener('submit', (e) => e.preventDefault());
  // Fetched rather than followed: a refusal (bad extent, unknown scenario) is shown in French here,
  // not as a JSON page in a new tab.
  link.addEventListener('click', async (e) => {
    e.preventDefault();
    if (!C.visibleLayers().length) { C.showError('Affichez au moins une couche avant d\'imprimer la carte.'); return; }
    refresh();
    const state = document.getElementById('impression-etat');
    state.textContent = 'Carte en préparation…';
    delete document.body.dataset.carteImprimee;
    try {
      const blob = await (await C.request(link.href, 'Carte imprimable')).blob();
      C.download(blob, `carte-carence_${C.scenario()}.pdf`);
      state.textContent = 'Carte enregistrée (PDF A4 paysage).';
      document.body.dataset.carteImprimee = 'oui';
    } catch (err) {
      state.textContent = '';
      C.report(err, 'La carte imprimable n\'a pas pu être produite.');
    }
  });
  document.getElementById('impression-fermer').addEventListener('click', () => { dialog.hidden = true; });
  dialog.addEventListener('keydown', (e) => { if (e.key === 'Escape') dialog.hidden = true; });
}(window.Carence = window.Carence || {}));
