package fr.carence.loaders.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.loaders.core.LoadContext;
import fr.carence.loaders.core.LoadException;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.core.TestFiles;
import fr.carence.loaders.testing.LayerSnapshot;
import fr.carence.store.FeatureStore;
import fr.carence.store.testing.BothStores;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input for the "admin" loader: each case is the valid fixture with one defect. Every load
 * must fail with one error naming file, entry/line and field, and leave the store exactly as the
 * valid fixture left it.
 */
class AdminLoaderBadInputTest {

    private static final List<String> LAYERS = List.of("communes_insee", "codes_communes_historique", "epci",
            "departements_insee", "regions_insee");

    @TempDir
    Path dir;

    private Map<String, List<String>> before;

    @BeforeEach
    void loadValidFixture(FeatureStore store) {
        new AdminLoader().load(fixtureFiles(), LoadContext.of(store, Progress.silent()));
        before = snapshot(store);
        assertThat(before.get("communes_insee")).hasSize(4);
    }

    private static List<Path> fixtureFiles() {
        return List.of(TestFiles.resource("admin/fixture-admin/communes.json"), TestFiles.resource("admin/fixture-admin/epci.json"),
                TestFiles.resource("admin/fixture-admin/departements.json"), TestFiles.resource("admin/fixture-admin/regions.json"));
    }

    private static Map<String, List<String>> snapshot(FeatureStore store) {
        return LAYERS.stream().collect(java.util.stream.Collectors.toMap(l -> l, l -> LayerSnapshot.of(store, l)));
    }

    /** Writes fixture-&lt;name&gt;/&lt;file&gt; from a fixture file with one edit. */
    private Path variant(String name, String fixture, UnaryOperator<String> edit, Charset charset) throws IOException {
        String text = Files.readString(TestFiles.resource(fixture), StandardCharsets.UTF_8);
        String edited = edit.apply(text);
        assertThat(edited).as("the edit must change the fixture").isNotEqualTo(text);
        Path d = Files.createDirectories(dir.resolve("fixture-" + name));
        Path p = d.resolve(Path.of(fixture).getFileName().toString());
        Files.write(p, edited.getBytes(charset));
        return p;
    }

    private Path variant(String name, UnaryOperator<String> edit) throws IOException {
        return variant(name, "admin/fixture-admin/communes.json", edit, StandardCharsets.UTF_8);
    }

    private void assertFailsUnchanged(FeatureStore store, List<Path> files, String expectedMessage) {
        assertThatThrownBy(() -> new AdminLoader().load(files, LoadContext.of(store, Progress.silent())))
                .isInstanceOf(LoadException.class)
                .hasMessage(expectedMessage);
        assertThat(snapshot(store)).isEqualTo(before);
    }

    @BothStores
    void truncatedJson(FeatureStore store) throws IOException {
        Path p = variant("tronque", t -> t.substring(0, t.indexOf("{\"code\":\"12270\"") + 40));
        assertFailsUnchanged(store, List.of(p), "communes.json, entité n° 2 : fichier tronqué (fin inattendue ligne 4)");
    }

    @BothStores
    void latin1Json(FeatureStore store) throws IOException {
        Path p = variant("latin1", "admin/fixture-admin/communes.json", t -> t.replace("Millau", "Millau "), StandardCharsets.ISO_8859_1);
        assertFailsUnchanged(store, List.of(p), "communes.json, entité n° 2 : le fichier n'est pas en UTF-8 (octet invalide ligne 4, "
                + "probablement Latin-1/Windows-1252) : le JSON doit être en UTF-8");
    }

    @BothStores
    void missingName(FeatureStore store) throws IOException {
        Path p = variant("sans-nom", t -> t.replace("\"nom\":\"Nant\",", ""));
        assertFailsUnchanged(store, List.of(p), "communes.json, entité n° 1 (12160), champ « nom » : valeur obligatoire manquante");
    }

    @BothStores
    void duplicateCode(FeatureStore store) throws IOException {
        Path p = variant("doublon", t -> t.replace("\"code\":\"12160\"", "\"code\":\"12145\""));
        assertFailsUnchanged(store, List.of(p),
                "communes.json, entité n° 1 (12145), champ « code » : code commune « 12145 » en double (deux communes actuelles)");
    }

    @BothStores
    void negativePopulation(FeatureStore store) throws IOException {
        Path p = variant("population-negative", t -> t.replace("\"population\":900", "\"population\":-900"));
        assertFailsUnchanged(store, List.of(p), "communes.json, entité n° 1 (12160), champ « population » : population négative (-900)");
    }

    @BothStores
    void nonNumericPopulation(FeatureStore store) throws IOException {
        Path p = variant("population-texte", t -> t.replace("\"population\":900", "\"population\":\"neuf cents\""));
        assertFailsUnchanged(store, List.of(p),
                "communes.json, entité n° 1 (12160), champ « population » : nombre entier attendu, trouvé « neuf cents »");
    }

    @BothStores
    void unknownChefLieu(FeatureStore store) throws IOException {
        Path p = variant("chef-lieu-inconnu", t -> t.replace("\"chefLieu\":\"12270\"", "\"chefLieu\":\"12777\""));
        assertFailsUnchanged(store, List.of(p), "communes.json, entité n° 3 (12998), champ « chefLieu » : "
                + "code commune inconnu « 12777 » : ce n'est pas une commune-actuelle du fichier");
    }

    @BothStores
    void malformedCode(FeatureStore store) throws IOException {
        Path p = variant("code-invalide", t -> t.replace("\"code\":\"12160\"", "\"code\":\"12A60\""));
        assertFailsUnchanged(store, List.of(p), "communes.json, entité n° 1 (12A60), champ « code » : "
                + "code commune INSEE invalide « 12A60 » (5 caractères attendus, ex. 01001, 2A004)");
    }

    @BothStores
    void emptyFileAndEmptyArray(FeatureStore store) throws IOException {
        Path empty = Files.createDirectories(dir.resolve("fixture-vide")).resolve("communes.json");
        Files.writeString(empty, "");
        assertFailsUnchanged(store, List.of(empty), "communes.json : fichier vide");
        Path array = variant("tableau-vide", t -> "[]");
        assertFailsUnchanged(store, List.of(array), "communes.json : aucune commune dans le fichier");
    }

    @BothStores
    void unknownEpciMember(FeatureStore store) throws IOException {
        Path communes = TestFiles.resource("admin/fixture-admin/communes.json");
        Path epci = variant("epci-membre-inconnu", "admin/fixture-admin/epci.json", t -> t.replace("{\"code\":\"12160\"}", "{\"code\":\"12777\"}"),
                StandardCharsets.UTF_8);
        assertFailsUnchanged(store, List.of(communes, epci),
                "epci.json, entité n° 0 (200066155), champ « membres.code » : commune membre « 12777 » inconnue de la liste des communes");
    }

    @BothStores
    void unrecognisedFileName(FeatureStore store) throws IOException {
        Path p = Files.writeString(dir.resolve("fixture-population.xlsx"), "x");
        assertFailsUnchanged(store, List.of(p), "fixture-population.xlsx : fichier non reconnu pour le jeu « admin » "
                + "(attendu : communes*.json|csv, epci*.json, departements*.json, regions*.json, éventuellement .gz)");
    }

    // --- CSV form ---

    private Path csvVariant(String name, UnaryOperator<String> edit, Charset charset) throws IOException {
        return variant(name, "admin/fixture-admin-csv/communes.csv", edit, charset);
    }

    @BothStores
    void csvWrongSeparator(FeatureStore store) throws IOException {
        Path p = csvVariant("point-virgule", t -> t.replace(',', ';'), StandardCharsets.UTF_8);
        assertFailsUnchanged(store, List.of(p), "communes.csv, ligne 1 : séparateur « ; » trouvé là où « , » est attendu");
    }

    @BothStores
    void csvTruncatedLastLine(FeatureStore store) throws IOException {
        Path p = csvVariant("tronque", t -> t.substring(0, t.lastIndexOf("75,11")), StandardCharsets.UTF_8);
        assertFailsUnchanged(store, List.of(p), "communes.csv, ligne 7 : 5 champs au lieu de 13 : ligne tronquée ou mal formée (séparateur « , »)");
    }

    @BothStores
    void csvMissingColumn(FeatureStore store) throws IOException {
        Path p = csvVariant("sans-population", t -> t.replace(",population,", ",pop,"), StandardCharsets.UTF_8);
        assertFailsUnchanged(store, List.of(p), "communes.csv, ligne 1, champ « population » : colonne obligatoire absente de l'en-tête "
                + "(colonnes trouvées : code, nom, type, zone, dep, reg, arrondissement, epci, pop, codes_postaux, chef_lieu, anciens_codes, siren)");
    }

    @BothStores
    void csvNegativePopulation(FeatureStore store) throws IOException {
        Path p = csvVariant("population-negative", t -> t.replace(",900,", ",-900,"), StandardCharsets.UTF_8);
        assertFailsUnchanged(store, List.of(p), "communes.csv, ligne 3, champ « population » : population négative (-900)");
    }

    @BothStores
    void csvInLatin1IsDecodedAsInseePublishesIt(FeatureStore store) throws IOException {
        Path p = csvVariant("latin1", t -> t.replace("Millau", "Millau "), StandardCharsets.ISO_8859_1);
        new AdminLoader().load(List.of(p), LoadContext.of(store, Progress.silent()));
        assertThat(LayerSnapshot.of(store, "communes_insee")).anyMatch(row -> row.contains("nom=Sévérac d'Aveyron"));
        assertThat(LayerSnapshot.of(store, "codes_communes_historique")).containsExactlyElementsOf(before.get("codes_communes_historique"));
    }
}
