package fr.carence.analysis.param;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The study area of a scenario (parameter {@code perimetre}): {@code france} (every loaded
 * commune), {@code regions:76,84}, {@code departements:12,48}, {@code epci:241200567} or
 * {@code massif:Massif Central} (communes of that massif in the zone-montagne layer), or a preset.
 *
 * @param kind france, regions, departements, epci or massif
 * @param codes the codes (or the massif name); empty for france
 */
public record Perimetre(String kind, List<String> codes) {

    /** Presets by name: the seeds' study areas. */
    public static final Map<String, String> PRESETS = new LinkedHashMap<>();

    static {
        // The Massif central pilot: communes of the Massif Central mountain zone (ANCT), across its four régions.
        PRESETS.put("massif-central", "massif:Massif Central");
        PRESETS.put("hauts-de-france", "regions:32");
    }

    private static final Pattern CODE = Pattern.compile("[0-9AB]{1,9}");
    private static final List<String> KINDS = List.of("regions", "departements", "epci", "massif");

    public Perimetre {
        codes = List.copyOf(codes);
    }

    public boolean isFrance() {
        return kind.equals("france");
    }

    /**
     * Parses the parameter's text.
     *
     * @throws InvalidParameterException naming {@code perimetre}
     */
    public static Perimetre parse(String text) {
        String s = text.strip();
        String preset = PRESETS.get(s.toLowerCase(Locale.ROOT));
        if (preset != null) {
            s = preset;
        }
        if (s.equalsIgnoreCase("france")) {
            return new Perimetre("france", List.of());
        }
        int colon = s.indexOf(':');
        String kind = colon < 0 ? s : s.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        if (colon < 0 || !KINDS.contains(kind)) {
            throw invalid(text, "attendu france, " + String.join(", ", PRESETS.keySet())
                    + ", regions:<codes>, departements:<codes>, epci:<sirens> ou massif:<nom>");
        }
        String rest = s.substring(colon + 1).strip();
        if (rest.isEmpty()) {
            throw invalid(text, "aucun code après « " + kind + ": »");
        }
        if (kind.equals("massif")) {
            return new Perimetre(kind, List.of(rest));
        }
        List<String> codes = List.of(rest.split("\\s*,\\s*"));
        for (String c : codes) {
            if (!CODE.matcher(c).matches()) {
                throw invalid(text, "code « " + c + " » invalide");
            }
        }
        return new Perimetre(kind, codes);
    }

    private static InvalidParameterException invalid(String text, String reason) {
        return new InvalidParameterException(ParameterCatalog.PERIMETRE, ParameterCatalog.PERIMETRE + " = « " + text
                + " » : " + reason);
    }

    /** Whether a commune (its région, département, EPCI and massif) is inside. */
    public boolean contains(String region, String departement, String epci, String massif) {
        return switch (kind) {
            case "france" -> true;
            case "regions" -> codes.contains(region);
            case "departements" -> codes.contains(departement);
            case "epci" -> codes.contains(epci);
            case "massif" -> massif != null && massif.equalsIgnoreCase(codes.get(0));
            default -> false;
        };
    }

    @Override
    public String toString() {
        return isFrance() ? "france" : kind + ":" + String.join(",", codes);
    }
}
