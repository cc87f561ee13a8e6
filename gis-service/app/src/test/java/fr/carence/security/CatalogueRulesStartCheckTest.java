package fr.carence.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue's read rules fail closed at start-up (issue 14): a missing layer rules file, a
 * restricted layer or a site-derived column without a rule, or an unknown role stops the start with
 * one French message naming the file. Each case edits a copy of the committed catalogue.
 */
class CatalogueRulesStartCheckTest {

    private static final Path STYLES = Path.of("../../sld-styles");

    @TempDir
    Path dir;
    private Path catalogue;
    private Path layers;
    private Path columns;

    @BeforeEach
    void copyCatalogue() throws IOException {
        Path source = Path.of("../../geoserver-data");
        catalogue = dir.resolve("geoserver-data");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path target = catalogue.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        layers = catalogue.resolve("security/layers.properties");
        columns = catalogue.resolve("security/columns.properties");
    }

    @Test
    void theCommittedCatalogueStarts() {
        SecurityFilesCheck.checkCatalogueRules(catalogue, STYLES);
    }

    @Test
    void aMissingLayerRulesFileStopsTheStart() throws IOException {
        Files.delete(layers);
        assertRefused("Fichier " + layers + " : fichier introuvable", "sites_candidats");
    }

    @Test
    void aRestrictedLayerWithoutRuleStopsTheStart() throws IOException {
        Files.writeString(layers, "*.*.r=*\n", StandardCharsets.UTF_8);
        assertRefused("Fichier " + layers + " : la couche « sites_candidats » est réservée par l'analyse",
                "carence.sites_candidats.r=FUNDER,ADMIN");
        // A public rule naming the layer does not protect it either.
        Files.writeString(layers, "*.*.r=FUNDER\ncarence.sites_candidats.r=*\n", StandardCharsets.UTF_8);
        assertRefused("la couche « sites_candidats » est réservée");
        // The AMII intentions (private actors' projects) are restricted the same way.
        Files.writeString(layers, "*.*.r=*\ncarence.sites_candidats.r=FUNDER,ADMIN\n", StandardCharsets.UTF_8);
        assertRefused("la couche « intentions_amii » est réservée par l'analyse (sites candidats, intentions d'un AMII)",
                "carence.intentions_amii.r=PLANNER,FUNDER,ADMIN");
    }

    @Test
    void aMissingColumnRulesFileStopsTheStart() throws IOException {
        Files.delete(columns);
        assertRefused("Fichier " + columns + " : fichier introuvable ; la colonne « ", "aucune règle ne la protège");
    }

    @Test
    void aSiteDerivedColumnWithoutRuleStopsTheStart() throws IOException {
        String committed = Files.readString(columns, StandardCharsets.UTF_8);
        Files.writeString(columns, committed.replace("carence.indicateurs_communes.site_*.r=FUNDER,ADMIN",
                "carence.indicateurs_communes.site_candidat.r=FUNDER,ADMIN\ncarence.indicateurs_communes.site_desservant.r=FUNDER"),
                StandardCharsets.UTF_8);
        assertRefused("Fichier " + columns + " : la colonne « indicateurs_communes.site_retenu » est réservée",
                "carence.indicateurs_communes.site_retenu.r=FUNDER,ADMIN");
    }

    @Test
    void aZoneColumnFlaggedRestrictedWithoutRuleStopsTheStart() throws IOException {
        // zones_carence.demande_couverte is restricted by its flag in ResultColumns, not by a list here
        String committed = Files.readString(columns, StandardCharsets.UTF_8);
        assertThat(committed).contains("carence.zones_carence.demande_couverte.r=FUNDER,ADMIN\n");
        Files.writeString(columns, committed.replace("carence.zones_carence.demande_couverte.r=FUNDER,ADMIN\n", ""),
                StandardCharsets.UTF_8);
        assertRefused("la colonne « zones_carence.demande_couverte » est réservée",
                "carence.zones_carence.demande_couverte.r=FUNDER,ADMIN");
    }

    @Test
    void rulesMayOnlyNameCarencesRoles() throws IOException {
        Files.writeString(layers, "*.*.r=*\ncarence.sites_candidats.r=FUNDER,ADMINISTRATEUR\n", StandardCharsets.UTF_8);
        assertRefused("Fichier " + layers + " : la règle carence.sites_candidats.r nomme le rôle inconnu « ADMINISTRATEUR »");
        Files.writeString(layers, "carence.sites_candidats=FUNDER\n", StandardCharsets.UTF_8);
        assertRefused("Fichier " + layers + " : règles de lecture illisibles", "workspace.layer.mode");
    }

    @Test
    void columnRulesAreCheckedLikeLayerRules() throws IOException {
        String committed = Files.readString(columns, StandardCharsets.UTF_8);
        Files.writeString(columns, committed + "carence.zones_carence.rang.r=FINANCEUR\n", StandardCharsets.UTF_8);
        assertRefused("Fichier " + columns + " : la règle carence.zones_carence.rang.r nomme le rôle inconnu « FINANCEUR »");
        Files.writeString(columns, committed + "carence.zones_carence.r=FUNDER\n", StandardCharsets.UTF_8);
        assertRefused("Fichier " + columns + " : règles de lecture illisibles", "workspace.layer.column.r");
        Files.writeString(columns, committed + "carence.zones_carence.Rang?.r=FUNDER\n", StandardCharsets.UTF_8);
        assertRefused("column 'Rang?'");
    }

    private void assertRefused(String... fragments) {
        assertThatThrownBy(() -> SecurityFilesCheck.checkCatalogueRules(catalogue, STYLES))
                .isInstanceOf(SecurityFileException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(fragments));
    }
}
