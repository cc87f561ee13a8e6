package fr.carence.loaders.admin;

import fr.carence.loaders.core.FieldError;
import java.util.List;

/** One EPCI à fiscalité propre of epci.json, with the codes of its member communes. */
record Epci(String code, String nom, String type, Integer population, List<String> members, FieldError where) {
}
