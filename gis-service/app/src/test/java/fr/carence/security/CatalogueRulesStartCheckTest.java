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
    void aRestrictedColumnOpenedToMoreRolesThanDeclaredStopsTheStart() throws IOException {
        String committed = Files.readString(columns, StandardCharsets.UTF_8);
        // zones_carence.demande_couverte is declared FUNDER, ADMIN: a rule adding PLANNER opens it up
        Files.writeString(columns, committed.replace("carence.zones_carence.demande_couverte.r=FUNDER,ADMIN",
                "carence.zones_carence.demande_couverte.r=PLANNER,FUNDER,ADMIN"), StandardCharsets.UTF_8);
        assertRefused("Fichier " + columns + " : la colonne « zones_carence.demande_couverte » est déclarée lisible par "
                + "FUNDER, ADMIN seulement, mais les règles la laissent lire au rôle PLANNER",
                "carence.zones_carence.demande_couverte.r=PLANNER,FUNDER,ADMIN",
                "écrivez par exemple carence.zones_carence.demande_couverte.r=FUNDER,ADMIN.");
        // through a prefix rule too: every site_* column is named by the first one it opens
        Files.writeString(columns, committed.replace("carence.indicateurs_communes.site_*.r=FUNDER,ADMIN",
                "carence.indicateurs_communes.site_*.r=FUNDER,PLANNER"), StandardCharsets.UTF_8);
        assertRefused("la colonne « indicateurs_communes.site_candidat » est déclarée lisible par FUNDER, ADMIN seulement",
                "au rôle PLANNER", "carence.indicateurs_communes.site_*.r=FUNDER,PLANNER");
        // a REST table's column is declared beside its schema (ResultLayers) and checked the same way
        Files.writeString(columns, committed.replace("carence.scenarios.km_evites_an.r=FUNDER,ADMIN",
                "carence.scenarios.km_evites_an.r=PLANNER,ADMIN"), StandardCharsets.UTF_8);
        assertRefused("la colonne « scenarios.km_evites_an » est déclarée lisible par FUNDER, ADMIN seulement",
                "au rôle PLANNER");
    }

    @Test
    void aRuleStricterThanTheDeclarationIsAllowed() throws IOException {
        String committed = Files.readString(columns, StandardCharsets.UTF_8);
        // intentions are declared for every account; funders only is narrower, hence allowed
        assertThat(committed).contains("carence.zones_carence_residuelles.intentions.r=PLANNER,FUNDER,ADMIN\n");
        Files.writeString(columns, committed.replace("carence.zones_carence_residuelles.intentions.r=PLANNER,FUNDER,ADMIN",
                "carence.zones_carence_residuelles.intentions.r=ADMIN"), StandardCharsets.UTF_8);
        SecurityFilesCheck.checkCatalogueRules(catalogue, STYLES);
        // a broader rule over the whole layer does not open a column another rule keeps narrower (rules only narrow)
        Files.writeString(columns, committed + "carence.zones_carence.*.r=PLANNER,FUNDER,ADMIN\n", StandardCharsets.UTF_8);
        SecurityFilesCheck.checkCatalogueRules(catalogue, STYLES);
    }

    @Test
    void everyRestrictedColumnNeedsARule() throws IOException {
        String committed = Files.readString(columns, StandardCharsets.UTF_8);
        Files.writeString(columns, committed.replace("carence.zones_carence_residuelles.intentions.r=PLANNER,FUNDER,ADMIN\n", ""),
                StandardCharsets.UTF_8);
        assertRefused("Fichier " + columns + " : la colonne « zones_carence_residuelles.intentions » est réservée",
                "carence.zones_carence_residuelles.intentions.r=PLANNER,FUNDER,ADMIN.");
        Files.writeString(columns, committed.replace("carence.recalculs.auteur.r=PLANNER,FUNDER,ADMIN\n", ""),
                StandardCharsets.UTF_8);
        assertRefused("la colonne « recalculs.auteur » est réservée", "carence.recalculs.auteur.r=PLANNER,FUNDER,ADMIN.");
        // a rule naming everyone does not protect it either
        Files.writeString(columns, committed.replace("carence.scenarios.auteur.r=PLANNER,FUNDER,ADMIN", "carence.scenarios.auteur.r=*"),
                StandardCharsets.UTF_8);
        assertRefused("la colonne « scenarios.auteur » est réservée");
    }

    @Test
    void declaredReadersAreCarencesRolesAndAdminReadsWhatItImplies() {
        fr.carence.analysis.store.ResultLayers.RESTRICTED_COLUMNS.forEach((table, cols) -> cols.forEach((column, roles) -> {
            assertThat(roles).as(table + "." + column).isNotEmpty();
            roles.forEach(r -> assertThat(Role.parse(r)).as(table + "." + column + " : " + r).isPresent());
        }));
        assertThat(SecurityFilesCheck.reachable(Role.ADMIN)).containsExactlyInAnyOrder("ADMIN", "PLANNER", "FUNDER");
        assertThat(SecurityFilesCheck.reachable(Role.PLANNER)).containsExactly("PLANNER");
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
