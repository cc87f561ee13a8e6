package fr.carence.loaders.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShapefileReaderTest {

    @Test
    void readsAdminExpressStyleShapefileWithEsriPrj() throws Exception {
        Path shp = TestFiles.resource("communes/fixture-commune-admin-express.shp");
        List<VectorFeature> features = new ArrayList<>();
        long n = ShapefileReader.forEach(shp, Progress.silent(), features::add);
        assertThat(n).isEqualTo(4);
        assertThat(features).extracting(f -> f.text("INSEE_COM")).containsExactlyInAnyOrder("12145", "12160", "12200", "14174");
        VectorFeature millau = features.stream().filter(f -> "12145".equals(f.text("INSEE_COM"))).findFirst().orElseThrow();
        assertThat(millau.text("NOM")).isEqualTo("Millau");
        assertThat(millau.srid()).isEqualTo(2154);
        // Millau lies around x = 705 km, y = 6 332 km in Lambert-93
        assertThat(millau.geometry().getCentroid().getX()).isBetween(690_000.0, 720_000.0);
        assertThat(millau.geometry().getCentroid().getY()).isBetween(6_320_000.0, 6_345_000.0);
    }

    @Test
    void missingPrjIsAnErrorNamingTheFile(@TempDir Path dir) throws Exception {
        for (String ext : new String[] {"shp", "shx", "dbf"}) {
            Files.copy(TestFiles.resource("communes/fixture-commune-admin-express." + ext), dir.resolve("fixture-sans-prj." + ext));
        }
        assertThatThrownBy(() -> ShapefileReader.forEach(dir.resolve("fixture-sans-prj.shp"), Progress.silent(), f -> { }))
                .isInstanceOf(LoadException.class)
                .hasMessage("fixture-sans-prj.shp : fichier compagnon fixture-sans-prj.prj absent (un Shapefile va avec ses .shx, .dbf et .prj)");
    }
}
