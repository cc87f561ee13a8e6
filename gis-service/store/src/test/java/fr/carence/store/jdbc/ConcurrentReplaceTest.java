package fr.carence.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.LayerSchema;
import fr.carence.store.testing.BothStores;
import java.util.ArrayList;
import java.util.List;

/** A reader streaming a layer while it is replaced finishes reading the version it started on. */
class ConcurrentReplaceTest {

    @BothStores
    void openCursorSurvivesAReplacement(JdbcFeatureStore store) {
        LayerSchema schema = Fixtures.gridSchema("fixture_concurrent");
        Fixtures.load(store, schema, Fixtures.grid());
        String v1 = store.publishedTable("fixture_concurrent").orElseThrow();
        List<String> read = new ArrayList<>();
        try (FeatureCursor cursor = store.query("fixture_concurrent", FeatureQuery.all())) {
            read.add(cursor.next().id());
            Fixtures.load(store, schema, Fixtures.grid().subList(0, 5));
            cursor.forEachRemaining(f -> read.add(f.id()));
        }
        assertThat(read).hasSize(100);
        assertThat(store.count("fixture_concurrent", FeatureQuery.all())).isEqualTo(5);
        // The old version could not be dropped while read (PostgreSQL lock) or was: either way
        // it is gone after the next replacement or restart, never published again.
        assertThat(store.publishedTable("fixture_concurrent")).isNotEqualTo(java.util.Optional.of(v1));
    }

    /**
     * The same with a table of many pages, read lazily on H2 (rows fetched as the reader asks for
     * them): the replacement drops the old table while most of its rows are still unread.
     */
    @BothStores
    void aLongOpenCursorSurvivesAReplacement(JdbcFeatureStore store) {
        LayerSchema schema = Fixtures.gridSchema("fixture_concurrent_long");
        List<fr.carence.store.Feature> cells = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {  // codes "c" + i + j: unique while j < 10
            for (int j = 0; j < 10; j++) {
                cells.add(Fixtures.cell(i, j));
            }
        }
        Fixtures.load(store, schema, cells);
        List<String> read = new ArrayList<>();
        try (FeatureCursor cursor = store.query("fixture_concurrent_long",
                FeatureQuery.all().withTimeout(java.time.Duration.ofSeconds(60)))) {
            read.add(cursor.next().id());
            Fixtures.load(store, schema, Fixtures.grid().subList(0, 5));
            cursor.forEachRemaining(f -> read.add(f.id()));
        }
        assertThat(read).hasSize(20_000).doesNotHaveDuplicates();
        assertThat(store.count("fixture_concurrent_long", FeatureQuery.all())).isEqualTo(5);
    }

    @BothStores
    void aPublicationDoesNotCleanUpAnotherWriterInProgress(JdbcFeatureStore store) {
        try (var slow = store.replaceLayer(Fixtures.gridSchema("fixture_slow"), Fixtures.SOURCE)) {
            Fixtures.grid().forEach(slow::write);
            Fixtures.load(store, Fixtures.gridSchema("fixture_fast"), Fixtures.grid().subList(0, 3));
            slow.commit();
        }
        assertThat(store.count("fixture_slow", FeatureQuery.all())).isEqualTo(100);
        assertThat(store.count("fixture_fast", FeatureQuery.all())).isEqualTo(3);
    }
}
