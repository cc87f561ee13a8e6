package fr.carence.api.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.analysis.result.ResultColumns;
import fr.carence.analysis.result.ResultTable;
import fr.carence.ogc.catalog.GeoServerCatalog;
import fr.carence.ogc.catalog.PublishedLayer;
import fr.carence.store.LayerSchema;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every attribute a result layer's {@code carence.mvtAttributes} lists (geoserver-data) is a column
 * the analysis writes ({@link ResultColumns}): a renamed or removed column would otherwise only be
 * logged once and silently vanish from the tiles and the web map's styling.
 */
class TileAttributesExistTest {

    @Test
    void resultLayersTileOnlyColumnsTheAnalysisWrites() {
        GeoServerCatalog catalog = GeoServerCatalog.read(Path.of("../../geoserver-data"), Path.of("../../sld-styles"));
        int checked = 0;
        for (ResultTable<?> table : ResultColumns.TABLES) {
            LayerSchema schema = table.schema();
            for (PublishedLayer layer : catalog.layers()) {
                if (!layer.storeLayer().equals(table.layer())) {
                    continue;
                }
                for (String attribute : layer.tileAttributes()) {
                    assertThat(schema.attribute(attribute)).as(layer.name() + "." + attribute).isPresent();
                    checked++;
                }
            }
        }
        // indicateurs_communes lists 8 attributes (with frr, read by the frr style), zones_carence 7
        // (with demande_couverte), zones_carence_residuelles 7.
        assertThat(checked).isEqualTo(22);
    }
}
