/* Attribute labels: [label, unit, one-line explanation, scale factor]. The explanations follow
   docs/analysis.md (columns of the result layers) and docs/layers.md (input layers). */
(function (C) {
  'use strict';

  const FRAGILITE = {
    rural: ['Commune rurale', '', 'Niveau de densité INSEE de 5 à 7 par défaut (bourgs ruraux, rural à habitat dispersé ou très dispersé).'],
    zrr: ['Zone de revitalisation rurale', '', 'Commune classée en ZRR.'],
    montagne: ['Zone de montagne', '', 'Commune classée en zone de montagne (loi Montagne).'],
    massif: ['Massif', '', 'Massif de montagne de la commune.'],
    qpv: ['Quartier prioritaire (QPV)', '', 'La commune contient au moins un quartier prioritaire de la politique de la ville.'],
    outre_mer: ['Outre-mer', '', 'Commune d\'un département ou d\'une collectivité d\'outre-mer.']
  };

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
    scenario: ['Scénario', '', 'Identifiant du scénario de calcul.'],

    // indicateurs_communes: every intermediate value of the analysis (docs/analysis.md).
    flux_modelise: ['Flux modélisés', '', 'Oui : flux domicile-travail estimés par le modèle de radiation faute de flux INSEE suffisants.'],
    navetteurs_sortants: ['Navetteurs sortants', 'pers.', 'Actifs travaillant dans une autre commune que celle où ils résident.'],
    navetteurs_eligibles: ['Navetteurs éligibles', 'pers.', 'Navetteurs sortants dont le trajet est compris entre les distances minimale et maximale du scénario (15 et 200 km par défaut).'],
    demande: ['Demande potentielle', 'télétravailleurs', 'Navetteurs éligibles × part des emplois télétravaillables.'],
    distance_moyenne_km: ['Distance moyenne domicile-travail', 'km', 'Distance à vol d\'oiseau moyenne des navetteurs éligibles.'],
    part_longue_distance: ['Part longue distance', '%', 'Navetteurs éligibles / navetteurs sortants.', 100],
    accessibilite: ['Accessibilité aux lieux', 'places / 1 000 télétravailleurs potentiels', 'Places de lieux de télétravail accessibles pour 1 000 télétravailleurs potentiels, pondérées par le temps de trajet (méthode 2SFCA).'],
    temps_lieu_proche_min: ['Temps vers le lieu le plus proche', 'min', 'Temps de trajet estimé vers le lieu de télétravail existant le plus proche.'],
    taux_thd: ['Couverture fibre (FttH)', '%', 'Part des locaux raccordables à la fibre (ARCEP, T1 2018).', 100],
    taux_ftth: ['Couverture fibre (FttH)', '%', 'Part des locaux raccordables à la fibre (ARCEP).', 100],
    eligible_thd: ['Éligible très haut débit', '', 'Couverture fibre au moins égale au seuil du scénario : la commune peut accueillir un site candidat.'],
    niveau_densite: ['Niveau de densité (1 à 7)', '', 'Grille communale de densité INSEE (1 = grands centres urbains, 7 = rural très dispersé).'],
    rural: FRAGILITE.rural, zrr: FRAGILITE.zrr, montagne: FRAGILITE.montagne, massif: FRAGILITE.massif,
    qpv: FRAGILITE.qpv, outre_mer: FRAGILITE.outre_mer,
    poids_fragilite: ['Poids de fragilité', '', 'Somme des poids des fragilités de la commune (0 = non fragile).'],
    fragile: ['Territoire fragile', '', 'Au moins une fragilité (poids de fragilité > 0).'],
    carence: ['En carence', '', 'Territoire fragile, demande au moins égale au minimum du scénario et accessibilité sous le seuil.'],
    score_carence: ['Score de carence', '', 'Demande × poids de fragilité × (1 − accessibilité / seuil).'],
    zone_id: ['Zone de carence', '', 'Identifiant de la zone (communes en carence contiguës).'],
    site_candidat: ['Site candidat possible', '', 'Couverte par la fibre et à portée d\'au moins une commune en carence.'],
    site_retenu: ['Site retenu', '', 'La commune accueille un des sites choisis par l\'optimisation.'],
    site_desservant: ['Site desservant', '', 'Site retenu le plus proche qui dessert cette commune.'],

    // zones_carence
    rang: ['Rang', '', 'Classement (1 = le plus prioritaire).'],
    nb_communes: ['Communes', '', 'Nombre de communes de la zone.'],
    score: ['Score', '', 'Somme des scores de carence des communes.'],
    demande_couverte: ['Demande couverte', 'télétravailleurs', 'Demande des communes en carence desservies par les sites retenus.'],
    nb_rural: ['Communes rurales', '', ''], nb_zrr: ['Communes en ZRR', '', ''], nb_montagne: ['Communes de montagne', '', ''],
    nb_qpv: ['Communes avec QPV', '', ''], nb_outre_mer: ['Communes d\'outre-mer', '', ''],
    massifs: ['Massifs', '', ''], nb_flux_modelises: ['Communes à flux modélisés', '', 'Communes dont les flux viennent du modèle de radiation.'],
    codes_communes: ['Codes des communes', '', ''],

    // sites_candidats
    code_commune: ['Commune (code)', '', 'Commune d\'implantation.'],
    nom_commune: ['Commune', '', 'Commune d\'implantation.'],
    communes_couvertes: ['Communes couvertes', '', 'Communes en carence à portée du site (30 minutes de trajet par défaut).'],
    km_evites_semaine: ['Km évités par semaine', 'km', 'Trajets routiers évités par les télétravailleurs desservis.'],
    km_evites_an: ['Km évités par an', 'km', 'Km par semaine × semaines travaillées.'],
    heures_gagnees_an: ['Heures gagnées par an', 'h', 'Km évités ÷ vitesse.'],
    litres_carburant_an: ['Carburant économisé par an', 'L', 'Km évités × consommation.'],
    kg_co2e_an: ['CO₂ évité par an', 't CO₂e', 'Km évités × facteur d\'émission d\'une voiture (ADEME).', 0.001],
    methode: ['Méthode d\'optimisation', '', 'exacte (solveur) ou gloutonne.'],
    ecart_optimalite: ['Écart à l\'optimum', '%', '0 = solution optimale prouvée.', 100],

    // lieux_existants
    id: ['Identifiant', '', ''],
    type: ['Type', '', 'coworking, télécentre, tiers-lieu.'],
    adresse: ['Adresse', '', ''],
    capacite: ['Capacité', 'places', 'Vide si inconnue (le calcul retient alors la capacité par défaut du scénario, 15 places).'],
    precision: ['Précision de la position', '', ''],
    source: ['Source', '', ''],

    // flux_od
    code_residence: ['Commune de résidence', '', ''], code_travail: ['Commune de travail', '', ''],
    navetteurs: ['Navetteurs', 'pers.', ''], navetteurs_voiture: ['Navetteurs en voiture', 'pers.', ''],
    distance_km: ['Distance', 'km', 'À vol d\'oiseau entre les points intérieurs.'], modelise: ['Modélisé', '', 'Flux estimé par le modèle de radiation.']
  };

  /** Label of a column (its own name when unknown). */
  C.label = (key) => (C.LABELS[key] || [key])[0];
  C.unit = (key) => (C.LABELS[key] || [])[1] || '';
  C.explanation = (key) => (C.LABELS[key] || [])[2] || '';

  const NUMBER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
  const INTEGER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

  /** A value as shown to a French reader: booleans as oui/non, numbers with the unit. */
  C.formatValue = function (key, value, withUnit = true) {
    if (value === null || value === undefined || value === '') return '–';
    if (typeof value === 'boolean') return value ? 'oui' : 'non';
    if (typeof value === 'number') {
      const spec = C.LABELS[key] || [];
      const scaled = spec[3] ? value * spec[3] : value;
      const text = (Math.abs(scaled) >= 100 ? INTEGER : NUMBER).format(scaled);
      return withUnit && spec[1] ? `${text} ${spec[1]}` : text;
    }
    return String(value);
  };
  C.formatNumber = (n, digits = 0) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: digits }).format(n);

  C.FRAGILITY_FLAGS = ['rural', 'zrr', 'montagne', 'qpv', 'outre_mer'];
  C.FRAGILITY_SHORT = { rural: 'Rural', zrr: 'ZRR', montagne: 'Montagne', qpv: 'QPV', outre_mer: 'Outre-mer' };
}(window.Carence = window.Carence || {}));
