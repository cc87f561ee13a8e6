package fr.carence.analysis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.analysis.MethodVersion;
import fr.carence.analysis.scenario.Recalcul;
import fr.carence.analysis.scenario.RecalculJob;
import fr.carence.analysis.scenario.ScenarioConflictException;
import fr.carence.analysis.scenario.ScenarioRecord;
import fr.carence.analysis.scenario.ScenarioService;
import fr.carence.store.Feature;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerWriter;
import fr.carence.store.jdbc.VersionRetention;
import fr.carence.store.testing.BothStores;
import fr.carence.store.testing.StoreKind;
import fr.carence.store.testing.StoreTestSupport;
import fr.carence.store.testing.TestStore;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Point 7 of issue 11 on both stores: a run records the version of every input it read and the
 * method version; a reload marks it "entrées modifiées"; the recomputation reads the retained
 * versions and finds the published results again; a version the store did not keep is refused.
 */
class ScenarioProvenanceTest {
    private static final LayerSchema LIEUX = new LayerSchema("lieux_existants", List.of(
            LayerSchema.Attribute.required("id", LayerSchema.AttributeType.STRING),
            LayerSchema.Attribute.optional("nom", LayerSchema.AttributeType.STRING),
            LayerSchema.Attribute.optional("code_commune", LayerSchema.AttributeType.STRING),
            LayerSchema.Attribute.optional("capacite", LayerSchema.AttributeType.INTEGER)),
            LayerSchema.GeometryType.POINT, "id");

    /** Loads the venue layer as a loader would (with a digest, so the version is retained). */
    private static void loadVenue(FeatureStore store, int seats, String sha) {
        LayerInfo.Source src = new LayerInfo.Source("lieux", "lieux.csv", "2016", "cli:test", sha);
        try (LayerWriter w = store.replaceLayer(LIEUX, src)) {
            w.write(new Feature("lieu-1", new GeometryFactory().createPoint(new Coordinate(FixtureTerritory.X0 + 2500,
                    FixtureTerritory.Y0 + 2500)), FixtureTerritory.props("id", "lieu-1", "nom", "fixture-lieu",
                    "code_commune", FixtureTerritory.code(0, 0), "capacite", seats)));
            w.commit();
        }
    }

    private static ScenarioRecord run(ScenarioService service, String id) throws InterruptedException {
        service.submit(id, null, Map.of());
        assertThat(service.await(id, 120_000)).isTrue();
        ScenarioRecord done = service.get(id).orElseThrow();
        assertThat(done.statut()).as(done.message()).isEqualTo(ScenarioRecord.TERMINE);
        return done;
    }

    @BothStores
    void provenanceRecalculAndChangedInputs(FeatureStore store) throws Exception {
        FixtureTerritory.load(store);
        loadVenue(store, 20, "aaaa");
        LayerInfo venuesV1 = store.info("lieux_existants").orElseThrow();
        try (ScenarioService service = new ScenarioService(store, 1, 4, null)) {
            ScenarioRecord first = run(service, "prov");
            // one entry per input layer read (the fixture has no flux, ZRR, FRR nor QPV layer; it records
            // its venue inventory's coverage, read by the study-area step)
            assertThat(first.provenance()).extracting(InputVersion::couche).containsExactlyInAnyOrder(
                    "communes", "couverture_thd", "grille_densite", "zone_montagne", "lieux_existants", "lieux_couverture");
            InputVersion venues = first.provenance().stream().filter(v -> v.couche().equals("lieux_existants"))
                    .findFirst().orElseThrow();
            assertThat(venues).isEqualTo(new InputVersion("lieux_existants", "2016", "aaaa",
                    venuesV1.committedAt().toString(), "lieux.csv", 1));
            assertThat(first.versionMethode()).isEqualTo(MethodVersion.current()).startsWith("carence ");
            assertThat(first.entreesModifiees()).isEmpty();

            Recalcul same = service.recompute("prov");
            assertThat(same.identique()).as(same.differences().toString()).isTrue();
            assertThat(same.entitesComparees()).isGreaterThanOrEqualTo(36);

            // a reload of the venues (more seats) marks the scenario, and its recomputation still
            // reads the retained first version: identical results
            loadVenue(store, 200, "bbbb");
            assertThat(service.get("prov").orElseThrow().entreesModifiees()).containsExactly("lieux_existants");
            assertThat(service.list().stream().filter(r -> r.id().equals("prov")).findFirst().orElseThrow()
                    .entreesModifiees()).containsExactly("lieux_existants");
            assertThat(service.recompute("prov").identique()).isTrue();
            // a run on the new inputs differs (more seats: accessibility rises everywhere it is positive)
            assertThat(run(service, "prov2").entreesModifiees()).isEmpty();

            // communes were written without a digest (not a file load): their old version is not kept
            FixtureTerritory.load(store);
            assertThatThrownBy(() -> service.recompute("prov")).isInstanceOf(ScenarioConflictException.class)
                    .hasMessageContaining("communes").hasMessageContaining("n'est plus conservée");
        }
    }

    /**
     * Retention with a saved scenario, on both stores, with the strictest rule (one version, no
     * delay): the venue version the scenario read stays (pinned) while later unreferenced ones are
     * purged as soon as they are replaced; the recomputation, queued as a job, still reads it and
     * finds the published results; deleting the scenario lets it go.
     */
    @ParameterizedTest
    @MethodSource("fr.carence.store.testing.StoreTestSupport#kinds")
    void aVersionReadByASavedScenarioIsKeptOthersArePurged(StoreKind kind) throws Exception {
        try (TestStore t = StoreTestSupport.open(kind, VersionRetention.of(1, 0))) {
            FeatureStore store = t.store();
            FixtureTerritory.load(store);
            loadVenue(store, 20, "aaaa");
            Instant read = store.info("lieux_existants").orElseThrow().committedAt();
            try (ScenarioService service = new ScenarioService(store, 1, 4, null)) {
                run(service, "garde");
                loadVenue(store, 200, "bbbb");
                Instant unreferenced = store.info("lieux_existants").orElseThrow().committedAt();
                loadVenue(store, 300, "cccc");
                assertThat(store.schemaAt("lieux_existants", unreferenced)).as("read by no scenario: purged").isEmpty();
                assertThat(store.schemaAt("lieux_existants", read)).as("read by 'garde': kept").isPresent();

                RecalculJob queued = service.submitRecompute("garde", "planif");
                assertThat(queued.statut()).isEqualTo(ScenarioRecord.EN_ATTENTE);
                assertThat(service.awaitRecompute("garde", 120_000)).isTrue();
                RecalculJob done = service.recomputation("garde").orElseThrow();
                assertThat(done.statut()).as(done.message()).isEqualTo(ScenarioRecord.TERMINE);
                assertThat(done.resultat().identique()).as(done.resultat().differences().toString()).isTrue();
                assertThat(done.resultat().colonnesDifferentes()).isEmpty();
                assertThat(done.auteur()).isEqualTo("planif");
            }
            // a restart states the pins again from the saved scenarios: still kept
            try (ScenarioService restarted = new ScenarioService(store, 1, 4, null)) {
                assertThat(store.schemaAt("lieux_existants", read)).isPresent();
                assertThat(restarted.recomputation("garde").orElseThrow().resultat().identique()).as("result kept").isTrue();
                restarted.delete("garde");
                assertThat(restarted.recomputation("garde")).isEmpty();
            }
            assertThat(store.purgeVersions()).isEqualTo(1);
            assertThat(store.schemaAt("lieux_existants", read)).as("no saved scenario reads it any more").isEmpty();
        }
    }
}
