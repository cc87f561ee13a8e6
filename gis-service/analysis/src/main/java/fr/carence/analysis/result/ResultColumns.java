package fr.carence.analysis.result;

import static fr.carence.analysis.result.ResultColumn.of;
import static fr.carence.store.LayerSchema.AttributeType.BOOLEAN;
import static fr.carence.store.LayerSchema.AttributeType.DOUBLE;
import static fr.carence.store.LayerSchema.AttributeType.INTEGER;
import static fr.carence.store.LayerSchema.AttributeType.STRING;

import fr.carence.analysis.result.ResultRows.CommuneRow;
import fr.carence.analysis.result.ResultRows.FlowRow;
import fr.carence.analysis.result.ResultRows.ResidualZoneRow;
import fr.carence.analysis.result.ResultRows.Run;
import fr.carence.analysis.result.ResultRows.SiteRow;
import fr.carence.analysis.result.ResultRows.ZoneRow;
import fr.carence.analysis.step.RobustnessAnalysis;
import fr.carence.analysis.store.ResultLayers;
import fr.carence.crs.LegalCrs;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerSchema.GeometryType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;

/**
 * Every published column of the five result layers, declared once (name, type, unit, label,
 * definition, source, extractor). A new indicator is its step plus one line here: the schemas
 * ({@link ResultLayers}), the writer, {@code GET /api/scenarios/colonnes} (read by the web map)
 * and the table of docs/layers.md ({@code ResultColumnsDocTest}) follow.
 */
public final class ResultColumns {
    private static final GeometryFactory GF = new GeometryFactory();

    private static final String ETAPE_1 = "calcul : étape 1, demande (docs/analysis.md)";
    private static final String ETAPE_2 = "calcul : étape 2, flux INSEE ou modèle de radiation (docs/analysis.md)";
    private static final String ETAPE_3 = "calcul : étape 3, accessibilité 2SFCA (docs/analysis.md)";
    private static final String ETAPE_4 = "calcul : étape 4, filtre très haut débit (docs/analysis.md)";
    private static final String ETAPE_5 = "calcul : étape 5, fragilité (docs/analysis.md)";
    private static final String ETAPE_6 = "calcul : étape 6, carence et zones (docs/analysis.md)";
    private static final String ETAPE_6B = "calcul : robustesse, tirages des paramètres incertains (docs/analysis.md)";
    private static final String ETAPE_7 = "calcul : étape 7, choix des sites (docs/analysis.md)";
    private static final String ETAPE_8 = "calcul : étape 8, impact (docs/analysis.md)";
    private static final String COG = "INSEE, code officiel géographique (couche communes)";
    private static final String ARCEP = "ARCEP, couverture FttH par commune (couche couverture_thd)";

    public static final ResultTable<CommuneRow> INDICATEURS = new ResultTable<>(ResultLayers.INDICATEURS,
            GeometryType.MULTIPOLYGON, row -> multiPolygon(row.commune().geometry()), List.of(
            ResultColumn.<CommuneRow>of("id", STRING, "Identifiant", row -> row.run().scenario() + ":" + row.commune().code())
                    .definition("scénario:code INSEE.").source("calcul"),
            scenario(CommuneRow::run),
            ResultColumn.<CommuneRow>of("code", STRING, "Code INSEE", row -> row.commune().code())
                    .definition("Code officiel géographique de la commune.").source(COG),
            ResultColumn.<CommuneRow>of("nom", STRING, "Nom", row -> row.commune().nom()).optional()
                    .definition("Nom de la commune.").source(COG),
            ResultColumn.<CommuneRow>of("population", DOUBLE, "Population", row -> row.commune().population())
                    .unit("hab.").definition("Population municipale.").source("INSEE, populations légales (couche communes)"),
            ResultColumn.<CommuneRow>of("flux_modelise", BOOLEAN, "Flux modélisés", row -> row.run().r().modelledFlows()[row.i()])
                    .definition("Oui : flux domicile-travail estimés par le modèle de radiation faute de flux INSEE suffisants.")
                    .source(ETAPE_2),
            ResultColumn.<CommuneRow>of("navetteurs_sortants", DOUBLE, "Navetteurs sortants",
                            row -> row.run().r().demand().outboundCommuters()[row.i()])
                    .unit("pers.").definition("Actifs travaillant dans une autre commune que celle où ils résident.")
                    .source("INSEE MOBPRO ou modèle de radiation (étape 2)"),
            ResultColumn.<CommuneRow>of("navetteurs_eligibles", DOUBLE, "Navetteurs éligibles",
                            row -> row.run().r().demand().eligibleCommuters()[row.i()])
                    .unit("pers.").definition("Navetteurs sortants dont le trajet est entre distance_min_km et distance_max_km.")
                    .source(ETAPE_1),
            ResultColumn.<CommuneRow>of("demande", DOUBLE, "Demande potentielle", row -> row.run().r().demand().demand()[row.i()])
                    .unit("télétravailleurs").definition("Navetteurs éligibles × part des emplois télétravaillables.")
                    .source(ETAPE_1),
            ResultColumn.<CommuneRow>of("distance_moyenne_km", DOUBLE, "Distance moyenne domicile-travail",
                            row -> row.run().r().demand().meanEligibleKm()[row.i()]).optional()
                    .unit("km").definition("Distance à vol d'oiseau moyenne des navetteurs éligibles.").source(ETAPE_1),
            ResultColumn.<CommuneRow>of("part_longue_distance", DOUBLE, "Part longue distance",
                            row -> row.run().r().demand().longDistanceShare()[row.i()]).optional().percent()
                    .definition("Navetteurs éligibles / navetteurs sortants.").source(ETAPE_1),
            ResultColumn.<CommuneRow>of("accessibilite", DOUBLE, "Accessibilité aux lieux",
                            row -> row.run().r().access().accessibility()[row.i()])
                    .unit("places / 1 000 télétravailleurs potentiels")
                    .definition("Indice 2SFCA : places de travail accessibles dans le bassin, pondérées par la distance-temps.")
                    .source(ETAPE_3),
            ResultColumn.<CommuneRow>of("temps_lieu_proche_min", DOUBLE, "Temps vers le lieu le plus proche",
                            row -> row.run().r().access().nearestVenueMinutes()[row.i()]).optional()
                    .unit("min").definition("Temps de trajet estimé vers le lieu de télétravail existant le plus proche.")
                    .source(ETAPE_3),
            ResultColumn.<CommuneRow>of("taux_thd", DOUBLE, "Couverture fibre (FttH)",
                            row -> row.run().in().ftthCoverage()[row.i()]).optional().percent()
                    .definition("Part des locaux raccordables à la fibre.").source(ARCEP),
            ResultColumn.<CommuneRow>of("eligible_thd", BOOLEAN, "Éligible très haut débit", row -> row.run().r().broadbandOk()[row.i()])
                    .definition("Couverture fibre ≥ seuil_thd : la commune peut accueillir un site candidat.").source(ETAPE_4),
            ResultColumn.<CommuneRow>of("niveau_densite", INTEGER, "Niveau de densité (1 à 7)",
                            row -> row.run().in().densityLevel()[row.i()] == 0 ? null : row.run().in().densityLevel()[row.i()])
                    .optional().definition("Grille communale de densité (1 = grands centres urbains, 7 = rural très dispersé).")
                    .source("INSEE, grille communale de densité (couche grille_densite)"),
            ResultColumn.<CommuneRow>of("rural", BOOLEAN, "Espace rural", row -> row.run().r().fragility().rural()[row.i()])
                    .definition("Catégorie « espaces ruraux » : niveau de densité ≥ niveau_densite_rural_min ou commune classée "
                            + "FRR (socle, FRR+, partiellement).").source(ETAPE_5),
            ResultColumn.<CommuneRow>of("frr", STRING, "Classement FRR", row -> row.run().in().territory().frr()[row.i()])
                    .optional().definition("France Ruralités Revitalisation : non_classee, frr_socle, frr_plus, frr_beneficiaire, "
                            + "frr_partiel, frr_beneficiaire_partiel.").source("DGCL/ANCT, classement FRR (couche frr)"),
            ResultColumn.<CommuneRow>of("zrr", BOOLEAN, "Zone de revitalisation rurale (historique)", row -> row.run().in().zrr()[row.i()])
                    .definition("Commune classée en ZRR 2018 (dispositif remplacé par FRR le 1er juillet 2024 ; signalé, "
                            + "non utilisé par la méthode).").source("classement ZRR 2018 (couche zrr)"),
            ResultColumn.<CommuneRow>of("montagne", BOOLEAN, "Zone de montagne", row -> row.run().in().massif()[row.i()] != null)
                    .definition("Commune classée en zone de montagne (loi Montagne).").source("ANCT, zone de montagne (couche zone_montagne)"),
            ResultColumn.<CommuneRow>of("massif", STRING, "Massif", row -> row.run().in().massif()[row.i()]).optional()
                    .definition("Massif de montagne de la commune.").source("ANCT, zone de montagne (couche zone_montagne)"),
            ResultColumn.<CommuneRow>of("qpv", BOOLEAN, "Quartier prioritaire (QPV)", row -> row.run().in().qpv()[row.i()])
                    .definition("La commune contient au moins un quartier prioritaire de la politique de la ville (signalé ; "
                            + "seul, il ne rend pas la commune fragile).")
                    .source("ANCT, quartiers prioritaires (couches qpv_communes et qpv_perimetres)"),
            ResultColumn.<CommuneRow>of("qpv_perimetre", BOOLEAN, "Périmètre QPV chargé",
                            row -> row.run().in().territory().qpvPerimeter()[row.i()] != null)
                    .definition("Le périmètre d'au moins un QPV de la commune est chargé : le quartier est évalué à part.")
                    .source("ANCT, contours des QPV (couche qpv_perimetres)"),
            ResultColumn.<CommuneRow>of("demande_qpv", DOUBLE, "Demande des quartiers prioritaires",
                            row -> row.run().r().study().quartierDemand()[row.i()]).optional()
                    .unit("télétravailleurs").definition("Demande de la commune × part de sa surface couverte par ses QPV "
                            + "(seule mesure chargée), quand le quartier est évalué à part.").source(ETAPE_6),
            ResultColumn.<CommuneRow>of("accessibilite_qpv", DOUBLE, "Accessibilité au quartier prioritaire",
                            row -> row.run().r().study().quartierAccess()[row.i()]).optional()
                    .unit("places / 1 000 télétravailleurs potentiels").definition("Indice 2SFCA au point intérieur des QPV de la commune.")
                    .source(ETAPE_3),
            ResultColumn.<CommuneRow>of("outre_mer", BOOLEAN, "Outre-mer", row -> LegalCrs.isOverseas(row.commune().code()))
                    .definition("Commune d'un département ou d'une collectivité d'outre-mer.").source("code INSEE de la commune"),
            ResultColumn.<CommuneRow>of("poids_fragilite", DOUBLE, "Poids de fragilité", row -> row.run().r().fragility().weight()[row.i()])
                    .definition("1 quand la commune (ou son quartier prioritaire) relève d'une catégorie visée, comptée une "
                            + "seule fois ; 0 sinon.").source(ETAPE_5),
            ResultColumn.<CommuneRow>of("fragile", BOOLEAN, "Territoire fragile", row -> row.run().r().fragility().fragile()[row.i()])
                    .definition("La commune entière relève d'au moins une catégorie du profil d'appel (espaces ruraux, zones "
                            + "de massifs, outre-mer).").source(ETAPE_5),
            ResultColumn.<CommuneRow>of("categories_fragilite", STRING, "Catégories de fragilité",
                            row -> emptyToNull(row.run().r().fragility().categories()[row.i()])).optional()
                    .definition("Catégories de l'action 15 visées par le profil d'appel et présentes (séparées par des virgules).")
                    .source(ETAPE_5),
            ResultColumn.<CommuneRow>of("part_teletravaillable", DOUBLE, "Part télétravaillable",
                            row -> row.run().r().study().teleworkShare()[row.i()]).percent()
                    .definition("Part des emplois compatibles avec le télétravail appliquée à la commune.").source(ETAPE_1),
            ResultColumn.<CommuneRow>of("source_part_teletravaillable", STRING, "Source de la part télétravaillable",
                            row -> row.run().r().study().teleworkSource()[row.i()])
                    .definition("FD_MOBPRO par catégorie socioprofessionnelle, table régionale ou valeur nationale.")
                    .source(ETAPE_1),
            ResultColumn.<CommuneRow>of("statut_etude", STRING, "Statut dans l'étude", row -> row.run().r().study().status()[row.i()])
                    .definition("hors périmètre ; carence non établie : inventaire des lieux absent ; établi (couverture THD "
                            + "inconnue ou non).").source("calcul : périmètre d'étude et couverture de l'inventaire (couche lieux_couverture)"),
            ResultColumn.<CommuneRow>of("carence", BOOLEAN, "En carence", row -> row.run().r().carence()[row.i()])
                    .definition("Fragile (ou quartier prioritaire évalué à part), statut établi, demande ≥ demande_min et "
                            + "accessibilité sous le seuil.").source(ETAPE_6),
            ResultColumn.<CommuneRow>of("score_carence", DOUBLE, "Score de carence", row -> row.run().r().carenceScore()[row.i()])
                    .unit("points").definition("Demande (celle du quartier s'il est évalué à part) × (1 − accessibilité / seuil).").source(ETAPE_6),
            ResultColumn.<CommuneRow>of("part_carence_robustesse", DOUBLE, "Part des tirages en carence",
                            row -> robustness(row.run()) == null ? null : robustness(row.run()).communeShare()[row.i()])
                    .optional().percent().definition("Part des tirages de robustesse où la commune est en carence "
                            + "(vide sans analyse de robustesse).").source(ETAPE_6B),
            ResultColumn.<CommuneRow>of("classe_robustesse", STRING, "Robustesse de la carence",
                            row -> robustness(row.run()) == null ? null
                                    : RobustnessAnalysis.classe(robustness(row.run()).communeShare()[row.i()]))
                    .optional().definition("robuste (≥ 80 % des tirages), probable (50–80 %), sensible (< 50 %) ; "
                            + "vide si jamais en carence.").source(ETAPE_6B),
            ResultColumn.<CommuneRow>of("zone_id", STRING, "Zone de carence", row -> row.run().zoneIdOf(row.i())).optional()
                    .definition("Identifiant de la zone (scénario:code_zone).").source(ETAPE_6),
            ResultColumn.<CommuneRow>of("site_candidat", BOOLEAN, "Site candidat possible", row -> row.run().candidate()[row.i()])
                    .readableBy(ColumnReaders.FUNDERS).definition("Éligible THD et à portée d'au moins une commune en carence.").source(ETAPE_7),
            ResultColumn.<CommuneRow>of("site_retenu", BOOLEAN, "Site retenu", row -> row.run().chosen()[row.i()])
                    .readableBy(ColumnReaders.FUNDERS).definition("La commune accueille un des sites choisis par l'optimisation.").source(ETAPE_7),
            ResultColumn.<CommuneRow>of("site_desservant", STRING, "Site desservant",
                            row -> row.run().r().servedBy()[row.i()] == 0 ? null
                                    : siteId(row.run().scenario(), row.run().r().servedBy()[row.i()])).optional()
                    .readableBy(ColumnReaders.FUNDERS).definition("Site retenu le plus proche qui dessert cette commune (scénario:site-rang).").source(ETAPE_8)));

    public static final ResultTable<ZoneRow> ZONES = new ResultTable<>(ResultLayers.ZONES, GeometryType.MULTIPOLYGON,
            row -> multiPolygon(row.zone().geometry()), List.of(
            ResultColumn.<ZoneRow>of("id", STRING, "Identifiant", row -> zoneId(row.run().scenario(), row.code()))
                    .definition("scénario:code_zone.").source(ETAPE_6),
            scenario(ZoneRow::run),
            ResultColumn.<ZoneRow>of("code_zone", STRING, "Code de la zone", ZoneRow::code)
                    .definition("Code stable tiré du contenu (epci-SIREN, departement-code, qpv-code du quartier, "
                            + "grappe-empreinte des codes communes ou QPV) : le même dans tous les scénarios.").source(ETAPE_6),
            ResultColumn.<ZoneRow>of("nom", STRING, "Nom de la zone", ZoneRow::nom)
                    .definition("Nom de l'EPCI ou du département, ou commune la plus peuplée de la grappe et son EPCI "
                            + "(« Quartier nom du QPV (commune) » pour un quartier évalué à part).")
                    .source("INSEE COG, EPCI et contours des QPV (couches communes, epci, departements_insee, qpv_perimetres)"),
            ResultColumn.<ZoneRow>of("unite", STRING, "Unité de zonage",
                            ResultColumns::unitOf)
                    .definition("grappe (communes contiguës), epci, departement ou commune (sans EPCI ni département connu).")
                    .source("paramètre unite_zonage"),
            ResultColumn.<ZoneRow>of("rang", INTEGER, "Rang", row -> row.zone().rank())
                    .definition("Classement par score décroissant dans ce scénario (1 = le plus prioritaire) ; "
                            + "ne pas citer à la place du code.").source(ETAPE_6),
            ResultColumn.<ZoneRow>of("nb_communes", INTEGER, "Communes", row -> row.zone().members().size())
                    .unit("communes").definition("Nombre de communes de la zone.").source(ETAPE_6),
            ResultColumn.<ZoneRow>of("population", DOUBLE, "Population", ZoneRow::population)
                    .unit("hab.").definition("Population municipale totale des communes de la zone.")
                    .source("INSEE, populations légales (couche communes)"),
            ResultColumn.<ZoneRow>of("demande", DOUBLE, "Demande potentielle", ZoneRow::demand)
                    .unit("télétravailleurs").definition("Somme des demandes des communes de la zone (celle du quartier pour "
                            + "un QPV évalué à part).").source(ETAPE_1),
            ResultColumn.<ZoneRow>of("score", DOUBLE, "Score", row -> row.zone().score())
                    .unit("points").definition("Somme des scores de carence des communes.").source(ETAPE_6),
            ResultColumn.<ZoneRow>of("demande_couverte", DOUBLE, "Demande couverte", ZoneRow::covered).readableBy(ColumnReaders.FUNDERS)
                    .unit("télétravailleurs").definition("Demande des communes de la zone desservies par les sites retenus.")
                    .source(ETAPE_8),
            ResultColumn.<ZoneRow>of("part_carence_robustesse", DOUBLE, "Part des tirages en carence",
                            row -> robustness(row.run()) == null ? null
                                    : robustness(row.run()).zoneShare()[row.zone().rank() - 1])
                    .optional().percent().definition("Part des tirages de robustesse où au moins la moitié de la demande "
                            + "de la zone reste en carence (vide sans analyse de robustesse).").source(ETAPE_6B),
            ResultColumn.<ZoneRow>of("classe_robustesse", STRING, "Robustesse de la carence",
                            row -> robustness(row.run()) == null ? null
                                    : RobustnessAnalysis.classe(robustness(row.run()).zoneShare()[row.zone().rank() - 1]))
                    .optional().definition("robuste (≥ 80 % des tirages), probable (50–80 %), sensible (< 50 %).")
                    .source(ETAPE_6B),
            ResultColumn.<ZoneRow>of("nb_quartiers_qpv", INTEGER, "Quartiers prioritaires évalués à part",
                            row -> (int) row.zone().members().stream().filter(i -> row.run().r().fragility().quartier()[i]).count())
                    .definition("Membres de la zone retenus par leur quartier prioritaire (demande et accessibilité du quartier) "
                            + "et non comme commune entière.").source(ETAPE_6),
            ResultColumn.<ZoneRow>of("nb_rural", INTEGER, "Communes rurales", ZoneRow::rural)
                    .definition("Communes de la zone relevant des espaces ruraux (densité ou FRR).").source(ETAPE_5),
            ResultColumn.<ZoneRow>of("nb_zrr", INTEGER, "Communes en ZRR (historique)", ZoneRow::zrr)
                    .definition("Communes de la zone classées en ZRR 2018 (signalé, non utilisé).").source("classement ZRR 2018 (couche zrr)"),
            ResultColumn.<ZoneRow>of("nb_montagne", INTEGER, "Communes de montagne", ZoneRow::mountain)
                    .definition("Communes de la zone en zone de montagne.").source("ANCT, zone de montagne (couche zone_montagne)"),
            ResultColumn.<ZoneRow>of("nb_qpv", INTEGER, "Communes avec QPV", ZoneRow::qpv)
                    .definition("Communes de la zone contenant un quartier prioritaire.")
                    .source("ANCT, quartiers prioritaires (couche qpv_communes)"),
            ResultColumn.<ZoneRow>of("nb_outre_mer", INTEGER, "Communes d'outre-mer", ZoneRow::overseas)
                    .definition("Communes de la zone situées outre-mer.").source("code INSEE de la commune"),
            ResultColumn.<ZoneRow>of("massifs", STRING, "Massifs", ZoneRow::massifs).optional()
                    .definition("Massifs de montagne de la zone (séparés par ;).").source("ANCT, zone de montagne (couche zone_montagne)"),
            ResultColumn.<ZoneRow>of("nb_flux_modelises", INTEGER, "Communes à flux modélisés", ZoneRow::modelled)
                    .definition("Communes dont les flux viennent du modèle de radiation.").source(ETAPE_2),
            ResultColumn.<ZoneRow>of("codes_communes", STRING, "Codes des communes", ZoneRow::codes)
                    .definition("Codes INSEE des communes de la zone (séparés par ;).").source(COG)));

    private static final String ETAPE_6C = "calcul : étape 6c, carence résiduelle après l'AMII (docs/amii.md)";

    public static final ResultTable<ResidualZoneRow> ZONES_RESIDUELLES = new ResultTable<>(ResultLayers.ZONES_RESIDUELLES,
            GeometryType.MULTIPOLYGON, row -> multiPolygon(row.zone().geometry()), List.of(
            ResultColumn.<ResidualZoneRow>of("id", STRING, "Identifiant", row -> zoneId(row.run().scenario(), row.code()))
                    .definition("scénario:code_zone (le même que la zone présumée).").source(ETAPE_6C),
            scenario(ResidualZoneRow::run),
            ResultColumn.<ResidualZoneRow>of("code_zone", STRING, "Code de la zone", ResidualZoneRow::code)
                    .definition("Code stable de la zone de carence présumée dont elle est le reste (couche zones_carence).")
                    .source(ETAPE_6),
            ResultColumn.<ResidualZoneRow>of("nom", STRING, "Nom de la zone", ResidualZoneRow::nom)
                    .definition("Nom de la zone présumée.").source("INSEE COG, EPCI et contours des QPV (couches communes, epci, "
                            + "departements_insee, qpv_perimetres)"),
            ResultColumn.<ResidualZoneRow>of("unite", STRING, "Unité de zonage", row -> unitOf(row.presumptive()))
                    .definition("grappe, epci, departement ou commune, comme la zone présumée.").source("paramètre unite_zonage"),
            ResultColumn.<ResidualZoneRow>of("rang", INTEGER, "Rang", row -> row.presumptive().rank())
                    .definition("Rang de la zone présumée dans ce scénario (conservé, non recalculé).").source(ETAPE_6),
            ResultColumn.<ResidualZoneRow>of("nb_communes", INTEGER, "Communes encore en carence", row -> row.zone().members().size())
                    .definition("Communes de la zone toujours en carence une fois les intentions appliquées.").source(ETAPE_6C),
            ResultColumn.<ResidualZoneRow>of("nb_communes_presumees", INTEGER, "Communes de la zone présumée",
                            row -> row.presumptive().members().size())
                    .definition("Communes de la zone de carence présumée.").source(ETAPE_6),
            ResultColumn.<ResidualZoneRow>of("population", DOUBLE, "Population", ResidualZoneRow::population)
                    .unit("hab.").definition("Population municipale des communes encore en carence.")
                    .source("INSEE, populations légales (couche communes)"),
            ResultColumn.<ResidualZoneRow>of("demande", DOUBLE, "Demande résiduelle", ResidualZoneRow::demand)
                    .unit("télétravailleurs").definition("Demande des communes encore en carence (celle du quartier pour un "
                            + "QPV évalué à part).").source(ETAPE_6C),
            ResultColumn.<ResidualZoneRow>of("demande_presumee", DOUBLE, "Demande de la zone présumée",
                            ResidualZoneRow::presumptiveDemand)
                    .unit("télétravailleurs").definition("Demande de la zone de carence présumée.").source(ETAPE_1),
            ResultColumn.<ResidualZoneRow>of("demande_servie_intentions", DOUBLE, "Demande desservie par les intentions",
                            row -> row.zone().demandServed())
                    .unit("télétravailleurs").definition("Demande des communes de la zone que les intentions appliquées sortent "
                            + "de la carence (0 sans AMII appliqué).").source(ETAPE_6C),
            ResultColumn.<ResidualZoneRow>of("score", DOUBLE, "Score résiduel", row -> row.zone().score())
                    .definition("Somme des scores de carence des communes encore en carence, au seuil du scénario.")
                    .source(ETAPE_6C),
            ResultColumn.<ResidualZoneRow>of("nb_intentions", INTEGER, "Intentions touchant la zone",
                            row -> row.zone().intentions().size())
                    .definition("Intentions appliquées situées à moins de bassin_minutes d'au moins une commune de la zone "
                            + "présumée.").source(ETAPE_6C),
            ResultColumn.<ResidualZoneRow>of("places_intentions", DOUBLE, "Places des intentions",
                            row -> row.intentions().stream().mapToDouble(fr.carence.analysis.model.Intention::places).sum())
                    .unit("places").definition("Places déclarées par les intentions touchant la zone.")
                    .source("AMII, couche intentions_amii"),
            ResultColumn.<ResidualZoneRow>of("intentions", STRING, "Intentions (identifiant, porteur)",
                            row -> row.zone().intentions().isEmpty() ? null : String.join(" ; ",
                                    row.intentions().stream().map(fr.carence.analysis.model.Intention::label).toList()))
                    .optional().readableBy(ColumnReaders.ACCOUNTS)
                    .definition("Intentions touchant la zone : identifiant (porteur, places, statut), séparées par « ; » "
                            + "(réservé aux comptes : intentions d'acteurs privés).").source("AMII, couche intentions_amii"),
            ResultColumn.<ResidualZoneRow>of("statut_amii", STRING, "Statut de l'AMII", row -> row.run().statutAmii())
                    .definition("AMII appliqué (fichier, date de chargement, intentions retenues) ou « Aucun AMII appliqué » : "
                            + "zones résiduelles = zones présumées.").source(ETAPE_6C),
            ResultColumn.<ResidualZoneRow>of("codes_communes", STRING, "Codes des communes encore en carence",
                            ResidualZoneRow::codes)
                    .definition("Codes INSEE des communes encore en carence (séparés par ;).").source(COG)));

    public static final ResultTable<SiteRow> SITES = new ResultTable<>(ResultLayers.SITES, GeometryType.POINT,
            row -> row.host().pointStockage(), List.of(
            ResultColumn.<SiteRow>of("id", STRING, "Identifiant", row -> siteId(row.run().scenario(), row.site().rank()))
                    .definition("scénario:site-rang.").source(ETAPE_7),
            scenario(SiteRow::run),
            ResultColumn.<SiteRow>of("rang", INTEGER, "Rang", row -> row.site().rank())
                    .definition("Ordre d'apport marginal à la demande couverte (1 = le plus utile).").source(ETAPE_7),
            ResultColumn.<SiteRow>of("code_commune", STRING, "Commune (code)", row -> row.host().code())
                    .definition("Commune d'implantation (point intérieur).").source(COG),
            ResultColumn.<SiteRow>of("nom_commune", STRING, "Commune", row -> row.host().nom()).optional()
                    .definition("Commune d'implantation.").source(COG),
            ResultColumn.<SiteRow>of("zone_id", STRING, "Zone de carence", row -> row.run().zoneIdOf(row.site().commune()))
                    .optional().definition("Zone de carence de la commune d'implantation, si elle en fait partie.").source(ETAPE_6),
            ResultColumn.<SiteRow>of("taux_thd", DOUBLE, "Couverture fibre (FttH)",
                            row -> row.run().in().ftthCoverage()[row.site().commune()]).optional().percent()
                    .definition("Part des locaux raccordables à la fibre dans la commune d'implantation.").source(ARCEP),
            ResultColumn.<SiteRow>of("demande_couverte", DOUBLE, "Demande couverte", row -> row.site().impact().demandCovered())
                    .unit("télétravailleurs").definition("Demande des communes en carence desservies par ce site.").source(ETAPE_8),
            ResultColumn.<SiteRow>of("communes_couvertes", INTEGER, "Communes couvertes", row -> row.site().impact().communesCovered())
                    .definition("Communes en carence à moins de bassin_minutes du site.").source(ETAPE_8),
            ResultColumn.<SiteRow>of("km_evites_semaine", DOUBLE, "Km évités par semaine", row -> row.site().impact().kmAvoidedWeekly())
                    .unit("km").definition("Trajets routiers évités par les télétravailleurs desservis.").source(ETAPE_8),
            ResultColumn.<SiteRow>of("km_evites_an", DOUBLE, "Km évités par an", row -> row.site().impact().kmAvoidedYearly())
                    .unit("km").definition("Km par semaine × semaines travaillées.").source(ETAPE_8),
            ResultColumn.<SiteRow>of("heures_gagnees_an", DOUBLE, "Heures gagnées par an", row -> row.site().impact().hoursSavedYearly())
                    .unit("h").definition("Km évités ÷ vitesse.").source(ETAPE_8),
            ResultColumn.<SiteRow>of("litres_carburant_an", DOUBLE, "Carburant économisé par an",
                            row -> row.site().impact().fuelLitresYearly())
                    .unit("L").definition("Km évités × consommation.").source(ETAPE_8),
            ResultColumn.<SiteRow>of("kg_co2e_an", DOUBLE, "CO₂ évité par an", row -> row.site().impact().kgCo2eYearly())
                    .unit("kg CO₂e").definition("Km évités × facteur d'émission (ADEME).").source(ETAPE_8),
            ResultColumn.<SiteRow>of("methode", STRING, "Méthode d'optimisation", row -> row.run().r().solution().method())
                    .definition("exacte (solveur) ou gloutonne.").source(ETAPE_7),
            ResultColumn.<SiteRow>of("ecart_optimalite", DOUBLE, "Écart à l'optimum", row -> row.run().r().solution().gap())
                    .percent().definition("0 = solution optimale prouvée.").source(ETAPE_7),
            ResultColumn.<SiteRow>of("flux_modelise", BOOLEAN, "Flux modélisés", SiteRow::modelled)
                    .definition("Oui : la commune d'implantation ou une commune desservie utilise des flux modélisés.")
                    .source(ETAPE_2)));

    public static final ResultTable<FlowRow> FLUX_OD = new ResultTable<>(ResultLayers.FLUX_OD, GeometryType.LINESTRING,
            row -> GF.createLineString(new Coordinate[] {row.origin().pointStockage().getCoordinate(),
                    row.destination().pointStockage().getCoordinate()}), List.of(
            ResultColumn.<FlowRow>of("id", STRING, "Identifiant",
                            row -> row.run().scenario() + ":" + row.origin().code() + ">" + row.destination().code())
                    .definition("scénario:résidence>travail.").source(ETAPE_2),
            scenario(FlowRow::run),
            ResultColumn.<FlowRow>of("rang", INTEGER, "Rang", FlowRow::rank)
                    .definition("Rang du flux par nombre de navetteurs décroissant.").source(ETAPE_2),
            ResultColumn.<FlowRow>of("code_residence", STRING, "Commune de résidence", row -> row.origin().code())
                    .definition("Code INSEE de la commune de résidence.").source(COG),
            ResultColumn.<FlowRow>of("code_travail", STRING, "Commune de travail", row -> row.destination().code())
                    .definition("Code INSEE de la commune de travail.").source(COG),
            ResultColumn.<FlowRow>of("navetteurs", DOUBLE, "Navetteurs", row -> row.flow().commuters())
                    .unit("pers.").definition("Actifs allant de la commune de résidence à la commune de travail.")
                    .source("INSEE MOBPRO ou modèle de radiation (étape 2)"),
            ResultColumn.<FlowRow>of("navetteurs_voiture", DOUBLE, "Navetteurs en voiture", row -> row.flow().carCommuters())
                    .optional().unit("pers.").definition("Dont en voiture (vide si le mode est inconnu).")
                    .source("INSEE FD_MOBPRO (mode de transport)"),
            ResultColumn.<FlowRow>of("distance_km", DOUBLE, "Distance",
                            row -> row.origin().place().distanceTo(row.destination().place()) / 1000.0).optional()
                    .unit("km").definition("À vol d'oiseau entre les points intérieurs, dans la projection légale.")
                    .source(ETAPE_1),
            ResultColumn.<FlowRow>of("modelise", BOOLEAN, "Modélisé", row -> row.flow().modelled())
                    .definition("Flux estimé par le modèle de radiation.").source(ETAPE_2)));

    /** The five result tables, in publication order. */
    public static final List<ResultTable<?>> TABLES = List.of(INDICATEURS, ZONES, SITES, FLUX_OD, ZONES_RESIDUELLES);

    private ResultColumns() {
    }

    /** Published id of a zone: its stable code within the scenario's partition. */
    public static String zoneId(String scenario, String zoneCode) {
        return scenario + ":" + zoneCode;
    }

    private static RobustnessAnalysis.Result robustness(Run run) {
        return run.r().robustness();
    }

    private static String unitOf(ZoneRow row) {
        return unitOf(row.zone());
    }

    private static String unitOf(fr.carence.analysis.step.CarenceZoneBuilder.Zone zone) {
        String unit = zone.unit();
        return unit == null ? "grappe" : unit.substring(0, unit.indexOf(':'));
    }

    public static String siteId(String scenario, int rank) {
        return scenario + ":site-" + rank;
    }

    private static <R> ResultColumn<R> scenario(Function<R, Run> run) {
        return ResultColumn.<R>of(ResultLayers.PARTITION, STRING, "Scénario", row -> run.apply(row).scenario())
                .definition("Identifiant du scénario de calcul.").source("calcul");
    }

    /**
     * What {@code GET /api/scenarios/colonnes} serves: per layer, its columns' label, unit,
     * definition, source and display scale (the web map reads it for its labels).
     */
    public static Map<String, List<ColumnDescription>> descriptions() {
        Map<String, List<ColumnDescription>> out = new LinkedHashMap<>();
        for (ResultTable<?> t : TABLES) {
            List<ColumnDescription> cols = new ArrayList<>();
            for (ResultColumn<?> c : t.columns()) {
                cols.add(new ColumnDescription(c.name(), c.type().name().toLowerCase(java.util.Locale.ROOT), !c.nullable(),
                        c.unit(), c.label(), c.definition(), c.source(), c.scale(), c.restricted(),
                        List.copyOf(c.readers())));
            }
            out.put(t.layer(), List.copyOf(cols));
        }
        return out;
    }

    /** The docs' table of every result column (docs/layers.md, kept equal by ResultColumnsDocTest). */
    public static String markdown() {
        StringBuilder b = new StringBuilder();
        for (ResultTable<?> t : TABLES) {
            b.append("\n**`").append(t.layer()).append("`** (").append(t.geometryType()).append(")\n\n")
                    .append("| colonne | type | unité | libellé | définition | source |\n|---|---|---|---|---|---|\n");
            for (ResultColumn<?> c : t.columns()) {
                b.append("| `").append(c.name()).append("` | ").append(c.type().name().toLowerCase(java.util.Locale.ROOT))
                        .append(c.nullable() ? "" : ", requis").append(c.restricted() ? ", réservée " + ColumnReaders.label(c.readers()) : "")
                        .append(" | ").append(c.unit()).append(" | ")
                        .append(c.label()).append(" | ").append(c.definition()).append(" | ").append(c.source())
                        .append(" |\n");
            }
        }
        return b.toString();
    }

    /**
     * One column as the API serves it.
     *
     * @param echelle display factor (100: a share shown in %)
     * @param reservee not public (some roles only)
     * @param lecteurs the roles that may read it, as declared (empty: everyone)
     */
    public record ColumnDescription(String nom, String type, boolean requis, String unite, String libelle,
                                    String definition, String source, double echelle, boolean reservee,
                                    List<String> lecteurs) {
    }

    /**
     * Per result layer, its restricted columns and the roles their declaration lets read them
     * (layers without any left out), in declaration order.
     */
    public static Map<String, Map<String, java.util.Set<String>>> restrictedColumns() {
        Map<String, Map<String, java.util.Set<String>>> out = new LinkedHashMap<>();
        for (ResultTable<?> t : TABLES) {
            Map<String, java.util.Set<String>> columns = new LinkedHashMap<>();
            t.columns().stream().filter(ResultColumn::restricted).forEach(c -> columns.put(c.name(), c.readers()));
            if (!columns.isEmpty()) {
                out.put(t.layer(), java.util.Collections.unmodifiableMap(columns));
            }
        }
        return out;
    }

    /** One declared column of a result layer, if it exists. */
    public static java.util.Optional<ResultColumn<?>> column(String layer, String name) {
        return TABLES.stream().filter(t -> t.layer().equals(layer)).flatMap(t -> t.columns().stream())
                .filter(c -> c.name().equals(name)).<ResultColumn<?>>map(c -> c).findFirst();
    }

    static MultiPolygon multiPolygon(Geometry g) {
        if (g == null) {
            return null;
        }
        if (g instanceof MultiPolygon m) {
            return m;
        }
        @SuppressWarnings("unchecked")
        List<Polygon> polygons = PolygonExtracter.getPolygons(g);
        MultiPolygon m = GF.createMultiPolygon(polygons.toArray(new Polygon[0]));
        m.setSRID(FeatureStore.STORAGE_SRID);
        return m;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
