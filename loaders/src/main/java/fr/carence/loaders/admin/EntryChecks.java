package fr.carence.loaders.admin;

import fr.carence.loaders.core.CommuneCodes;
import java.util.ArrayList;
import java.util.List;
import fr.carence.loaders.core.FieldError;

/** Field checks shared by the JSON and CSV readers of the communes list. */
final class EntryChecks {

    private EntryChecks() {
    }

    /** Builds an entry from raw field values; {@code error} makes a located error for a field. */
    static AdminEntry entry(Fields f, FieldError error) {
        String code = communeCode(f.get("code"), "code", error, true);
        String nom = required(f.get("nom"), "nom", error);
        String type = required(f.get("type"), "type", error);
        if (!AdminEntry.TYPES.contains(type)) {
            throw error.error("type", "type « " + type + " » inconnu (attendu : " + String.join(", ", AdminEntry.TYPES) + ")");
        }
        String parent = null;
        if (type.equals(AdminEntry.DELEGUEE) || type.equals(AdminEntry.ASSOCIEE)) {
            parent = communeCode(f.get("chefLieu"), f.name("chefLieu"), error, true);
        } else if (type.equals(AdminEntry.ARRONDISSEMENT)) {
            parent = communeCode(f.get("commune"), f.name("commune"), error, true);
        }
        boolean current = type.equals(AdminEntry.ACTUELLE);
        String dep = current ? required(f.get("departement"), f.name("departement"), error) : f.get("departement");
        String reg = current ? required(f.get("region"), f.name("region"), error) : f.get("region");
        List<String> anciens = new ArrayList<>();
        for (String a : f.list("anciensCodes")) {
            anciens.add(communeCode(a, f.name("anciensCodes"), error, true));
        }
        Integer population = population(f.get("population"), f.name("population"), error);
        return new AdminEntry(code, nom, type, f.get("zone"), dep, reg, f.get("arrondissement"), f.get("epci"),
                population, parent, List.copyOf(anciens), error);
    }

    static String required(String value, String field, FieldError error) {
        if (value == null || value.isBlank()) {
            throw error.error(field, "valeur obligatoire manquante");
        }
        return value.strip();
    }

    static String communeCode(String value, String field, FieldError error, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw error.error(field, "code commune obligatoire manquant");
            }
            return null;
        }
        String code = CommuneCodes.canonical(value);
        if (code == null) {
            throw error.error(field, "code commune INSEE invalide « " + value + " » (5 caractères attendus, ex. 01001, 2A004)");
        }
        return code;
    }

    static Integer population(String value, String field, FieldError error) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        long n;
        try {
            double d = Double.parseDouble(s);
            if (d != Math.rint(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            n = (long) d;
        } catch (NumberFormatException e) {
            throw error.error(field, "nombre entier attendu, trouvé « " + s + " »");
        }
        if (n < 0) {
            throw error.error(field, "population négative (" + s + ")");
        }
        if (n > Integer.MAX_VALUE) {
            throw error.error(field, "population invraisemblable (" + s + ")");
        }
        return (int) n;
    }

    /** Raw access to an entry's fields, named as in the JSON (the CSV maps its own names). */
    interface Fields {
        String get(String jsonName);

        List<String> list(String jsonName);

        /** The field's name in this file format, for messages. */
        String name(String jsonName);
    }
}
