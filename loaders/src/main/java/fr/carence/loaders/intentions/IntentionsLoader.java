package fr.carence.loaders.intentions;

import com.fasterxml.jackson.databind.JsonNode;
import fr.carence.loaders.core.CsvFile;
import fr.carence.loaders.core.CsvRow;
import fr.carence.loaders.core.CsvSpec;
import fr.carence.loaders.core.DatasetLoader;
import fr.carence.loaders.core.GeoJsonFeature;
import fr.carence.loaders.core.GeoJsonReader;
import fr.carence.loaders.core.InputFile;
import fr.carence.loaders.core.InputKind;
import fr.carence.loaders.core.LayerPublisher;
import fr.carence.loaders.core.LoadContext;
import fr.carence.loaders.core.LoadException;
import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.NumberStyle;
import fr.carence.loaders.core.Placement;
import fr.carence.loaders.core.TextEncoding;
import fr.carence.loaders.flux.HeaderLines;
import fr.carence.store.Feature;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.locationtech.jts.geom.Point;

/**
 * Loader "intentions": the investment intentions declared in answer to an AMII (appel à
 * manifestation d'intention d'investissement) into {@code intentions_amii}, one point per intended
 * venue. CSV (the template of {@link IntentionTemplate}, ';' or ',' separated) or GeoJSON points.
 *
 * <p>A small file read whole: every line is checked and <em>all</em> the errors are reported at
 * once ({@link LoadException#all}), each naming its line and column; nothing is written unless the
 * whole file is valid (one atomic replacement of the layer). The scenarios then apply the
 * intentions as future supply (docs/amii.md).
 */
public final class IntentionsLoader implements DatasetLoader {

    public static final String LAYER = "intentions_amii";
    public static final List<String> TYPES = List.of("tiers_lieu", "coworking", "telecentre");
    public static final List<String> STATUTS = List.of("projet", "confirme", "ouvert", "abandonne");
    /** Errors reported at most: beyond, the file is evidently not an intentions file. */
    static final int MAX_ERRORS = 100;
    static final int MAX_PLACES = 10_000;

    public static final LayerSchema SCHEMA = new LayerSchema(LAYER, List.of(
            Attribute.required("id", AttributeType.STRING),
            Attribute.required("porteur", AttributeType.STRING),
            Attribute.required("type", AttributeType.STRING),
            Attribute.optional("adresse", AttributeType.STRING),
            Attribute.optional("code_commune", AttributeType.STRING),
            Attribute.required("places", AttributeType.INTEGER),
            Attribute.optional("date_ouverture", AttributeType.STRING),
            Attribute.required("statut", AttributeType.STRING),
            Attribute.required("localisation", AttributeType.STRING),
            Attribute.required("source", AttributeType.STRING)),
            LayerSchema.GeometryType.POINT, "id");

    /** {@code localisation}: where the point comes from. */
    public static final String COORDONNEES = Placement.COORDINATES;
    public static final String POINT_COMMUNE = Placement.COMMUNE_POINT;

    @Override
    public String key() {
        return "intentions";
    }

    @Override
    public String description() {
        return "Intentions d'investissement déclarées à un AMII (CSV du modèle ou GeoJSON) : offre future des scénarios";
    }

    @Override
    public List<String> layers() {
        return List.of(LAYER);
    }

    @Override
    public Set<InputKind> inputKinds() {
        return EnumSet.of(InputKind.CSV, InputKind.JSON);
    }

    @Override
    public List<String> dependsOn() {
        return List.of("admin", "communes");
    }

    /** One line or feature as read, before checks. */
    private record Raw(String id, String porteur, String type, String adresse, String commune, Double lon, Double lat,
                       int srid, String places, String date, String statut, String where,
                       BiFunction<String, String, LoadException> error) {
    }

    @Override
    public LoadReport load(List<Path> files, LoadContext ctx) {
        if (files.size() != 1) {
            throw LoadException.prerequisite("le jeu « intentions » attend un seul fichier (CSV ou GeoJSON), reçu " + files.size());
        }
        Path file = files.get(0);
        String name = InputFile.displayName(file);
        LoadReport report = new LoadReport(key());
        List<Raw> raws = new ArrayList<>();
        List<LoadException> errors = new ArrayList<>();
        String firstLine = HeaderLines.read(file, 1).line(1);
        long n = firstLine != null && firstLine.replace("\uFEFF", "").stripLeading().startsWith("{")
                ? readGeoJson(file, ctx, raws, errors)
                : readCsv(file, firstLine, ctx, raws, errors);
        if (n == 0 && errors.isEmpty()) {
            throw LoadException.inFile(name, "aucune intention dans le fichier (en-tête seul ?)");
        }
        report.addRowsRead(n);
        Placement placement = new Placement(ctx.store(), ctx.communeCodes(), "l'intention");
        Map<String, String> lineOfId = new HashMap<>();
        List<Feature> features = new ArrayList<>();
        for (Raw r : raws) {
            try {
                features.add(feature(r, name, placement, lineOfId));
            } catch (LoadException e) {
                errors.add(e);
            }
            if (errors.size() >= MAX_ERRORS) {
                break;
            }
        }
        if (!errors.isEmpty()) {
            throw LoadException.all(name, errors);
        }
        Map<LayerSchema, List<Feature>> layers = new LinkedHashMap<>();
        layers.put(SCHEMA, features);
        LayerPublisher.publishAll(ctx.store(), ctx.source(key(), name, ctx.option("millesime").orElse(null)), layers, report);
        return report;
    }

    private long readCsv(Path file, String header, LoadContext ctx, List<Raw> raws, List<LoadException> errors) {
        char separator = ctx.option("separateur").map(s -> s.charAt(0))
                .orElse(header != null && header.indexOf(';') >= 0 ? ';' : header != null && header.indexOf('\t') >= 0 ? '\t' : ',');
        List<String> required = IntentionTemplate.COLUMNS.stream().filter(IntentionTemplate.Column::required)
                .map(IntentionTemplate.Column::name).toList();
        NumberStyle numbers = Placement.csvCoordinates(separator);
        try (CsvFile csv = CsvFile.open(file, CsvSpec.of(separator, TextEncoding.UTF8_OR_WINDOWS_1252, required, numbers),
                ctx.progress())) {
            for (CsvRow row : csv) {
                if (errors.size() >= MAX_ERRORS) {
                    break;
                }
                try {
                    raws.add(new Raw(opt(row, "id"), row.optional("porteur"), row.optional("type"), opt(row, "adresse"),
                            opt(row, "code_commune"), row.hasColumn("lon") ? row.decimal("lon") : null,
                            row.hasColumn("lat") ? row.decimal("lat") : null, 4326, row.optional("places"),
                            opt(row, "date_ouverture"), row.optional("statut"), "ligne " + row.line(), row::error));
                } catch (LoadException e) {
                    errors.add(e);
                }
            }
            return csv.rows();
        }
    }

    private static String opt(CsvRow row, String column) {
        return row.hasColumn(column) ? row.optional(column) : null;
    }

    private long readGeoJson(Path file, LoadContext ctx, List<Raw> raws, List<LoadException> errors) {
        return GeoJsonReader.forEach(file, ctx.progress(), f -> {
            String id = f.text("id");
            BiFunction<String, String, LoadException> error = (field, reason) -> f.error(id, field, reason);
            Double lon = null;
            Double lat = null;
            if (f.geometry() != null) {
                if (!(f.geometry() instanceof Point p) || p.isEmpty()) {
                    errors.add(error.apply("geometry", "point attendu, trouvé " + f.geometry().getGeometryType()));
                    return;
                }
                lon = p.getX();
                lat = p.getY();
            }
            raws.add(new Raw(id, f.text("porteur"), f.text("type"), f.text("adresse"), f.firstText("code_commune", "insee"),
                    lon, lat, f.srid(), text(f, "places"), f.text("date_ouverture"), f.text("statut"),
                    "entité n° " + f.index(), error));
        });
    }

    private static String text(GeoJsonFeature f, String property) {
        JsonNode v = f.properties().get(property);
        return v == null || v.isNull() ? null : v.asText().strip();
    }

    private static Feature feature(Raw r, String sourceName, Placement placement,
                                   Map<String, String> lineOfId) {
        String porteur = required(r, "porteur", r.porteur());
        String type = parse(r, "type", r.type(), TYPES);
        String statut = parse(r, "statut", r.statut(), STATUTS);
        int places = places(r);
        String date = date(r);
        String commune = placement.commune(r.commune(), r.error()::apply);
        Placement.Place place = placement.place(r.lon(), r.lat(), r.srid(), commune, r.error()::apply);
        String id = r.id();
        String where = r.where();
        if (id == null) {
            id = where.replace("ligne ", "ligne-").replace("entité n° ", "entite-");
        }
        String first = lineOfId.putIfAbsent(id, where);
        if (first != null) {
            throw r.error().apply("id", "identifiant « " + id + " » en double (déjà en " + first + ")");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("porteur", porteur);
        p.put("type", type);
        p.put("adresse", r.adresse());
        p.put("code_commune", commune);
        p.put("places", places);
        p.put("date_ouverture", date);
        p.put("statut", statut);
        p.put("localisation", place.localisation());
        p.put("source", sourceName);
        return new Feature(id, place.point(), p);
    }

    private static String required(Raw r, String field, String value) {
        if (value == null || value.isBlank()) {
            throw r.error().apply(field, "valeur obligatoire manquante");
        }
        return value.strip();
    }

    /** A value of a closed list, matched without accents, case, hyphens or spaces ("Tiers-lieu", "confirmé"). */
    private static String parse(Raw r, String field, String value, List<String> allowed) {
        String v = required(r, field, value);
        String k = Normalizer.normalize(v, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replace('-', '_').replace(' ', '_');
        if (k.equals("tiers_lieux")) {
            k = "tiers_lieu";
        }
        if (!allowed.contains(k)) {
            throw r.error().apply(field, "« " + v + " » inconnu (attendu l'un de " + String.join(", ", allowed) + ")");
        }
        return k;
    }

    private static int places(Raw r) {
        String v = required(r, "places", r.places());
        if (!v.matches("\\d{1,9}")) {
            throw r.error().apply("places", "nombre entier de places attendu, trouvé « " + v + " »");
        }
        int n = Integer.parseInt(v);
        if (n <= 0 || n > MAX_PLACES) {
            throw r.error().apply("places", "nombre de places entre 1 et " + MAX_PLACES + " attendu, trouvé " + n);
        }
        return n;
    }

    /** ISO date (or month) of the intended opening, or null. */
    private static String date(Raw r) {
        String v = r.date();
        if (v == null || v.isBlank()) {
            return null;
        }
        v = v.strip();
        try {
            if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(v).toString();
            }
            if (v.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(v).toString();
            }
            if (v.matches("\\d{2}/\\d{2}/\\d{4}")) {
                return LocalDate.of(Integer.parseInt(v.substring(6)), Integer.parseInt(v.substring(3, 5)),
                        Integer.parseInt(v.substring(0, 2))).toString();
            }
        } catch (java.time.DateTimeException e) {
            throw r.error().apply("date_ouverture", "date « " + v + " » impossible");
        }
        throw r.error().apply("date_ouverture", "date « " + v + " » non reconnue (attendu AAAA-MM-JJ, AAAA-MM ou JJ/MM/AAAA)");
    }
}
