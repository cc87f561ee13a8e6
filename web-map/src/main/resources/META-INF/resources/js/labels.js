/* Attribute labels: [label, unit, one-line explanation, scale factor]. The result layers' columns
   come from the server's declarations (GET api/scenarios/colonnes, fr.carence.analysis.result.ResultColumns):
   they are merged in by C.loadColumns(). Only the input layers' columns (docs/layers.md) are written here. */
(function (C) {
  'use strict';

  C.LABELS = {
    // Commune and reference layers.
    code: ['Code officiel géographique', '', 'Code de la commune dans le Code officiel géographique de l\'INSEE.'],
    nom: ['Nom', '', ''],
    dep: ['Département', '', 'Code du département.'],
    reg: ['Région', '', 'Code de la région.'],
    epci: ['EPCI (SIREN)', '', 'Intercommunalité de rattachement.'],
    population: ['Population', 'hab.', 'Population municipale (INSEE).'],
    superficie_km2: ['Superficie', 'km²', 'Surface calculée dans la projection légale du territoire.'],
    codes_source: ['Codes d\'origine', '', 'Codes des communes fusionnées dans celle-ci.'],
    taux_ftth: ['Couverture fibre (FttH)', '%', 'Part des locaux raccordables à la fibre (ARCEP).', 100],

    // lieux_existants
    id: ['Identifiant', '', ''],
    type: ['Type', '', 'coworking, télécentre, tiers-lieu.'],
    adresse: ['Adresse', '', ''],
    capacite: ['Capacité', 'places', 'Vide si inconnue (le calcul retient alors la capacité par défaut du scénario, 15 places).'],
    precision: ['Précision de la position', '', ''],
    source: ['Source', '', '']
  };

  /** Merges the result columns declared by the server (one declaration per column). A name the
      input layers share (id, code, nom, population) keeps the input wording above, and the first
      declaration of a name wins, so indicateurs_communes gives the commune-level wording. */
  C.loadColumns = async function () {
    try {
      const layers = await C.requestJson(`${C.API_URL}/colonnes`, 'Libellés des colonnes de résultats');
      const seen = new Set(Object.keys(C.LABELS));
      Object.values(layers).forEach((columns) => columns.forEach((c) => {
        if (seen.has(c.nom)) return;
        seen.add(c.nom);
        C.LABELS[c.nom] = [c.libelle, c.unite, c.definition, c.echelle !== 1 ? c.echelle : undefined];
      }));
    } catch (e) {
      C.report(e, 'Les libellés des colonnes de résultats sont illisibles : les noms bruts sont affichés.');
    }
  };

  // The same column name on another layer: "Code officiel géographique" is said of communes only.
  C.LAYER_LABELS = {
    regions: { code: ['Code de la région', '', 'Code INSEE de la région.'] },
    departements: { code: ['Code du département', '', 'Code INSEE du département.'] },
    massifs: { nom: ['Massif', '', 'Massif de montagne (loi Montagne).'] },
    zones_carence: { nom: ['Nom de la zone', '', 'Nommée par ses lieux : intercommunalité, département ou commune la plus peuplée.'] }
  };
  const spec = (key, layer) => (layer && C.LAYER_LABELS[layer] && C.LAYER_LABELS[layer][key]) || C.LABELS[key];

  /** Label of a column (its own name when unknown), on a given layer when it says otherwise there. */
  C.label = (key, layer) => (spec(key, layer) || [key])[0];
  C.unit = (key) => (C.LABELS[key] || [])[1] || '';
  C.explanation = (key, layer) => C.plainParameters((spec(key, layer) || [])[2] || '');

  /** A scenario parameter named in an explanation ("demande ≥ demande_min") becomes the value the
      scenario shown used, with its unit ("demande ≥ 5 télétravailleurs potentiels"): no code in a
      sentence meant for a reader. Unknown names are left as they are. */
  C.plainParameters = function (text) {
    const specs = C.parameterSpecs ? C.parameterSpecs() : [];
    if (!text || !specs.length) return text;
    const record = C.scenarioRecord ? C.scenarioRecord(C.scenario()) : null;
    return text.replace(/\b[a-z]+(?:_[a-z0-9]+)+\b/g, (name) => {
      const spec = specs.find((p) => p.name === name);
      if (!spec) return name;
      const v = record && record.parametres && record.parametres[name] !== undefined ? record.parametres[name] : spec.defaultValue;
      if (typeof v !== 'number') return `« ${spec.description} »`;
      if (spec.unit === 'part') return `${C.formatNumber(v * 100, 1)} %`;
      return `${C.formatNumber(v, 2)}${spec.unit && spec.unit !== 'niveau' ? ' ' + spec.unit : ''}`;
    }).replace(/\b[a-z]+(?:_[a-z0-9]+)+\b/g, (code) => CODE_WORDS[code] || code);
  };

  // Classes stored as short codes, in words (values and the explanations that list them).
  const CODE_WORDS = {
    non_classee: 'non classée', frr_socle: 'FRR socle', frr_plus: 'FRR+', frr_beneficiaire: 'bénéficiaire FRR',
    frr_partiel: 'FRR partiel', frr_beneficiaire_partiel: 'bénéficiaire FRR partiel', outre_mer: 'outre-mer'
  };

  const NUMBER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
  const INTEGER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

  /** A value as shown to a French reader: booleans as oui/non, numbers with the unit. */
  C.formatValue = function (key, value, withUnit = true) {
    if (value === null || value === undefined || value === '') return '–';
    if (typeof value === 'boolean') return value ? 'oui' : 'non';
    if (typeof value === 'string' && CODE_WORDS[value]) return CODE_WORDS[value];
    if (typeof value === 'number') {
      const spec = C.LABELS[key] || [];
      const scaled = spec[3] ? value * spec[3] : value;
      const text = (Math.abs(scaled) >= 100 ? INTEGER : NUMBER).format(scaled);
      // French singular below 2: "1,5 place / 1 000 télétravailleurs potentiels".
      const unit = spec[1] && Math.abs(scaled) < 2 ? spec[1].replace(/^places\b/, 'place') : spec[1];
      return withUnit && unit ? `${text} ${unit}` : text;
    }
    return String(value);
  };
  C.formatNumber = (n, digits = 0) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: digits }).format(n);

  // action 15's categories (ZRR, replaced by FRR in 2024, is no longer one: it stays a historical column)
  C.FRAGILITY_FLAGS = ['rural', 'montagne', 'qpv', 'outre_mer'];
  C.FRAGILITY_SHORT = { rural: 'Espace rural', montagne: 'Montagne', qpv: 'QPV', outre_mer: 'Outre-mer' };
}(window.Carence = window.Carence || {}));
