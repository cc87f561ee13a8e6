package fr.carence.ogc.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.ogc.testdata.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the committed geoserver-data/ directory. */
class GeoServerCatalogTest {

    private static final Path DATA = SharedData.repoRoot().resolve("geoserver-data");
    private static final Path STYLES = SharedData.repoRoot().resolve("sld-styles");

    @Test
    void publishesEveryLayerOfTheContract() {
        GeoServerCatalog c = GeoServerCatalog.read(DATA, STYLES);
        assertThat(c.workspace()).isEqualTo("carence");
        assertThat(c.layers()).extracting(PublishedLayer::name).containsExactly(
                "actifs_cs1", "communes", "communes_insee", "couverture_thd", "departements", "epci", "flux_domicile_travail",
                "frr", "grille_densite", "intentions_amii", "lieux_existants", "massifs", "qpv_communes", "qpv_perimetres",
                "regions", "ruralite",
                "zone_montagne", "zrr", "zrr_perimetre",
                "flux_od", "indicateurs_communes", "sites_candidats", "zones_carence", "zones_carence_residuelles");
        PublishedLayer communes = c.layer("carence:communes").orElseThrow();
        assertThat(communes.title()).isEqualTo("Communes");
        assertThat(communes.storeLayer()).isEqualTo("communes");
        assertThat(communes.nativeEpsg()).isEqualTo(2154);
        assertThat(communes.declaredEpsg()).isEqualTo(2154);
        assertThat(communes.otherEpsg()).containsExactly(4326, 3857, 5490, 2972, 2975, 4471);
        assertThat(communes.defaultStyle()).isEqualTo("communes");
        assertThat(communes.group()).isEqualTo("entrees");
        assertThat(communes.scenarioColumn()).isNull();
        assertThat(communes.readRoles()).isEmpty();
        assertThat(communes.keywords()).contains("communes");
        assertThat(c.layer("communes")).contains(communes);
        assertThat(c.layer("autre:communes")).isEmpty();
        assertThat(c.layer("Communes")).isEmpty();
    }

    @Test
    void resultLayersCarryScenarioGroupStylesAndReadRules() {
        GeoServerCatalog c = GeoServerCatalog.read(DATA, STYLES);
        PublishedLayer ind = c.layer("indicateurs_communes").orElseThrow();
        assertThat(ind.group()).isEqualTo("resultats");
        assertThat(ind.scenarioColumn()).isEqualTo("scenario");
        assertThat(ind.styles()).containsExactly("carence_score", "demande", "fragilite", "couverture_thd", "frr");
        assertThat(c.layer("sites_candidats").orElseThrow().readRoles()).containsExactly("FUNDER", "ADMIN");
        assertThat(c.layer("flux_domicile_travail").orElseThrow().defaultStyle()).isNull();
        assertThat(c.layer("intentions_amii").orElseThrow().readRoles()).containsExactly("PLANNER", "FUNDER", "ADMIN");
        assertThat(c.layer("zones_carence_residuelles").orElseThrow().scenarioColumn()).isEqualTo("scenario");
        // the analysis' inputs published for QGIS users: public open data, grouped with the inputs
        for (String input : java.util.List.of("frr", "qpv_perimetres", "actifs_cs1")) {
            PublishedLayer l = c.layer(input).orElseThrow();
            assertThat(l.group()).as(input).isEqualTo("entrees");
            assertThat(l.readRoles()).as(input).isEmpty();
            assertThat(l.title()).as(input).isNotBlank();
        }
        assertThat(c.layer("qpv_perimetres").orElseThrow().defaultStyle()).isEqualTo("qpv_perimetres");
        // geometry-less tables: no style (their map is the frr style of indicateurs_communes)
        assertThat(c.layer("frr").orElseThrow().defaultStyle()).isNull();
        assertThat(c.layer("actifs_cs1").orElseThrow().defaultStyle()).isNull();
        assertThat(c.styleNames()).containsExactlyInAnyOrder("communes", "limites", "massifs", "zrr", "lieux_existants",
                "carence_score", "demande", "fragilite", "couverture_thd", "zones_carence", "sites_candidats", "flux_od",
                "intentions_amii", "zones_carence_residuelles", "frr", "qpv_perimetres");
    }

    @Test
    void aLayerAddedToTheDirectoryIsPublishedAndStylesResolveInTheStylesDir(@TempDir Path tmp) throws Exception {
        Path data = copy(DATA, tmp.resolve("data"));
        Path styles = Files.createDirectories(tmp.resolve("styles"));
        Files.writeString(styles.resolve("communes.sld"), "<StyledLayerDescriptor/>");
        Path layer = data.resolve("workspaces/carence/carence_store/fixture_couche");
        Files.createDirectories(layer);
        Files.writeString(layer.resolve("featuretype.xml"), "<featureType><name>fixture_couche</name><nativeName>table_fixture</nativeName>"
                + "<title>Couche ajoutée</title><srs>EPSG:2154</srs><metadata><entry key=\"carence.otherSrs\">4326</entry></metadata></featureType>");
        Files.writeString(layer.resolve("layer.xml"), "<layer><name>fixture_couche</name><defaultStyle><name>communes</name></defaultStyle></layer>");
        GeoServerCatalog c = GeoServerCatalog.read(data, styles);
        PublishedLayer added = c.layer("fixture_couche").orElseThrow();
        assertThat(added.storeLayer()).isEqualTo("table_fixture");
        assertThat(added.otherEpsg()).containsExactly(4326);
        assertThat(c.styleSld("communes")).contains("<StyledLayerDescriptor/>");
        assertThat(c.styleSld("massifs")).isEmpty();
        assertThat(c.styleSld("inconnu")).isEmpty();
    }

    @Test
    void badFilesAreNamed(@TempDir Path tmp) throws Exception {
        Path data = copy(DATA, tmp.resolve("data"));
        Path ft = data.resolve("workspaces/carence/carence_store/massifs/featuretype.xml");
        Files.writeString(ft, "<featureType><name>massifs</name><srs>Lambert93</srs></featureType>");
        assertThatThrownBy(() -> GeoServerCatalog.read(data, tmp)).isInstanceOf(CatalogException.class)
                .hasMessageContaining(ft.toString()).hasMessageContaining("srs");
        Files.writeString(ft, "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><featureType><name>&e;</name></featureType>");
        assertThatThrownBy(() -> GeoServerCatalog.read(data, tmp)).isInstanceOf(CatalogException.class)
                .hasMessageContaining(ft.toString());
    }

    @Test
    void securityRulesMostSpecificWins(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("layers.properties");
        Files.writeString(f, "*.*.r=*\ncarence.*.r=AGENT\ncarence.sites_candidats.r=FUNDER,ADMIN\ncarence.communes.r=*\n");
        LayerSecurityRules rules = LayerSecurityRules.read(f);
        assertThat(rules.readRoles("carence", "sites_candidats")).containsExactly("FUNDER", "ADMIN");
        assertThat(rules.readRoles("carence", "massifs")).containsExactly("AGENT");
        assertThat(rules.readRoles("carence", "communes")).isEmpty();
        assertThat(rules.readRoles("autre", "x")).isEmpty();
        Files.writeString(f, "carence.massifs=ADMIN\n");
        assertThatThrownBy(() -> LayerSecurityRules.read(f)).isInstanceOf(CatalogException.class).hasMessageContaining("carence.massifs");
    }

    private static Path copy(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else if (!Files.isSymbolicLink(p)) {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }

}
