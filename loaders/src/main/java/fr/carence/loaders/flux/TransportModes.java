package fr.carence.loaders.flux;

import fr.carence.loaders.core.LoadException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The INSEE TRANS nomenclature of one census vintage: TRANS code to the mode names of the layer
 * contract. Nomenclatures are configuration ({@code trans-<name>.properties} next to this class,
 * or a file given by path), so a new INSEE list needs no code change.
 */
public final class TransportModes {

    /** The mode names allowed by docs/layers.md (besides the aggregate "tous"). */
    public static final List<String> MODES = List.of("pas_de_transport", "marche", "velo",
            "deux_roues_motorises", "voiture", "transports_en_commun");

    /** Nomenclature used when none is given: the 6-class list in force since RP 2017. */
    public static final String DEFAULT = "rp2017";

    private final String name;
    private final Map<String, String> modeByCode;

    private TransportModes(String name, Map<String, String> modeByCode) {
        this.name = name;
        this.modeByCode = Collections.unmodifiableMap(modeByCode);
    }

    /**
     * @param nameOrPath a built-in nomenclature name ("rp2017") or the path of a properties file
     */
    public static TransportModes load(String nameOrPath) {
        Properties p = new Properties();
        String resource = "trans-" + nameOrPath.toLowerCase(java.util.Locale.ROOT) + ".properties";
        try (InputStream in = TransportModes.class.getResourceAsStream(resource)) {
            if (in != null) {
                p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                return of(nameOrPath, p, resource);
            }
        } catch (IOException e) {
            throw LoadException.inFile(resource, "lecture impossible (" + e.getMessage() + ")", e);
        }
        Path path = Path.of(nameOrPath);
        if (!Files.isRegularFile(path)) {
            throw LoadException.prerequisite("nomenclature TRANS inconnue « " + nameOrPath
                    + " » : donnez « " + DEFAULT + " » ou le chemin d'un fichier .properties (code=mode)");
        }
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw LoadException.inFile(path.getFileName().toString(), "lecture impossible (" + e.getMessage() + ")", e);
        }
        return of(path.getFileName().toString(), p, path.getFileName().toString());
    }

    private static TransportModes of(String name, Properties p, String file) {
        Map<String, String> map = new HashMap<>();
        for (String code : p.stringPropertyNames()) {
            String mode = p.getProperty(code).strip();
            if (!MODES.contains(mode)) {
                throw LoadException.inFile(file, "code TRANS " + code + " : mode « " + mode
                        + " » inconnu (attendu l'un de " + MODES + ")");
            }
            map.put(code.strip(), mode);
        }
        if (map.isEmpty()) {
            throw LoadException.inFile(file, "nomenclature TRANS vide");
        }
        return new TransportModes(name, map);
    }

    public String name() {
        return name;
    }

    /** The mode of a TRANS code, or empty when the code is not in this nomenclature. */
    public Optional<String> mode(String code) {
        return Optional.ofNullable(modeByCode.get(code));
    }

    /** The codes of this nomenclature, for error messages. */
    public List<String> codes() {
        return modeByCode.keySet().stream().sorted().toList();
    }
}
