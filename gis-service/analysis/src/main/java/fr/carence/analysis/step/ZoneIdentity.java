package fr.carence.analysis.step;

import fr.carence.analysis.AdminUnits;
import fr.carence.analysis.model.Commune;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A zone's stable code and readable name, derived from its content (never from its rank), so the
 * same zone has the same code and name in every scenario and can be quoted in a document.
 */
public final class ZoneIdentity {
    /** Legal form at the start of an EPCI name ("CC de", "Communauté d'agglomération du"…). */
    private static final Pattern EPCI_FORM = Pattern.compile("^(CC|CA|CU|Communauté de communes|Communauté d'agglomération"
            + "|Communauté urbaine|Métropole)( (de la|de l'|des|du|de|d')|\\s)\\s*", Pattern.CASE_INSENSITIVE);

    private ZoneIdentity() {
    }

    /**
     * "epci-200066223", "departement-12", "commune-12145" for a unit; for a cluster of contiguous
     * communes "grappe-" + the first 10 hex digits of the SHA-256 of its sorted member codes.
     */
    public static String code(CarenceZoneBuilder.Zone zone, List<Commune> communes) {
        return code(zone, communes, new Quartiers(new String[communes.size()], new String[communes.size()]));
    }

    /**
     * The QPV quartiers a commune was judged on (method v2: where perimeters are loaded, a QPV is in
     * carence as a quartier, not its whole commune).
     *
     * @param code per commune, the quartiers' codes joined by "+" when judged at the quartier, else null
     * @param name their names, joined by " + "
     */
    public record Quartiers(String[] code, String[] name) {
    }

    /**
     * As {@link #code(CarenceZoneBuilder.Zone, List)}, a quartier counting by its QPV code: a zone of
     * one quartier is "qpv-" + its code ("qpv-QP034004"), a cluster hashes the QPV codes in place of
     * their communes' codes, so a quartier zone never takes the code of its whole commune.
     */
    public static String code(CarenceZoneBuilder.Zone zone, List<Commune> communes, Quartiers quartiers) {
        if (zone.unit() != null) {
            return zone.unit().replace(':', '-');
        }
        if (zone.members().size() == 1 && quartiers.code()[zone.members().get(0)] != null) {
            return "qpv-" + quartiers.code()[zone.members().get(0)];
        }
        StringBuilder codes = new StringBuilder();
        zone.members().stream().map(i -> quartiers.code()[i] != null ? quartiers.code()[i] : communes.get(i).code())
                .sorted().forEach(c -> codes.append(c).append(','));
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(codes.toString().getBytes(StandardCharsets.UTF_8));
            return "grappe-" + HexFormat.of().formatHex(h).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 absent de la JVM", e);
        }
    }

    /**
     * The unit's name for an EPCI or a département ("Aveyron (12)"); for a cluster, its most
     * populous commune and its EPCI without the legal form ("Millau – Millau Grands Causses"),
     * with the number of communes when there are several.
     */
    public static String name(CarenceZoneBuilder.Zone zone, List<Commune> communes, AdminUnits units) {
        return name(zone, communes, units, new Quartiers(new String[communes.size()], new String[communes.size()]));
    }

    /** As above; a quartier is named after its QPV ("Quartier Centre Ville (Béziers)"). */
    public static String name(CarenceZoneBuilder.Zone zone, List<Commune> communes, AdminUnits units,
                              Quartiers quartiers) {
        String unit = zone.unit();
        if (unit != null && unit.startsWith("epci:")) {
            String siren = unit.substring("epci:".length());
            return units.epciNames().getOrDefault(siren, "EPCI " + siren);
        }
        if (unit != null && unit.startsWith("departement:")) {
            String dep = unit.substring("departement:".length());
            String nom = units.departementNames().get(dep);
            return nom == null ? "Département " + dep : nom + " (" + dep + ")";
        }
        int main = zone.members().get(0);
        for (int i : zone.members()) {
            if (communes.get(i).population() > communes.get(main).population()) {
                main = i;
            }
        }
        String name = communes.get(main).nom() == null ? communes.get(main).code() : communes.get(main).nom();
        if (quartiers.code()[main] != null) {
            name = "Quartier " + quartiers.name()[main] + " (" + name + ")";
        }
        String epci = units.epci()[main] == null ? null : units.epciNames().get(units.epci()[main]);
        if (epci != null) {
            String shortName = EPCI_FORM.matcher(epci).replaceFirst("");
            if (!shortName.equalsIgnoreCase(name)) {
                name = name + " – " + shortName;
            }
        }
        int n = zone.members().size();
        return n > 1 ? name + " (" + n + " communes)" : name;
    }
}
