package fr.carence.render.style;

import java.util.List;

/**
 * A named style (an SLD UserStyle): feature type styles drawn one after the other.
 *
 * @param name style name, as referenced by the catalogue and WMS STYLES
 * @param title French title shown in capabilities
 * @param abstractText description, may be null
 * @param featureTypeStyles drawing passes, in order
 */
public record Style(String name, String title, String abstractText, List<FeatureTypeStyle> featureTypeStyles) {

    public Style {
        featureTypeStyles = List.copyOf(featureTypeStyles);
    }

    /** Every rule of every pass, in drawing order (legends show one row per rule). */
    public List<Rule> allRules() {
        return featureTypeStyles.stream().flatMap(f -> f.rules().stream()).toList();
    }
}
