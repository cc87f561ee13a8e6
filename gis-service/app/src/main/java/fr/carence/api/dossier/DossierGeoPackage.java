package fr.carence.api.dossier;

import fr.carence.analysis.store.ResultLayers;
import fr.carence.ogc.catalog.Catalog;
import fr.carence.ogc.crs.CrsName;
import fr.carence.ogc.format.FeatureCollectionResult;
import fr.carence.ogc.format.GeoPackageFeatureCollectionWriter;
import fr.carence.ogc.format.LayerFeatures;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.LayerSchema.GeometryType;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The dossier's content as GeoPackage layers for QGIS, written by the WFS GeoPackage output
 * ({@link GeoPackageFeatureCollectionWriter}): {@code zone} (the zone row), {@code communes} (its
 * communes with every indicator the caller may read), {@code lieux_proches} (existing venues with
 * their distance), {@code sites_candidats} (only for FUNDER / ADMIN), and an attribute table
 * {@code dossier} (name, AMII status, flows, parameters, provenance) — the PDF's text rows.
 * Each layer's columns are the caller's readable schema ({@link Catalog#readableSchema}), so a
 * column the caller may not read (e.g. {@code demande_couverte} anonymously) is not even declared.
 */
public final class DossierGeoPackage {

    private final FeatureStore store;
    private final Catalog catalog;
    private final GeoPackageFeatureCollectionWriter writer = new GeoPackageFeatureCollectionWriter();

    public DossierGeoPackage(FeatureStore store, Catalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    public void write(ZoneDossier d, OutputStream out) throws IOException {
        List<LayerFeatures> layers = new ArrayList<>();
        layers.add(layer("zone", readableSchema(ResultLayers.ZONES), List.of(d.zone())));
        layers.add(layer("communes", readableSchema(ResultLayers.INDICATEURS), d.communes()));
        layers.add(lieux(d));
        if (d.sitesLisibles()) {
            layers.add(layer("sites_candidats", readableSchema(ResultLayers.SITES), d.sites()));
        }
        if (d.amii().reste() != null) {
            layers.add(layer("zone_residuelle", readableSchema(ResultLayers.ZONES_RESIDUELLES), List.of(d.amii().reste())));
        }
        if (d.amii().intentionsLisibles() && !d.amii().intentions().isEmpty()) {
            layers.add(nearby("intentions_proches", DossierReader.INTENTIONS_LAYER, d.amii().intentions(),
                    d.amii().doublonsPossibles()));
        }
        layers.add(dossierTable(d));
        writer.write(new FeatureCollectionResult(null, null, Instant.now(), OptionalLong.empty(), 0, null, null,
                CrsName.urn(2154), null, layers), out);
    }

    /** The stored schema of a result layer as the caller may read it (same columns as the WFS serves it). */
    private LayerSchema readableSchema(String layer) {
        LayerSchema stored = store.schema(layer).orElseThrow();
        return catalog.layer(layer).map(p -> catalog.readableSchema(p, stored)).orElseThrow(
                () -> new IllegalStateException("couche « " + layer + " » absente du catalogue de l'appelant"));
    }

    private static LayerFeatures layer(String name, LayerSchema schema, List<Feature> rows) {
        return new LayerFeatures(name, schema, names(schema), schema.hasGeometry(), () -> FeatureCursor.of(rows));
    }

    private LayerFeatures lieux(ZoneDossier d) {
        return nearby("lieux_proches", DossierReader.LIEUX_LAYER, d.lieux(), null);
    }

    /**
     * Points near the zone (venues, intentions) with their distance to it; for intentions
     * ({@code duplicates} not null), the inventoried venues of the commune of an "ouvert" one, as the PDF marks them.
     */
    private LayerFeatures nearby(String name, String sourceLayer, List<ZoneDossier.LieuProche> points,
                                 Map<String, List<String>> duplicates) {
        LayerSchema base = store.schema(sourceLayer).orElse(null);
        List<Attribute> attrs = new ArrayList<>(base == null ? List.of(Attribute.required("id", AttributeType.STRING)) : base.attributes());
        attrs.add(Attribute.optional("distance_zone_km", AttributeType.DOUBLE));
        if (duplicates != null) {
            attrs.add(Attribute.optional("doublon_possible", AttributeType.STRING));
        }
        LayerSchema schema = new LayerSchema(name, attrs, GeometryType.POINT, "id");
        List<Feature> rows = points.stream().map(l -> {
            Map<String, Object> p = new LinkedHashMap<>(l.lieu().properties());
            p.put("distance_zone_km", l.distanceKm());
            if (duplicates != null) {
                List<String> same = duplicates.get(l.lieu().id());
                p.put("doublon_possible", same == null ? null : String.join("; ", same));
            }
            return new Feature(l.lieu().id(), l.lieu().geometry(), p);
        }).toList();
        return layer(name, schema, rows);
    }

    /** One row per statement of the PDF that is not a layer value: rubrique, libellé, valeur, unité. */
    private static LayerFeatures dossierTable(ZoneDossier d) {
        LayerSchema schema = new LayerSchema("dossier", List.of(Attribute.required("id", AttributeType.INTEGER),
                Attribute.required("rubrique", AttributeType.STRING), Attribute.required("libelle", AttributeType.STRING),
                Attribute.optional("valeur", AttributeType.STRING), Attribute.optional("unite", AttributeType.STRING)),
                GeometryType.NONE, "id");
        List<Feature> rows = new ArrayList<>();
        row(rows, "zone", "Nom", d.resume().nom(), null);
        row(rows, "zone", "Identifiant", d.resume().id(), null);
        row(rows, "zone", "Unité de zonage", d.resume().unite(), null);
        row(rows, "zone", "Classe de robustesse", d.resume().classeRobustesse() == null
                ? "non calculée par cette version de la méthode" : d.resume().classeRobustesse(), null);
        row(rows, "amii", "Statut de l'appel à manifestation d'intention d'investissement", d.amii().statut(), null);
        if (d.amii().bilan() != null) {
            row(rows, "amii", "Zone après application des intentions", d.amii().bilan(), null);
        }
        if (d.amii().reste() != null && d.amii().reste().get("intentions") != null) {
            row(rows, "amii", "Intentions appliquées qui touchent la zone", d.amii().reste().get("intentions").toString(), null);
        }
        row(rows, "flux", "Communes de la zone à flux domicile-travail modélisés", Integer.toString(d.communesFluxModelises()),
                "sur " + d.nbCommunes() + " communes");
        row(rows, "scenario", "Scénario", d.scenario().nom() + " (" + d.scenario().id() + ")", null);
        for (ZoneDossier.ParametreAffiche p : d.parametres()) {
            row(rows, "parametre", p.description(), p.valeur(), p.unite());
        }
        row(rows, "provenance", "Version de la méthode", d.versionMethode(), null);
        for (ZoneDossier.SourceAffichee s : d.sources()) {
            row(rows, "provenance", s.libelle(), s.millesime(), s.fichiers());
        }
        return layer("dossier", schema, rows);
    }

    private static void row(List<Feature> rows, String rubrique, String libelle, String valeur, String unite) {
        Map<String, Object> p = new LinkedHashMap<>();
        int id = rows.size() + 1;
        p.put("id", id);
        p.put("rubrique", rubrique);
        p.put("libelle", libelle);
        p.put("valeur", valeur);
        p.put("unite", unite);
        rows.add(new Feature(Integer.toString(id), null, p));
    }

    private static List<String> names(LayerSchema schema) {
        return schema.attributes().stream().map(Attribute::name).toList();
    }
}
