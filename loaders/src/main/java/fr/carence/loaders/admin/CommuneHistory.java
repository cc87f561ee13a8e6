package fr.carence.loaders.admin;

import fr.carence.loaders.core.LoadReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds {@code codes_communes_historique} from the communes list. Rules, in priority order when
 * one former code appears twice with different targets (2 cases in COG 2026, reported as
 * duplicates; the same order as used to derive communes-cog2026-dissolved):
 * <ol>
 *   <li>{@code fusion}: a code in a commune-actuelle's {@code anciensCodes} maps to that commune;</li>
 *   <li>{@code deleguee} / {@code associee}: the entry's code maps to its {@code chefLieu};</li>
 *   <li>{@code arrondissement_municipal}: 75101 to 75056, 13201 to 13055, 69381 to 69123.</li>
 * </ol>
 * Identity mappings (a commune déléguée keeping the code of its commune nouvelle) are left out.
 */
final class CommuneHistory {

    record Mapping(String ancienCode, String codeActuel, String nature) {
    }

    private CommuneHistory() {
    }

    /** @param current codes of the commune-actuelle entries (every target must be one of them) */
    static List<Mapping> build(List<AdminEntry> entries, Set<String> current, LoadReport report) {
        Map<String, Mapping> byCode = new LinkedHashMap<>();
        for (AdminEntry e : entries) {
            if (e.isCurrent()) {
                for (String old : e.anciensCodes()) {
                    add(byCode, new Mapping(old, e.code(), "fusion"), report);
                }
            }
        }
        for (AdminEntry e : entries) {
            String nature = switch (e.type()) {
                case AdminEntry.DELEGUEE -> "deleguee";
                case AdminEntry.ASSOCIEE -> "associee";
                default -> null;
            };
            if (nature != null) {
                requireCurrent(e, current, "chefLieu");
                add(byCode, new Mapping(e.code(), e.parent(), nature), report);
            }
        }
        for (AdminEntry e : entries) {
            if (AdminEntry.ARRONDISSEMENT.equals(e.type())) {
                requireCurrent(e, current, "commune");
                add(byCode, new Mapping(e.code(), e.parent(), "arrondissement_municipal"), report);
            }
        }
        return List.copyOf(byCode.values());
    }

    private static void requireCurrent(AdminEntry e, Set<String> current, String field) {
        if (!current.contains(e.parent())) {
            throw e.where().error(field, "code commune inconnu « " + e.parent() + " » : ce n'est pas une commune-actuelle du fichier");
        }
    }

    private static void add(Map<String, Mapping> byCode, Mapping m, LoadReport report) {
        if (m.ancienCode().equals(m.codeActuel())) {
            return;
        }
        Mapping first = byCode.putIfAbsent(m.ancienCode(), m);
        if (first != null && !first.codeActuel().equals(m.codeActuel())) {
            report.duplicate("ancien code " + m.ancienCode() + " : " + first.nature() + " vers " + first.codeActuel()
                    + " retenu, " + m.nature() + " vers " + m.codeActuel() + " ignoré");
        }
    }
}
