package fr.carence.loaders.admin;

import fr.carence.loaders.core.FieldError;
import java.util.List;

/**
 * One entry of the COG communes list as published by @etalab/decoupage-administratif (JSON or
 * flattened CSV), already checked field by field.
 *
 * @param type commune-actuelle, commune-deleguee, commune-associee or arrondissement-municipal
 * @param parent for a déléguée/associée its chef-lieu, for an arrondissement municipal its commune
 * @param epci SIREN of the EPCI when the file gives it (CSV), else null (taken from epci.json)
 * @param population population municipale, null when not published (some COM)
 * @param anciensCodes former codes merged into this commune-actuelle
 * @param where builds an error located at this entry
 */
record AdminEntry(String code, String nom, String type, String zone, String dep, String reg, String arrondissement,
                  String epci, Integer population, String parent, List<String> anciensCodes, FieldError where) {

    static final String ACTUELLE = "commune-actuelle";
    static final String DELEGUEE = "commune-deleguee";
    static final String ASSOCIEE = "commune-associee";
    static final String ARRONDISSEMENT = "arrondissement-municipal";
    static final List<String> TYPES = List.of(ACTUELLE, DELEGUEE, ASSOCIEE, ARRONDISSEMENT);

    boolean isCurrent() {
        return ACTUELLE.equals(type);
    }
}
