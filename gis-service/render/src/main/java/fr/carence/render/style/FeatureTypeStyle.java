package fr.carence.render.style;

import java.util.List;

/** One drawing pass over the features (SLD FeatureTypeStyle): its rules are tried per feature. */
public record FeatureTypeStyle(String name, List<Rule> rules) {

    public FeatureTypeStyle {
        rules = List.copyOf(rules);
    }
}
