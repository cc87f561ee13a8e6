package fr.carence.loaders.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoJsonReaderTest {

    @TempDir
    Path dir;

    private List<VectorFeature> read(String name, String json) throws IOException {
        Path p = Files.writeString(dir.resolve(name), json);
        List<VectorFeature> out = new ArrayList<>();
        GeoJsonReader.forEach(p, Progress.silent(), out::add);
        return out;
    }

    @Test
    void rfc7946FilesAreLonLat() throws IOException {
        List<VectorFeature> f = read("fixture-4326.geojson", """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"12145","n":7},
                 "geometry":{"type":"Point","coordinates":[3.07,44.1]}}]}""");
        assertThat(f).hasSize(1);
        assertThat(f.get(0).srid()).isEqualTo(4326);
        assertThat(f.get(0).text("code")).isEqualTo("12145");
        assertThat(f.get(0).text("n")).isEqualTo("7");
        assertThat(f.get(0).geometry().getCoordinate().x).isEqualTo(3.07);
    }

    @Test
    void legacyCrsMemberIsHonoured() throws IOException {
        List<VectorFeature> f = read("fixture-2154.geojson", """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2154"}},
                 "features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[700000,6600000]}}]}""");
        assertThat(f.get(0).srid()).isEqualTo(2154);
        assertThat(f.get(0).geometry().getSRID()).isEqualTo(2154);
    }

    @Test
    void crsMemberAfterTheFeaturesIsRefused() {
        assertThatThrownBy(() -> read("fixture-crs-apres.geojson", """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[700000,6600000]}}],
                 "crs":{"type":"name","properties":{"name":"EPSG:2154"}}}"""))
                .isInstanceOf(LoadException.class)
                .hasMessage("fixture-crs-apres.geojson : membre « crs » (EPSG:2154) placé après les entités : placez-le avant « features »");
    }

    @Test
    void notAFeatureCollection() {
        assertThatThrownBy(() -> read("fixture-liste.geojson", "[1,2]"))
                .isInstanceOf(LoadException.class)
                .hasMessage("fixture-liste.geojson : objet GeoJSON (FeatureCollection) attendu au début du fichier");
        assertThatThrownBy(() -> read("fixture-sans-features.geojson", "{\"type\":\"Feature\"}"))
                .isInstanceOf(LoadException.class)
                .hasMessage("fixture-sans-features.geojson : aucun tableau « features » : ce n'est pas une FeatureCollection GeoJSON");
    }

    @Test
    void unreadableGeometryNamesTheFeature() {
        assertThatThrownBy(() -> read("fixture-geometrie.geojson", """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygone","coordinates":[]}}]}"""))
                .isInstanceOf(LoadException.class)
                .hasMessageStartingWith("fixture-geometrie.geojson, entité n° 0, champ « geometry » : géométrie illisible");
    }
}
