package fr.carence.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.store.Feature;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureQuery.SortKey;
import fr.carence.store.testing.BothStores;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.locationtech.jts.geom.Envelope;

/** Sorting, stable paging, counts, estimates and extents. */
class PagingAndStatisticsTest {

    private static final String LAYER = "fixture_paging";

    @BeforeEach
    void load(JdbcFeatureStore store) {
        if (store.schema(LAYER).isEmpty()) {
            Fixtures.load(store, Fixtures.gridSchema(LAYER), Fixtures.grid());
        }
    }

    @BothStores
    void pagesOverADuplicatedSortKeyPartitionTheLayer(JdbcFeatureStore store) {
        // "rural" has only two values: without the id tie-breaker pages could overlap.
        List<SortKey> sort = List.of(new SortKey("rural", false));
        List<String> all = new ArrayList<>();
        for (int offset = 0; offset < 100; offset += 7) {
            all.addAll(Fixtures.ids(store, LAYER, FeatureQuery.all().withSort(sort).withPage(offset, 7)));
        }
        assertThat(all).hasSize(100);
        assertThat(new HashSet<>(all)).hasSize(100);
        assertThat(all).isEqualTo(Fixtures.ids(store, LAYER, FeatureQuery.all().withSort(sort)));
        assertThat(all.subList(0, 50)).allMatch(id -> (id.charAt(2) - '0') % 2 == 0);
        assertThat(Fixtures.ids(store, LAYER, FeatureQuery.all().withPage(95, 10))).hasSize(5);
        assertThat(Fixtures.ids(store, LAYER, FeatureQuery.all().withPage(200, 10))).isEmpty();
        assertThat(Fixtures.ids(store, LAYER, FeatureQuery.all().withPage(0, 0))).isEmpty();
    }

    @BothStores
    void sortOrderWithNullsIsTheSameOnBothStores(JdbcFeatureStore store) {
        List<Feature> asc = Fixtures.read(store, LAYER, FeatureQuery.all().withSort(List.of(new SortKey("population", true))));
        assertThat(asc.get(0).id()).isEqualTo("c00");
        assertThat(asc.get(99).id()).isEqualTo("c99");  // null population last when ascending
        List<Feature> desc = Fixtures.read(store, LAYER, FeatureQuery.all().withSort(List.of(new SortKey("population", false))));
        assertThat(desc.get(0).id()).isEqualTo("c99");  // and first when descending
        assertThat(desc.get(1).id()).isEqualTo("c98");
        List<String> byNameThenTaux = Fixtures.ids(store, LAYER, FeatureQuery.all().withSort(
                List.of(new SortKey("value", true), new SortKey("taux", false))));
        List<String> expected = Fixtures.grid().stream()
                .sorted(Comparator.comparing((Feature f) -> (String) f.get("value"))
                        .thenComparing(f -> (Double) f.get("taux"), Comparator.reverseOrder()))
                .map(Feature::id).toList();
        assertThat(byNameThenTaux).isEqualTo(expected);
    }

    @BothStores
    void countsEstimatesAndExtent(JdbcFeatureStore store) {
        assertThat(store.count(LAYER, FeatureQuery.all())).isEqualTo(100);
        assertThat(store.count(LAYER, FeatureQuery.all().withPage(10, 5))).isEqualTo(100);  // paging ignored
        assertThat(store.count(LAYER, FeatureQuery.all().withBbox(
                new Envelope(Fixtures.X0 + 100, Fixtures.X0 + 200, Fixtures.Y0 + 100, Fixtures.Y0 + 200)))).isEqualTo(1);
        // Small table: the estimate is the exact count on both stores.
        assertThat(store.estimatedCount(LAYER)).hasValue(100);
        Envelope extent = store.extent(LAYER).orElseThrow();
        assertThat(extent).isEqualTo(new Envelope(Fixtures.X0, Fixtures.X0 + 10_000, Fixtures.Y0, Fixtures.Y0 + 10_000));
        Fixtures.load(store, Fixtures.gridSchema("fixture_empty"), List.of());
        assertThat(store.extent("fixture_empty")).isEmpty();
        assertThat(store.count("fixture_empty", FeatureQuery.all())).isZero();
        assertThat(store.estimatedCount("fixture_empty")).hasValue(0);
        Set<String> unique = new HashSet<>(Fixtures.ids(store, LAYER, FeatureQuery.all()));
        assertThat(unique).hasSize(100);
    }
}
