package fr.carence.ogc.catalog;

import fr.carence.ogc.xml.Dom;
import fr.carence.xml.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The layer catalogue read once from a GeoServer data directory (one workspace): namespace,
 * datastores, featuretype/layer pairs, styles, {@code security/layers.properties} and
 * {@code security/columns.properties}. Adding a
 * featuretype/layer pair that points at a store table publishes it with no code change.
 *
 * <p>Style descriptors ({@code styles/<name>.xml}) name an SLD {@code <filename>} that is resolved
 * against the Carence styles directory ({@code sld-styles/}), the single source of the SLDs.
 *
 * <p>Carence extras are read from the featuretype's {@code <metadata>} map:
 * {@code carence.group} (entrees|resultats), {@code carence.scenarioColumn} and
 * {@code carence.otherSrs} (comma-separated EPSG codes offered besides the default CRS) and
 * {@code carence.mvtAttributes} (comma-separated attributes written into vector tiles).
 */
public final class GeoServerCatalog implements Catalog {

    private static final Logger LOG = LoggerFactory.getLogger(GeoServerCatalog.class);
    private static final Pattern EPSG = Pattern.compile("EPSG:(\\d+)");
    /** Offered when a featuretype does not say otherwise: WGS 84, Web Mercator, overseas legal CRSs. */
    public static final List<Integer> DEFAULT_OTHER_SRS = List.of(4326, 3857, 5490, 2972, 2975, 4471);

    private final String workspace;
    private final String namespaceUri;
    private final List<PublishedLayer> layers;
    private final Map<String, String> styleFiles;
    private final Path stylesDir;
    private final ColumnSecurityRules columnRules;

    private GeoServerCatalog(String workspace, String namespaceUri, List<PublishedLayer> layers,
                             Map<String, String> styleFiles, Path stylesDir, ColumnSecurityRules columnRules) {
        this.columnRules = columnRules;
        this.workspace = workspace;
        this.namespaceUri = namespaceUri;
        this.layers = List.copyOf(layers);
        this.styleFiles = styleFiles;
        this.stylesDir = stylesDir;
    }

    /**
     * Reads the data directory.
     *
     * @param dataDir GeoServer data directory holding {@code workspaces/<one workspace>}
     * @param stylesDir directory of the SLD files named by the style descriptors
     * @throws CatalogException naming the file at fault
     */
    public static GeoServerCatalog read(Path dataDir, Path stylesDir) {
        Path workspaces = dataDir.resolve("workspaces");
        List<Path> wsDirs = listDirs(workspaces);
        if (wsDirs.size() != 1) {
            throw new CatalogException(workspaces + ": expected exactly one workspace directory, found " + wsDirs.size());
        }
        Path wsDir = wsDirs.get(0);
        Element ws = root(wsDir.resolve("workspace.xml"), "workspace");
        String wsName = required(ws, "name", wsDir.resolve("workspace.xml"));
        Element ns = root(wsDir.resolve("namespace.xml"), "namespace");
        String uri = required(ns, "uri", wsDir.resolve("namespace.xml"));

        Map<String, String> styleIds = new HashMap<>();
        Map<String, String> styleFiles = new LinkedHashMap<>();
        for (Path f : listFiles(dataDir.resolve("styles"), ".xml")) {
            Element st = root(f, "style");
            String name = required(st, "name", f);
            String file = required(st, "filename", f);
            Dom.child(st, "id").ifPresent(id -> styleIds.put(Dom.text(id), name));
            styleFiles.put(name, file);
            if (!Files.isRegularFile(stylesDir.resolve(file))) {
                LOG.warn("style {} ({}): SLD file {} not found in {}", name, f, file, stylesDir);
            }
        }

        LayerSecurityRules security = LayerSecurityRules.read(dataDir.resolve("security").resolve("layers.properties"));
        List<PublishedLayer> layers = new ArrayList<>();
        for (Path storeDir : listDirs(wsDir)) {
            if (!Files.isRegularFile(storeDir.resolve("datastore.xml"))) {
                continue;
            }
            for (Path layerDir : listDirs(storeDir)) {
                Path ft = layerDir.resolve("featuretype.xml");
                Path ly = layerDir.resolve("layer.xml");
                if (!Files.isRegularFile(ft)) {
                    continue;
                }
                if (!Files.isRegularFile(ly)) {
                    throw new CatalogException(layerDir + ": featuretype.xml without layer.xml");
                }
                layers.add(layer(ft, ly, wsName, styleIds, styleFiles, security));
            }
        }
        // Inputs first, then results; alphabetical inside a group (directory order is not portable).
        layers.sort(Comparator.comparing((PublishedLayer l) -> "resultats".equals(l.group()) ? 1 : 0)
                .thenComparing(PublishedLayer::name));
        ColumnSecurityRules columnRules = ColumnSecurityRules.read(dataDir.resolve("security").resolve("columns.properties"));
        return new GeoServerCatalog(wsName, uri, layers, styleFiles, stylesDir, columnRules);
    }

    private static PublishedLayer layer(Path ftFile, Path layerFile, String ws, Map<String, String> styleIds,
                                        Map<String, String> styleFiles, LayerSecurityRules security) {
        Element ft = root(ftFile, "featureType");
        String name = required(ft, "name", ftFile);
        String nativeName = Dom.child(ft, "nativeName").map(Dom::text).filter(s -> !s.isEmpty()).orElse(name);
        String title = Dom.child(ft, "title").map(Dom::text).orElse(name);
        String abstractText = Dom.child(ft, "abstract").map(Dom::text).orElse("");
        List<String> keywords = Dom.child(ft, "keywords").map(k -> Dom.children(k).stream().map(Dom::text).toList())
                .orElse(List.of());
        int srs = epsg(Dom.child(ft, "srs").map(Dom::text).orElse("EPSG:2154"), ftFile, "srs");
        int nativeSrs = Dom.child(ft, "nativeCRS").map(Dom::text).map(s -> epsg(s, ftFile, "nativeCRS")).orElse(srs);
        Map<String, String> metadata = new HashMap<>();
        Dom.child(ft, "metadata").ifPresent(md -> Dom.children(md, "entry")
                .forEach(e -> metadata.put(e.getAttribute("key"), Dom.text(e))));
        String group = metadata.getOrDefault("carence.group", "entrees");
        if (!group.equals("entrees") && !group.equals("resultats")) {
            throw new CatalogException(ftFile + ": metadata carence.group is '" + group + "', expected entrees or resultats");
        }
        String scenarioColumn = metadata.get("carence.scenarioColumn");
        List<Integer> other = metadata.containsKey("carence.otherSrs")
                ? Arrays.stream(metadata.get("carence.otherSrs").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .map(s -> parseCode(s, ftFile)).toList()
                : DEFAULT_OTHER_SRS.stream().filter(c -> c != srs).toList();

        List<String> tileAttributes = Arrays.stream(metadata.getOrDefault("carence.mvtAttributes", "").split(","))
                .map(String::trim).filter(a -> !a.isEmpty()).toList();

        Element layer = root(layerFile, "layer");
        String layerName = Dom.child(layer, "name").map(Dom::text).orElse(name);
        if (!layerName.equals(name)) {
            throw new CatalogException(layerFile + ": layer name '" + layerName + "' differs from featuretype name '" + name + "'");
        }
        String defaultStyle = Dom.child(layer, "defaultStyle").map(s -> styleRef(s, styleIds, styleFiles, layerFile)).orElse(null);
        List<String> styles = new ArrayList<>();
        if (defaultStyle != null) {
            styles.add(defaultStyle);
        }
        Dom.child(layer, "styles").ifPresent(st -> Dom.children(st, "style").stream()
                .map(s -> styleRef(s, styleIds, styleFiles, layerFile))
                .filter(s -> !styles.contains(s)).forEach(styles::add));
        return new PublishedLayer(name, title, abstractText, keywords, nativeName, nativeSrs, srs, other,
                defaultStyle, styles, group, scenarioColumn, security.readRoles(ws, name), tileAttributes);
    }

    private static String styleRef(Element ref, Map<String, String> styleIds, Map<String, String> styleFiles, Path file) {
        String name = Dom.child(ref, "name").map(Dom::text).orElse(null);
        if (name == null) {
            String id = Dom.child(ref, "id").map(Dom::text).orElse("");
            name = styleIds.get(id);
            if (name == null) {
                throw new CatalogException(file + ": style reference '" + id + "' matches no styles/*.xml id");
            }
        }
        if (!styleFiles.containsKey(name)) {
            throw new CatalogException(file + ": style '" + name + "' has no descriptor in styles/");
        }
        return name;
    }

    private static int epsg(String value, Path file, String field) {
        Matcher m = EPSG.matcher(value.trim());
        if (!m.matches()) {
            throw new CatalogException(file + ": " + field + " '" + value + "' is not EPSG:code");
        }
        return Integer.parseInt(m.group(1));
    }

    private static int parseCode(String s, Path file) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new CatalogException(file + ": carence.otherSrs entry '" + s + "' is not an EPSG code");
        }
    }

    private static Element root(Path file, String expected) {
        try (InputStream in = Files.newInputStream(file)) {
            Document doc = SecureXml.parse(in);
            Element root = doc.getDocumentElement();
            if (!expected.equals(Dom.localName(root))) {
                throw new CatalogException(file + ": root element is <" + Dom.localName(root) + ">, expected <" + expected + ">");
            }
            return root;
        } catch (IOException e) {
            throw new CatalogException(file + ": cannot read (" + e.getMessage() + ")", e);
        } catch (SAXException e) {
            throw new CatalogException(file + ": not well-formed XML (" + e.getMessage() + ")", e);
        }
    }

    private static String required(Element e, String child, Path file) {
        return Dom.child(e, child).map(Dom::text).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new CatalogException(file + ": missing <" + child + ">"));
    }

    private static List<Path> listDirs(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CatalogException(dir + ": directory not found");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new CatalogException(dir + ": cannot list (" + e.getMessage() + ")", e);
        }
    }

    private static List<Path> listFiles(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new CatalogException(dir + ": cannot list (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public String workspace() {
        return workspace;
    }

    @Override
    public String namespaceUri() {
        return namespaceUri;
    }

    @Override
    public List<PublishedLayer> layers() {
        return layers;
    }

    @Override
    public Optional<PublishedLayer> layer(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String local = name;
        int colon = name.indexOf(':');
        if (colon >= 0) {
            if (!name.substring(0, colon).equals(workspace)) {
                return Optional.empty();
            }
            local = name.substring(colon + 1);
        }
        String wanted = local;
        return layers.stream().filter(l -> l.name().equals(wanted)).findFirst();
    }

    @Override
    public ColumnSecurityRules columnRules() {
        return columnRules;
    }

    /** The whole catalogue, as the service itself sees it: every column. */
    @Override
    public boolean columnReadable(String layer, String column) {
        return true;
    }

    @Override
    public List<String> styleNames() {
        return List.copyOf(styleFiles.keySet());
    }

    @Override
    public Optional<String> styleSld(String styleName) {
        String file = styleFiles.get(styleName);
        if (file == null) {
            return Optional.empty();
        }
        Path p = stylesDir.resolve(file).normalize();
        if (!p.startsWith(stylesDir.normalize()) || !Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CatalogException(p + ": cannot read style " + styleName + " (" + e.getMessage() + ")", e);
        }
    }
}
