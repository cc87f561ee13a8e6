package fr.carence.loaders.flux;

import fr.carence.store.Feature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Weighted commuters aggregated by (residence, workplace, mode), with the all-modes total per
 * pair. Memory is one small entry per origin–destination pair (about a million pairs for the
 * national FD_MOBPRO file), never one per record.
 */
final class FlowTable {

    static final String ALL_MODES = "tous";

    /** CS1 categories of FD_MOBPRO: 1 agriculteurs … 6 ouvriers. */
    static final int CS1_CATEGORIES = 6;

    private final Map<String, Pair> pairs = new HashMap<>();
    /** Residence commune → weighted commuters by CS1 1–6 (detail files with CS1 only). */
    private final Map<String, double[]> byCs1 = new TreeMap<>();

    /**
     * @param mode a {@link TransportModes#MODES} name, or null when the source has no mode
     *             (only the "tous" row is then produced)
     */
    void add(String residence, String workplace, String mode, double weight) {
        Pair p = pairs.computeIfAbsent(residence + '>' + workplace, k -> new Pair(residence, workplace));
        p.total += weight;
        if (mode != null) {
            p.byMode.merge(mode, weight, Double::sum);
        }
    }

    /** Adds one weighted commuter of category {@code cs1} (1–6) living in {@code residence}. */
    void addCategory(String residence, int cs1, double weight) {
        byCs1.computeIfAbsent(residence, k -> new double[CS1_CATEGORIES])[cs1 - 1] += weight;
    }

    /** Residence communes with CS1 detail. */
    int categoryCommuneCount() {
        return byCs1.size();
    }

    /**
     * Emits the features of {@code actifs_cs1}, sorted by id: one row per residence commune and
     * CS1 category with commuters (none when the file has no CS1 column).
     */
    void forEachCategoryFeature(String source, Consumer<Feature> sink) {
        byCs1.forEach((residence, counts) -> {
            for (int k = 0; k < CS1_CATEGORIES; k++) {
                if (counts[k] > 0) {
                    String id = residence + '>' + (k + 1);
                    Map<String, Object> props = new LinkedHashMap<>();
                    props.put("id", id);
                    props.put("code_residence", residence);
                    props.put("cs1", k + 1);
                    props.put("actifs", counts[k]);
                    props.put("source", source);
                    sink.accept(new Feature(id, null, props));
                }
            }
        });
    }

    int pairCount() {
        return pairs.size();
    }

    double total() {
        return pairs.values().stream().mapToDouble(p -> p.total).sum();
    }

    /** All-modes flux of one pair, or 0 when absent. */
    double total(String residence, String workplace) {
        Pair p = pairs.get(residence + '>' + workplace);
        return p == null ? 0 : p.total;
    }

    /**
     * Emits the features of {@code flux_domicile_travail}, sorted by id (stable output): one
     * "tous" row per pair, then one row per mode seen for the pair.
     */
    void forEachFeature(String source, Consumer<Feature> sink) {
        for (Pair p : new TreeMap<>(pairs).values()) {
            sink.accept(feature(p.residence, p.workplace, ALL_MODES, p.total, source));
            for (String mode : TransportModes.MODES) {
                Double v = p.byMode.get(mode);
                if (v != null) {
                    sink.accept(feature(p.residence, p.workplace, mode, v, source));
                }
            }
        }
    }

    /** Number of features {@link #forEachFeature} emits. */
    long featureCount() {
        return pairs.values().stream().mapToLong(p -> 1 + p.byMode.size()).sum();
    }

    private static Feature feature(String residence, String workplace, String mode, double flux, String source) {
        String id = residence + '>' + workplace + '>' + mode;
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("id", id);
        props.put("code_residence", residence);
        props.put("code_travail", workplace);
        props.put("mode", mode);
        props.put("flux", flux);
        props.put("source", source);
        return new Feature(id, null, props);
    }

    private static final class Pair {
        final String residence;
        final String workplace;
        final Map<String, Double> byMode = new HashMap<>(8);
        double total;

        Pair(String residence, String workplace) {
            this.residence = residence;
            this.workplace = workplace;
        }
    }

    /** For tests: the pairs as "res>trav". */
    List<String> pairKeys() {
        return new ArrayList<>(new TreeMap<>(pairs).keySet());
    }
}
