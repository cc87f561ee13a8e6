package fr.carence.loaders.flux;

import static fr.carence.loaders.flux.LoaderAssertions.assertRejected;
import static fr.carence.loaders.flux.LoaderAssertions.context;
import static fr.carence.loaders.flux.LoaderAssertions.loadReference;
import static fr.carence.loaders.flux.LoaderAssertions.snapshot;
import static fr.carence.loaders.flux.LoaderAssertions.variant;
import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.loaders.core.DatasetLoader;
import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.TestFiles;
import fr.carence.loaders.fragilite.DensiteLoader;
import fr.carence.loaders.fragilite.FrrLoader;
import fr.carence.loaders.fragilite.QpvPerimetreLoader;
import fr.carence.loaders.fragilite.MassifsLoader;
import fr.carence.loaders.fragilite.ZrrLoader;
import fr.carence.loaders.lieux.LieuxLoader;
import fr.carence.loaders.thd.ThdLoader;
import fr.carence.store.FeatureStore;
import fr.carence.store.testing.BothStores;
import fr.carence.store.testing.MemoryFeatureStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The data loaders on the real stores (H2GIS and PostGIS): each real file gives exactly the
 * features it gives on the in-memory store of the unit tests, and a failed load leaves the
 * database layer as it was (the staging is really discarded).
 */
class DataLoadersOnBothStoresTest {

    private static FeatureStore memoryReference;

    private static synchronized FeatureStore memory() {
        if (memoryReference == null) {
            memoryReference = new MemoryFeatureStore();
            loadReference(memoryReference);
        }
        return memoryReference;
    }

    /** Loads the files into both the real store and the in-memory one; the layers must be identical. */
    private static LoadReport loadAndCompare(FeatureStore store, DatasetLoader loader, String layer, Path... files) {
        loadReference(store);
        LoadReport report = loader.load(List.of(files), context(store));
        loader.load(List.of(files), context(memory()));
        List<String> real = snapshot(store, layer);
        assertThat(real).isNotEmpty().isEqualTo(snapshot(memory(), layer));
        assertThat(store.info(layer).orElseThrow().featureCount()).isEqualTo(real.size());
        return report;
    }

    private static Path shared(String file) {
        return TestFiles.sharedData(file);
    }

    @BothStores
    void commutingFlows(FeatureStore store) {
        LoadReport r = loadAndCompare(store, new FluxLoader(), FluxLoader.LAYER,
                shared("commuting-flows/fd-mobpro-2017-cc-millau-grands-causses.csv"));
        assertThat(r.unknownCodes()).containsOnlyKeys("99999");
    }

    @BothStores
    void broadband(FeatureStore store) {
        LoadReport r = loadAndCompare(store, new ThdLoader(), ThdLoader.LAYER,
                shared("thd-ftth/arcep-2018T1-communes.csv.gz"), shared("thd-ftth/arcep-2018T1-ftthCommunes.csv.gz"));
        assertThat(r.unknownCodes()).isEmpty();
    }

    @BothStores
    void zoningsAndPolygons(FeatureStore store) {
        assertThat(loadAndCompare(store, new DensiteLoader(), "grille_densite", shared("grille-densite/densite.csv"))
                .featuresWritten("grille_densite")).isEqualTo(34_875);
        assertThat(loadAndCompare(store, new ZrrLoader(), "zrr", shared("zrr/zrr-2018-communes.csv"))
                .featuresWritten("zrr")).isEqualTo(17_650);
        assertThat(loadAndCompare(store, new MassifsLoader(), "massifs", shared("zone-montagne/massifs-montagne.geojson"))
                .featuresWritten("massifs")).isEqualTo(9);
        assertThat(loadAndCompare(store, new FrrLoader(), FrrLoader.LAYER, shared("frr/liste-communes-FRR-juillet2025.csv.gz"))
                .featuresWritten(FrrLoader.LAYER)).isEqualTo(34_875);
        assertThat(loadAndCompare(store, new QpvPerimetreLoader(), QpvPerimetreLoader.LAYER,
                shared("qpv-2015-occitanie/qp-occitanie-2015.geojson.gz")).featuresWritten(QpvPerimetreLoader.LAYER)).isEqualTo(105);
    }

    @BothStores
    void venues(FeatureStore store) {
        assertThat(loadAndCompare(store, new LieuxLoader(), LieuxLoader.LAYER, shared("tiers-lieux/tiers-lieux-occitanie-2016.csv"))
                .featuresWritten(LieuxLoader.LAYER)).isEqualTo(73);
    }

    @BothStores
    void failedLoadsLeaveTheDatabaseLayerAsItWas(FeatureStore store) throws Exception {
        loadReference(store);
        Path tmp = Files.createTempDirectory("carence-data-");
        Path good = TestFiles.resource("flux/fixture-fd-mobpro.csv");
        new FluxLoader().load(List.of(good), context(store));
        // the bad value is on the last line: every earlier row has already been staged
        Path bad = variant(good, tmp, "negatif.csv", s -> s.replace(";0.75;1;1;", ";-0.75;1;1;"));
        assertRejected(new FluxLoader(), List.of(bad), store, Map.of(), FluxLoader.LAYER, "ligne 9", "champ « IPONDI »");

        Path venues = shared("tiers-lieux/tiers-lieux-occitanie-2016.csv");
        new LieuxLoader().load(List.of(venues), context(store));
        Path outside = variant(venues, tmp, "hors-france.csv", s -> s.replace("1.874722,43.114305", "-20.0,43.114305"));
        assertRejected(new LieuxLoader(), List.of(outside), store, Map.of(), LieuxLoader.LAYER, "ligne 2", "hors de France");
    }
}
