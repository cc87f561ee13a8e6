package fr.carence.ogc.wfs;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.OwsRequest;
import fr.carence.ogc.catalog.Catalog;
import fr.carence.ogc.core.ClientCrsCursor;
import fr.carence.ogc.core.ReadAheadCursor;
import fr.carence.ogc.core.KvpLinks;
import fr.carence.ogc.core.LayerResolver;
import fr.carence.ogc.core.OgcResponse;
import fr.carence.ogc.core.LayerSelection;
import fr.carence.ogc.core.PagePlan;
import fr.carence.ogc.core.Pager;
import fr.carence.ogc.core.ScenarioSelection;
import fr.carence.ogc.format.FeatureCollectionResult;
import fr.carence.ogc.format.FeatureCollectionWriter;
import fr.carence.ogc.format.Gml32FeatureCollectionWriter;
import fr.carence.ogc.format.LayerFeatures;
import fr.carence.ogc.format.OutputFormats;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** WFS 2.0 GetFeature: ad hoc queries (KVP or XML POST) and the GetFeatureById stored query. */
public final class GetFeature {

    private final Catalog catalog;
    private final FeatureStore store;
    private final WfsQueryParser parser;
    private final Pager pager;
    private final OutputFormats formats;

    public GetFeature(LayerResolver resolver, FeatureStore store, OutputFormats formats, int maxFeatures, long exactCountLimit) {
        this(resolver, store, formats, maxFeatures, exactCountLimit, null);
    }

    /** @param timeout query timeout of each store read (null = none) */
    public GetFeature(LayerResolver resolver, FeatureStore store, OutputFormats formats, int maxFeatures, long exactCountLimit,
                      java.time.Duration timeout) {
        this.catalog = resolver.catalog();
        this.store = store;
        this.parser = new WfsQueryParser(resolver, maxFeatures, timeout);
        this.pager = new Pager(store, exactCountLimit);
        this.formats = formats;
    }

    public OgcResponse execute(OwsRequest req) {
        FeatureCollectionWriter format = formats.forName(req.get("OUTPUTFORMAT"));
        if (req.get("STOREDQUERY_ID").isPresent()) {
            return getFeatureById(req, format);
        }
        WfsQuery query = parser.parse(req, format);
        List<LayerFeatures> layers = new ArrayList<>();
        OptionalLong matched;
        long returned;
        String next = null;
        String previous = null;
        if (query.hits()) {
            matched = OptionalLong.of(pager.hits(query.selections()));
            returned = 0;
        } else {
            PagePlan plan = pager.plan(query.selections(), query.startIndex(), query.count());
            matched = plan.numberMatched();
            returned = plan.numberReturned();
            for (PagePlan.Part part : plan.parts()) {
                layers.add(features(part.selection(), part.query(), query));
            }
            if (plan.more() && query.count() > 0) {
                next = KvpLinks.page(req, query.startIndex() + query.count(), query.count());
            }
            if (query.startIndex() > 0 && query.count() > 0) {
                previous = KvpLinks.page(req, Math.max(0, query.startIndex() - query.count()), query.count());
            }
        }
        FeatureCollectionResult result = new FeatureCollectionResult(catalog.workspace(), catalog.namespaceUri(), Instant.now(),
                matched, returned, next, previous, query.crs(),
                schemaLocation(req, query.selections().stream().map(s -> s.layer().name()).toList()), layers);
        // A download keeps the scenario in its name (sites_candidats_defaut.gpkg), so two exports do not
        // collide; the id was validated by the parser (ScenarioIds: lower-case letters, digits, '_' and '-'), safe in a header.
        String name = query.selections().get(0).layer().name()
                + ScenarioSelection.requested(req).map(sc -> "_" + sc).orElse("");
        return send(format, result, name);
    }

    private LayerFeatures features(LayerSelection s, fr.carence.store.FeatureQuery paged, WfsQuery query) {
        return new LayerFeatures(s.layer().name(), s.layer().schema(), s.attributes(), s.geometry(),
                () -> ReadAheadCursor.of(new ClientCrsCursor(store.query(s.layer().storeLayer(), paged), query.crs())));
    }

    private static OgcResponse send(FeatureCollectionWriter format, FeatureCollectionResult result, String firstLayer) {
        Map<String, String> headers = format.fileExtension() == null ? Map.of()
                : Map.of("Content-Disposition", "attachment; filename=\"" + firstLayer + "." + format.fileExtension() + "\"");
        return OgcResponse.ok(format.contentType(), headers, out -> format.write(result, out));
    }

    /** urn:ogc:def:query:OGC-WFS::GetFeatureById with ID=layer.id: the bare feature in GML, 404 when absent. */
    private OgcResponse getFeatureById(OwsRequest req, FeatureCollectionWriter format) {
        String storedQuery = req.require("STOREDQUERY_ID");
        if (!StoredQueries.GET_FEATURE_BY_ID.equals(storedQuery)) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "STOREDQUERY_ID",
                    "Requête stockée inconnue : « " + storedQuery + " ».");
        }
        String id = req.require("ID");
        Map<String, String> params = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        params.putAll(req.all());
        params.remove("STOREDQUERY_ID");
        params.remove("ID");
        params.put("RESOURCEID", id);
        OwsRequest asResourceId = new OwsRequest(params, req.baseUrl());
        WfsQuery query = parser.parse(asResourceId, format);
        LayerSelection s = query.selections().get(0);
        LayerFeatures lf = features(s, s.query().withPage(0, 1), query);
        if (format instanceof Gml32FeatureCollectionWriter gml) {
            try (FeatureCursor c = lf.cursor().get()) {
                if (!c.hasNext()) {
                    throw new OwsException("NotFound", "ID", 404, "Aucune entité d'identifiant « " + id + " ».");
                }
                Feature f = c.next();
                FeatureCollectionResult header = new FeatureCollectionResult(catalog.workspace(), catalog.namespaceUri(),
                        Instant.now(), OptionalLong.of(1), 1, null, null, query.crs(),
                        schemaLocation(req, List.of(s.layer().name())), List.of());
                // The one feature is read (and the cursor closed) before anything is sent: absent, a 404.
                return OgcResponse.ok(gml.contentType(), out -> gml.writeStandalone(header, lf, f, out));
            }
        }
        long n = store.count(s.layer().storeLayer(), s.query());
        if (n == 0) {
            throw new OwsException("NotFound", "ID", 404, "Aucune entité d'identifiant « " + id + " ».");
        }
        FeatureCollectionResult result = new FeatureCollectionResult(catalog.workspace(), catalog.namespaceUri(), Instant.now(),
                OptionalLong.of(1), 1, null, null, query.crs(), null, List.of(lf));
        return send(format, result, s.layer().name());
    }

    String schemaLocation(OwsRequest req, List<String> layers) {
        Map<String, String> p = new TreeMap<>();
        p.put("SERVICE", "WFS");
        p.put("VERSION", "2.0.0");
        p.put("REQUEST", "DescribeFeatureType");
        p.put("TYPENAMES", layers.stream().distinct().map(l -> catalog.workspace() + ":" + l).collect(Collectors.joining(",")));
        return KvpLinks.url(req.baseUrl(), p);
    }
}
