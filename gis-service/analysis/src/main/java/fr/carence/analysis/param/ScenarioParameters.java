package fr.carence.analysis.param;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A validated, complete parameter set (built only by {@link ParameterCatalog#validate}). */
public final class ScenarioParameters {
    private final Map<String, Object> values;

    ScenarioParameters(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public double number(String name) {
        return (Double) require(name);
    }

    public int integer(String name) {
        return (int) Math.round((Double) require(name));
    }

    public boolean flag(String name) {
        return (Boolean) require(name);
    }

    /** Text or choice value; null for an unset optional text. */
    public String text(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("unknown parameter " + name);
        }
        return (String) values.get(name);
    }

    /** All values, in catalogue order (integers as Long, other numbers as Double), for the scenario's JSON. */
    public Map<String, Object> asMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            boolean integer = ParameterCatalog.spec(k).map(s -> s.type() == ParameterSpec.Type.INTEGER).orElse(false);
            out.put(k, integer && v != null ? (Object) Math.round((Double) v) : v);
        });
        return Collections.unmodifiableMap(out);
    }

    /** A copy with some values replaced, validated again. */
    public ScenarioParameters with(Map<String, ?> changes) {
        Map<String, Object> merged = new LinkedHashMap<>(values);
        merged.putAll(changes);
        merged.values().removeIf(v -> v == null);
        return ParameterCatalog.validate(merged);
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("unknown or unset parameter " + name);
        }
        return v;
    }
}
