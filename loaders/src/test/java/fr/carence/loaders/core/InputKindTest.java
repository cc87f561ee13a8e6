package fr.carence.loaders.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InputKindTest {

    @Test
    void kindsComeFromTheExtensionIgnoringCaseAndGzip() {
        assertThat(InputKind.of("FD_MOBPRO_2017.CSV")).contains(InputKind.CSV);
        assertThat(InputKind.of("communes.json.gz")).contains(InputKind.JSON);
        assertThat(InputKind.of("zrr-2018-perimetre.geojson.gz")).contains(InputKind.JSON);
        assertThat(InputKind.of("COMMUNE.dbf")).contains(InputKind.SHAPEFILE);
        assertThat(InputKind.of("tableau.xlsx")).isEmpty();
        assertThat(InputKind.of("archive.zip")).isEmpty();
        assertThat(InputKind.of("sans-extension")).isEmpty();
        assertThat(InputKind.extensionOf("a.b.CSV.gz")).isEqualTo(".csv");
    }

    @Test
    void onlyDataFilesArePrimaryNotShapefileCompanions() {
        assertThat(InputKind.isPrimary("COMMUNE.shp")).isTrue();
        assertThat(InputKind.isPrimary("communes.geojson.gz")).isTrue();
        assertThat(InputKind.isPrimary("lieux.csv")).isTrue();
        for (String companion : new String[] {"COMMUNE.shx", "COMMUNE.dbf", "COMMUNE.prj", "COMMUNE.cpg"}) {
            assertThat(InputKind.isPrimary(companion)).as(companion).isFalse();
        }
        assertThat(InputKind.isPrimary("notice.pdf")).isFalse();
    }

    @Test
    void everyLoaderDeclaresTheKindsItReadsSoItCanBeUploaded() {
        Map<String, DatasetLoader> all = DatasetLoaders.all();
        assertThat(all).isNotEmpty();
        all.forEach((key, loader) -> assertThat(loader.inputKinds()).as(key).isNotEmpty());
        assertThat(all.get("communes").inputKinds()).containsExactlyInAnyOrder(InputKind.SHAPEFILE, InputKind.JSON);
        assertThat(all.get("lieux").inputKinds()).containsExactlyInAnyOrder(InputKind.CSV, InputKind.JSON);
        assertThat(all.get("fragilite-massifs").inputKinds()).containsExactly(InputKind.JSON);
        assertThat(all.get("thd").inputKinds()).containsExactly(InputKind.CSV);
    }
}
