package fr.carence.loaders.intentions;

import java.util.List;

/**
 * The investment-intention (AMII) file: its columns, documented once here, and the templates the
 * service and the CLI hand out (CSV for French Excel and GeoJSON). docs/amii.md shows the same table.
 */
public final class IntentionTemplate {

    /**
     * One column of the file.
     *
     * @param name header name (CSV) or property (GeoJSON)
     * @param required must be filled on every line
     * @param description French, what to write
     */
    public record Column(String name, boolean required, String description) {
    }

    public static final List<Column> COLUMNS = List.of(
            new Column("id", false, "Identifiant de l'intention dans l'AMII (ex. AMII-12) ; unique dans le fichier ; "
                    + "à défaut « ligne-N » (CSV) ou « entite-N » (GeoJSON)"),
            new Column("porteur", true, "Qui déclare l'intention : entreprise, association, collectivité"),
            new Column("type", true, "Type du lieu prévu : " + String.join(", ", IntentionsLoader.TYPES)),
            new Column("adresse", false, "Adresse postale prévue"),
            new Column("code_commune", false, "Code INSEE (COG) de la commune ; obligatoire sans lon/lat (le lieu est "
                    + "alors placé au point représentatif de la commune)"),
            new Column("lon", false, "Longitude WGS 84 en degrés décimaux (avec lat) ; en GeoJSON, la géométrie Point"),
            new Column("lat", false, "Latitude WGS 84 en degrés décimaux (avec lon)"),
            new Column("places", true, "Places (postes de travail) prévues : nombre entier supérieur à 0"),
            new Column("date_ouverture", false, "Date d'ouverture prévue : AAAA-MM-JJ, AAAA-MM ou JJ/MM/AAAA"),
            new Column("statut", true, "projet, confirme, ouvert ou abandonne (seuls projet, confirme et ouvert "
                    + "comptent comme offre future, selon le paramètre intentions_retenues du scénario)"));

    /** The CSV template: header and two made-up example lines (to be replaced), ';'-separated UTF-8. */
    public static String csv() {
        return "\uFEFF" + String.join(";", COLUMNS.stream().map(Column::name).toList()) + "\r\n"
                + "EXEMPLE-1;Communauté de communes (exemple fictif);tiers_lieu;1 place de la Mairie;12145;;;20;2027-09-01;projet\r\n"
                + "EXEMPLE-2;SARL Exemple (exemple fictif);coworking;;;3,0789;44,3506;12;2027-03;confirme\r\n";
    }

    /** The GeoJSON template: one made-up example feature with every property. */
    public static String geojson() {
        return """
                {
                  "type": "FeatureCollection",
                  "features": [
                    {
                      "type": "Feature",
                      "geometry": {"type": "Point", "coordinates": [3.0789, 44.3506]},
                      "properties": {
                        "id": "EXEMPLE-1",
                        "porteur": "SARL Exemple (exemple fictif)",
                        "type": "coworking",
                        "adresse": null,
                        "code_commune": "12145",
                        "places": 12,
                        "date_ouverture": "2027-03",
                        "statut": "confirme"
                      }
                    }
                  ]
                }
                """;
    }

    /** The columns as a Markdown table (docs/amii.md; kept equal by a test). */
    public static String markdown() {
        StringBuilder b = new StringBuilder("| colonne | obligatoire | contenu |\n|---|---|---|\n");
        for (Column c : COLUMNS) {
            b.append("| `").append(c.name()).append("` | ").append(c.required() ? "oui" : "non").append(" | ")
                    .append(c.description()).append(" |\n");
        }
        return b.toString();
    }

    private IntentionTemplate() {
    }
}
