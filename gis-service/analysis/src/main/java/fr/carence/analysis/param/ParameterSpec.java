package fr.carence.analysis.param;

import java.util.List;

/**
 * One documented scenario parameter: its type, default, admissible range, unit and the source
 * that justifies the default. The catalogue of all of them is {@link ParameterCatalog}; the web
 * map and the REST API show these fields as they are.
 *
 * @param name French snake_case key used in the scenario JSON
 * @param type value type
 * @param defaultValue default (Double, Boolean or String; null for an optional value)
 * @param min lower bound for numbers (inclusive), null otherwise
 * @param max upper bound for numbers (inclusive), null otherwise
 * @param choices admissible values for {@link Type#CHOICE}, empty otherwise
 * @param unit unit, or "" when dimensionless
 * @param step analysis step that uses it (1 to 8)
 * @param description what it controls (French, shown to planners)
 * @param source where the default comes from, or why it is a policy choice
 */
public record ParameterSpec(String name, Type type, Object defaultValue, Double min, Double max, List<String> choices,
                            String unit, int step, String description, String source) {

    public enum Type { NUMBER, INTEGER, BOOLEAN, CHOICE, TEXT }

    public ParameterSpec {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    static ParameterSpec number(String name, double def, double min, double max, String unit, int step,
                                String description, String source) {
        return new ParameterSpec(name, Type.NUMBER, def, min, max, List.of(), unit, step, description, source);
    }

    static ParameterSpec integer(String name, int def, int min, int max, String unit, int step,
                                 String description, String source) {
        return new ParameterSpec(name, Type.INTEGER, (long) def, (double) min, (double) max, List.of(), unit, step,
                description, source);
    }

    static ParameterSpec flag(String name, boolean def, int step, String description, String source) {
        return new ParameterSpec(name, Type.BOOLEAN, def, null, null, List.of(), "", step, description, source);
    }

    static ParameterSpec choice(String name, String def, List<String> choices, int step, String description,
                                String source) {
        return new ParameterSpec(name, Type.CHOICE, def, null, null, choices, "", step, description, source);
    }

    static ParameterSpec text(String name, String def, int step, String description, String source) {
        return new ParameterSpec(name, Type.TEXT, def, null, null, List.of(), "", step, description, source);
    }
}
