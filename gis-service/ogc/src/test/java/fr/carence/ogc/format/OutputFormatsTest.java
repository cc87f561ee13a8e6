package fr.carence.ogc.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.ogc.OwsException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The WFS output formats are the plug-ins found on the class path, in their order. */
class OutputFormatsTest {

    @Test
    void discoveredFormatsInOrderGmlFirst() {
        OutputFormats formats = OutputFormats.standard();
        assertThat(formats.all()).extracting(w -> w.getClass().getSimpleName()).containsExactly(
                "Gml32FeatureCollectionWriter", "GeoJsonFeatureCollectionWriter", "CsvFeatureCollectionWriter",
                "GeoPackageFeatureCollectionWriter");
        assertThat(formats.forName(Optional.empty())).isInstanceOf(Gml32FeatureCollectionWriter.class);
        assertThat(formats.forName(Optional.of("GPKG"))).isInstanceOf(GeoPackageFeatureCollectionWriter.class);
    }

    @Test
    void advertisedListIsTheGivenSet() {
        OutputFormats csvOnly = new OutputFormats(List.of(new CsvFeatureCollectionWriter()));
        assertThat(csvOnly.advertised()).containsExactly("text/csv");
        assertThatThrownBy(() -> csvOnly.forName(Optional.of("application/json")))
                .isInstanceOf(OwsException.class).hasMessageContaining("Formats disponibles : [text/csv]");
    }
}
