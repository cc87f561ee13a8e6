package fr.carence.api.dossier;

import fr.carence.analysis.scenario.ScenarioService;
import fr.carence.analysis.store.ResultLayers;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.sample.OccitanieSample;
import fr.carence.ogc.catalog.GeoServerCatalog;
import fr.carence.ogc.security.ReadableLayersCatalog;
import fr.carence.render.map.MapRenderer;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.ScenarioIds;
import fr.carence.store.filter.Filter;
import fr.carence.store.testing.BothStores;
import fr.carence.testing.PdfText;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dossier read and written on H2GIS and on PostGIS (the committed Occitanie sample, default
 * scenario): the zones listed are the layer's, a zone's communes are its {@code zone_id} rows, the
 * derived name is its most populous commune's, an anonymous reader gets no site, no
 * {@code site_*} column and no {@code demande_couverte} of the zone (the catalogue's column
 * rules) while a funder gets all three, the zones list and each dossier describe a zone alike
 * (one reading of zones), and the PDF is written
 * (map drawn from each store) with the zone's name in its text.
 */
class DossierOnBothStoresTest {

    private static final GeoServerCatalog CATALOG = GeoServerCatalog.read(Path.of("../../geoserver-data"), Path.of("../../sld-styles"));

    @BothStores
    void theDossierOfTheFirstZone(FeatureStore store) throws Exception {
        OccitanieSample.loadInto(store, Progress.silent());
        try (ScenarioService scenarios = new ScenarioService(store, 1, 4, null)) {
            scenarios.ensureDefault();
            assertTrue(scenarios.await(ScenarioIds.DEFAULT_ID, 600_000));
            DossierReader anonymous = new DossierReader(store, scenarios, new ReadableLayersCatalog(CATALOG, Set::of));
            DossierReader funder = new DossierReader(store, scenarios, new ReadableLayersCatalog(CATALOG, () -> Set.of("FUNDER")));

            List<ZoneDossier.ZoneResume> zones = anonymous.zones("defaut");
            assertEquals(store.count(ResultLayers.ZONES, FeatureQuery.all()), zones.size());
            ZoneDossier.ZoneResume first = zones.get(0);
            assertEquals(1, first.rang());

            // Zone ids are stable codes (defaut:grappe-…, epci-…): the first zone's, full and without the scenario prefix.
            String shortId = first.id().substring("defaut:".length());
            ZoneDossier a = anonymous.read("defaut", shortId);
            assertEquals(first.id(), a.zone().id());
            List<Feature> expected = rows(store, ResultLayers.INDICATEURS, new Filter.Compare("zone_id", Filter.ComparisonOperator.EQ, first.id()));
            assertEquals(expected.size(), a.communes().size());
            assertEquals(((Number) a.zone().get("nb_communes")).intValue(), a.communes().size());
            Feature mostPopulous = expected.stream().max(Comparator.comparingDouble(f -> ((Number) f.get("population")).doubleValue())).orElseThrow();
            assertTrue(first.nom().startsWith((String) mostPopulous.get("nom")), first.nom());
            assertFalse(a.sitesLisibles());
            assertTrue(a.sites().isEmpty());
            assertTrue(a.communes().stream().allMatch(c -> c.properties().keySet().stream().noneMatch(k -> k.startsWith("site_"))));
            assertFalse(a.zone().properties().containsKey("demande_couverte"), a.zone().properties().keySet().toString());

            // One reading of zones: the list and each dossier name and describe a zone identically,
            // and the dossier cites the method version the scenario's record holds.
            for (ZoneDossier.ZoneResume listed : zones.subList(0, Math.min(5, zones.size()))) {
                assertEquals(listed, anonymous.read("defaut", listed.id()).resume());
            }
            assertEquals(scenarios.get("defaut").orElseThrow().versionMethode(), a.versionMethode());

            ZoneDossier f = funder.read("defaut", first.id());
            assertTrue(f.sitesLisibles());
            assertTrue(f.zone().properties().containsKey("demande_couverte"));
            assertTrue(f.communes().stream().allMatch(c -> c.properties().containsKey("site_desservant")));
            for (Feature c : f.communes()) {
                Object site = c.get("site_desservant");
                if (site != null) {
                    assertTrue(f.sites().stream().anyMatch(s -> s.id().equals(site)), "serving site " + site + " listed");
                }
            }

            DossierPdf pdf = new DossierPdf(new DossierMap(new MapRenderer(store), new ReadableLayersCatalog(CATALOG, Set::of)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.write(a, out);
            PdfText read = PdfText.of(out.toByteArray());
            assertTrue(read.pages() >= 2);
            String text = read.text();
            assertTrue(text.contains("Dossier de carence — " + first.nom()));
            assertFalse(text.contains("Demande couverte"), "no covered demand in an anonymous dossier");
        }
    }

    private static List<Feature> rows(FeatureStore store, String layer, Filter filter) {
        List<Feature> out = new ArrayList<>();
        try (FeatureCursor c = store.query(layer, FeatureQuery.all().withFilter(new Filter.And(List.of(
                new Filter.Compare(ResultLayers.PARTITION, Filter.ComparisonOperator.EQ, "defaut"), filter))))) {
            c.forEachRemaining(out::add);
        }
        return out;
    }
}
