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
