package fr.carence.api.territoire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.api.scenario.ApiError;
import fr.carence.store.Feature;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.LayerSchema.GeometryType;
import fr.carence.store.LayerWriter;
import fr.carence.store.testing.BothStores;
import fr.carence.store.testing.MemoryFeatureStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.http.ResponseEntity;

/**
 * The territory index on H2GIS and PostGIS, over a made-up fixture (four square "communes" with
 * real names, two intercommunalités, two départements, one région; a région and an EPCI without
 * any loaded commune): accent-, case- and hyphen-insensitive matching, ranking, extents as the
 * union of the communes', and a rebuild when the communes are reloaded.
 */
class TerritoireIndexTest {

    private static final GeometryFactory GF = new GeometryFactory();

    @BothStores
    void findsRanksAndFollowsReloads(FeatureStore store) {
        names(store, "regions_insee", Map.of("76", "Occitanie", "53", "Bretagne"));
        names(store, "departements_insee", Map.of("12", "Aveyron", "48", "Lozère"));
        names(store, "epci", Map.of("200067361", "CA Rodez Agglomération", "241200567", "CC de Millau Grands Causses",
                "200000001", "CC sans commune chargée (fixture)"));
        communes(store, List.of(
                commune("12202", "Rodez", "12", "200067361", 24_000, 0),
                commune("12176", "Onet-le-Château", "12", "200067361", 12_000, 1),
                commune("12145", "Millau", "12", "241200567", 22_000, 5),
                commune("48095", "Mende", "48", null, 12_000, 9)));
        TerritoireIndex index = new TerritoireIndex(store);

        assertThat(index.search("OCCITANIE", 5)).extracting(TerritoireIndex.Territoire::type, TerritoireIndex.Territoire::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("region", "76"));
        TerritoireIndex.Territoire region = index.search("occitanie", 1).get(0);
        assertThat(region.nbCommunes()).isEqualTo(4);
        assertThat(region.population()).isEqualTo(70_000);
        assertThat(region.etendue()).containsExactly(650_000, 6_350_000, 650_000 + 9 * 20_000 + 10_000, 6_360_000);
        assertThat(region.libelle()).isEqualTo("région");

        assertThat(index.search("aveyron", 5).get(0).code()).isEqualTo("12");
        // "rodez agglo": every word starts a word of the name, the legal form "CA" left aside.
        TerritoireIndex.Territoire agglo = index.search("rodez agglo", 5).get(0);
        assertThat(agglo.type()).isEqualTo("epci");
        assertThat(agglo.nom()).isEqualTo("CA Rodez Agglomération");
        assertThat(index.search("Rodez Agglomération", 5).get(0)).isEqualTo(agglo);
        assertThat(agglo.etendue()).containsExactly(650_000, 6_350_000, 680_000, 6_360_000);
        assertThat(index.communes(TerritoireIndex.Type.epci, "200067361")).containsExactlyInAnyOrder("12202", "12176");
        // The same name first: the commune Rodez before the agglomeration that starts with it.
        assertThat(index.search("rodez", 5)).extracting(TerritoireIndex.Territoire::type).containsExactly("commune", "epci");
        // Accents, case and hyphens ignored; a code finds its commune.
        assertThat(index.search("onet le chateau", 5).get(0).code()).isEqualTo("12176");
        assertThat(index.search("LOZERE", 5).get(0).nom()).isEqualTo("Lozère");
        assertThat(index.search("12145", 5).get(0).nom()).isEqualTo("Millau");
        // Nothing loaded there: no territory (its extent would be empty).
        assertThat(index.search("bretagne", 5)).isEmpty();
        assertThat(index.search("sans commune", 5)).isEmpty();
        assertThat(index.get(TerritoireIndex.Type.departement, "99")).isEmpty();

        // The communes reloaded (a commune more): the index follows.
        communes(store, List.of(
                commune("12202", "Rodez", "12", "200067361", 24_000, 0),
                commune("12176", "Onet-le-Château", "12", "200067361", 12_000, 1),
                commune("12145", "Millau", "12", "241200567", 22_000, 5),
                commune("48095", "Mende", "48", null, 12_000, 9),
                commune("12300", "Villefranche-de-Rouergue", "12", null, 12_000, 12)));
        assertThat(index.get(TerritoireIndex.Type.departement, "12").orElseThrow().nbCommunes()).isEqualTo(4);
        assertThat(index.search("villefranche rouergue", 5)).hasSize(1);
    }

    @Test
    void normalizationAndMatchLevels() {
        assertThat(TerritoireIndex.normalize("  Saint-Affrique ")).isEqualTo("saint affrique");
        assertThat(TerritoireIndex.normalize("L'Œuf-d'Été")).isEqualTo("l oeuf d ete");
        String[] tokens = {"rodez", "agglo"};
        assertThat(TerritoireIndex.match("rodez agglomeration", "rodez agglomeration", new String[] {"rodez", "agglomeration"})).isEqualTo(1);
        assertThat(TerritoireIndex.match("rodez agglomeration", "rodez agglo", tokens)).isEqualTo(2);
        assertThat(TerritoireIndex.match("ca rodez agglomeration", "rodez agglo", tokens)).isEqualTo(3);
        assertThat(TerritoireIndex.match("grand rodez", "and rod", new String[] {"and", "rod"})).isEqualTo(4);
        assertThat(TerritoireIndex.match("millau", "rodez", new String[] {"rodez"})).isEqualTo(Integer.MAX_VALUE);
    }

    /**
     * Built in the background: a search arriving while the build is held waits the bounded time
     * and gets the French 503; once built it answers; after a reload whose build is held, the
     * previous index answers (one load behind) until the new one is there.
     */
    @Test
    void buildsInTheBackgroundAndNeverMakesASearchWaitLongerThanItsBound() throws Exception {
        FeatureStore memory = new MemoryFeatureStore();
        names(memory, "departements_insee", Map.of("12", "Aveyron"));
        communes(memory, List.of(commune("12202", "Rodez", "12", null, 24_000, 0)));
        AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(1));
        TerritoireIndex index = new TerritoireIndex(heldOnCommunes(memory, gate), Duration.ofMillis(300));
        try {
            index.refresh();
            assertThat(index.ready()).isFalse();
            long start = System.nanoTime();
            assertThatThrownBy(() -> index.search("rodez", 5)).isInstanceOf(TerritoireIndexNotReadyException.class)
                    .hasMessageContaining("index des territoires est en cours de construction");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(20));
            ResponseEntity<ApiError> answer = new TerritoireApiExceptionHandler().notReady(new TerritoireIndexNotReadyException());
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
            assertThat(answer.getBody().erreur()).isEqualTo("index_en_construction");

            gate.get().countDown();
            awaitReady(index);
            assertThat(index.search("rodez", 5)).extracting(TerritoireIndex.Territoire::code).containsExactly("12202");

            // Reloaded, build held: the previous index answers after the bounded wait.
            gate.set(new CountDownLatch(1));
            communes(memory, List.of(commune("12202", "Rodez", "12", null, 24_000, 0),
                    commune("12145", "Millau", "12", null, 22_000, 5)));
            assertThat(index.ready()).isFalse();
            assertThat(index.search("millau", 5)).isEmpty();
            assertThat(index.get(TerritoireIndex.Type.departement, "12").orElseThrow().nbCommunes()).isEqualTo(1);
            gate.get().countDown();
            awaitReady(index);
            assertThat(index.search("millau", 5)).extracting(TerritoireIndex.Territoire::code).containsExactly("12145");
            assertThat(index.get(TerritoireIndex.Type.departement, "12").orElseThrow().nbCommunes()).isEqualTo(2);
        } finally {
            gate.get().countDown();
            index.close();
        }
    }

    private static void awaitReady(TerritoireIndex index) throws InterruptedException {
        for (int i = 0; i < 400 && !index.ready(); i++) {
            Thread.sleep(50);
        }
        assertThat(index.ready()).as("index built within 20 s").isTrue();
    }

    /** The store, except that reading the communes waits for the gate (a slow national build, made controllable). */
    private static FeatureStore heldOnCommunes(FeatureStore store, AtomicReference<CountDownLatch> gate) {
        return (FeatureStore) Proxy.newProxyInstance(FeatureStore.class.getClassLoader(), new Class<?>[] {FeatureStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("query") && args != null && TerritoireIndex.COMMUNES.equals(args[0])) {
                        if (!gate.get().await(30, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("gate never opened");
                        }
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private record Commune(String code, String nom, String dep, String epci, int population, int column) {
    }

    private static Commune commune(String code, String nom, String dep, String epci, int population, int column) {
        return new Commune(code, nom, dep, epci, population, column);
    }

    /** Square communes of 10 km, 20 km apart along x (made-up geometry). */
    private static void communes(FeatureStore store, List<Commune> communes) {
        LayerSchema schema = new LayerSchema("communes", List.of(Attribute.required("code", AttributeType.STRING),
                Attribute.optional("nom", AttributeType.STRING), Attribute.optional("dep", AttributeType.STRING),
                Attribute.optional("reg", AttributeType.STRING), Attribute.optional("epci", AttributeType.STRING),
                Attribute.optional("population", AttributeType.INTEGER)), GeometryType.MULTIPOLYGON, "code");
        try (LayerWriter w = store.replaceLayer(schema, new LayerInfo.Source("fixture", "TerritoireIndexTest", null))) {
            for (Commune c : communes) {
                double x = 650_000 + c.column() * 20_000;
                Geometry square = GF.createMultiPolygon(new org.locationtech.jts.geom.Polygon[] {GF.createPolygon(new Coordinate[] {
                        new Coordinate(x, 6_350_000), new Coordinate(x + 10_000, 6_350_000), new Coordinate(x + 10_000, 6_360_000),
                        new Coordinate(x, 6_360_000), new Coordinate(x, 6_350_000)})});
                square.setSRID(FeatureStore.STORAGE_SRID);
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("code", c.code());
                p.put("nom", c.nom());
                p.put("dep", c.dep());
                p.put("reg", "76");
                p.put("epci", c.epci());
                p.put("population", c.population());
                w.write(new Feature(c.code(), square, p));
            }
            w.commit();
        }
    }

    private static void names(FeatureStore store, String layer, Map<String, String> names) {
        LayerSchema schema = new LayerSchema(layer, List.of(Attribute.required("code", AttributeType.STRING),
                Attribute.required("nom", AttributeType.STRING)), GeometryType.NONE, "code");
        try (LayerWriter w = store.replaceLayer(schema, new LayerInfo.Source("fixture", "TerritoireIndexTest", null))) {
            names.forEach((code, nom) -> w.write(new Feature(code, null, Map.of("code", code, "nom", nom))));
            w.commit();
        }
    }
}
