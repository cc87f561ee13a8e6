package fr.carence.loaders.fragilite;

import fr.carence.loaders.core.CsvRow;
import fr.carence.loaders.core.LoadException;
import fr.carence.loaders.core.LoadReport;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loader "fragilite-frr": the France Ruralités Revitalisation classification of every commune
 * into {@code frr}. Reads the DGCL/ANCT list as published ({@code ;}-separated, trailing
 * separator, columns {@code Code_insee;Departement;Commune;Classement FRR et FRR+ au <date>}) and
 * the shape of the arrêté list of 19 June 2024 (a code column and a label column). Unlike the
 * other zonings, the list covers every commune: a label it does not know, a missing code or a
 * code absent from the loaded COG is an error naming the line, and nothing is replaced.
 */
public final class FrrLoader extends CommuneZoningLoader {

    public static final String LAYER = "frr";

    static final LayerSchema SCHEMA = new LayerSchema(LAYER, List.of(
            Attribute.required("code", AttributeType.STRING),
            Attribute.required("classement", AttributeType.STRING),
            Attribute.required("libelle", AttributeType.STRING)),
            LayerSchema.GeometryType.NONE, "code");

    /** Code columns accepted, in order of preference (DGCL list, then the arrêté's usual names). */
    private static final List<String> CODE_COLUMNS = List.of("Code_insee", "code_insee", "CODGEO", "insee_com", "code");

    /** Normalised published label → classement. "FRR" and "Classée FRR" are the arrêté's wording before FRR+ existed. */
    private static final Map<String, String> CLASSEMENTS = new LinkedHashMap<>();

    static {
        CLASSEMENTS.put("non classee", "non_classee");
        CLASSEMENTS.put("frr socle", "frr_socle");
        CLASSEMENTS.put("frr", "frr_socle");
        CLASSEMENTS.put("classee frr", "frr_socle");
        CLASSEMENTS.put("classee en frr", "frr_socle");
        CLASSEMENTS.put("frr+", "frr_plus");
        CLASSEMENTS.put("frr plus", "frr_plus");
        CLASSEMENTS.put("frr beneficiaire", "frr_beneficiaire");
        CLASSEMENTS.put("classee frr partiellement", "frr_partiel");
        CLASSEMENTS.put("frr partiellement", "frr_partiel");
        CLASSEMENTS.put("frr beneficiaire partiellement", "frr_beneficiaire_partiel");
    }

    /** The classements of the layer, in the order of the published labels. */
    public static final List<String> VALUES = List.of("non_classee", "frr_socle", "frr_plus", "frr_beneficiaire",
            "frr_partiel", "frr_beneficiaire_partiel");

    public FrrLoader() {
        super("fragilite-frr",
                "Classement France Ruralités Revitalisation (FRR, FRR+) de chaque commune (liste DGCL/ANCT)",
                SCHEMA, "Code_insee", List.of(), "FRR (DGCL/ANCT)");
    }

    @Override
    char separator() {
        return ';';
    }

    @Override
    List<String> requiredColumns() {
        return List.of(); // two shapes: checked in codeColumn(header)
    }

    @Override
    String codeColumn(List<String> header, String file) {
        for (String c : CODE_COLUMNS) {
            if (header.contains(c)) {
                if (labelColumn(header) == null) {
                    throw LoadException.atLine(file, 1, null, "colonne du classement FRR absente (attendue : « Classement… » "
                            + "ou la 2e colonne d'une liste code ; libellé) ; colonnes trouvées : " + String.join(", ", header));
                }
                return c;
            }
        }
        throw LoadException.atLine(file, 1, CODE_COLUMNS.get(0), "colonne du code commune absente (acceptées : "
                + String.join(", ", CODE_COLUMNS) + ") ; colonnes trouvées : " + String.join(", ", header));
    }

    /** "Classement…" (DGCL list, dated), else the second of a two-column list (the trailing ";" adds an empty one). */
    private static String labelColumn(List<String> header) {
        for (String c : header) {
            if (c.toLowerCase(Locale.ROOT).startsWith("classement")) {
                return c;
            }
        }
        List<String> named = header.stream().filter(c -> !c.isEmpty()).toList();
        return named.size() == 2 ? named.get(1) : null;
    }

    @Override
    void unknownCode(CsvRow row, String raw, LoadReport report) {
        throw row.error(codeColumn(row.columns(), row.file()), "code commune « " + raw
                + " » absent du COG chargé (couche communes_insee) : liste FRR et référentiel de communes de millésimes différents ?");
    }

    @Override
    Map<String, Object> attributes(CsvRow row) {
        String column = labelColumn(row.columns());
        String label = row.required(column);
        String classement = classement(label);
        if (classement == null) {
            throw row.error(column, "classement FRR inconnu « " + label + " » (attendus : Non classée, FRR socle, FRR+, "
                    + "FRR bénéficiaire, Classée FRR partiellement, FRR bénéficiaire partiellement)");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("classement", classement);
        m.put("libelle", label);
        return m;
    }

    /** The classement of a published label (case, accents and spaces ignored), or null. */
    static String classement(String label) {
        String s = Normalizer.normalize(label, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        return CLASSEMENTS.get(s);
    }
}
