package fr.carence.ogc.features;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The OpenAPI 3.0 definition served at {@code /ogc/api}: every path, parameter and response of
 * {@link FeaturesApi}, built from the same constants (page limits, parameter names, collection
 * ids) so it cannot drift from what the server accepts.
 */
final class OpenApiDocument {

    private OpenApiDocument() {
    }

    static ObjectNode build(String rootUrl, String title, int maxLimit, int defaultLimit, List<String> collections) {
        ObjectNode doc = FeaturesApi.JSON.createObjectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", title);
        info.put("version", "1.0.0");
        info.put("description", "OGC API Features de Carence : parties 1 (cœur, GeoJSON, HTML, OpenAPI 3.0), "
                + "2 (systèmes de coordonnées) et 3 (filtres CQL2 texte et JSON, propriétés filtrables), tri sortby.");
        info.putObject("license").put("name", "Licence Ouverte 2.0 (données publiques) ; couches restreintes selon les droits");
        doc.putArray("servers").addObject().put("url", rootUrl);

        ObjectNode paths = doc.putObject("paths");
        get(paths, "/", "getLandingPage", "Page d'accueil", "application/json", false, List.of("f"));
        get(paths, "/conformance", "getConformance", "Classes de conformité", "application/json", false, List.of("f"));
        get(paths, "/api", "getApi", "Cette définition OpenAPI", FeaturesApi.OPENAPI, false, List.of("f"));
        get(paths, "/collections", "getCollections", "Collections publiées", "application/json", false, List.of("f"));
        get(paths, "/collections/{collectionId}", "describeCollection", "Description d'une collection", "application/json",
                true, List.of("collectionId", "f"));
        get(paths, "/collections/{collectionId}/queryables", "getQueryables", "Propriétés filtrables d'une collection",
                FeaturesApi.SCHEMA_JSON, true, List.of("collectionId", "f"));
        get(paths, "/collections/{collectionId}/items", "getFeatures", "Objets d'une collection (paginés)", FeaturesApi.GEOJSON,
                true, List.of("collectionId", "limit", "offset", "bbox", "bbox-crs", "datetime", "crs", "filter", "filter-lang",
                        "filter-crs", "sortby", "scenario", "f"));
        get(paths, "/collections/{collectionId}/items/{featureId}", "getFeature", "Un objet", FeaturesApi.GEOJSON, true,
                List.of("collectionId", "featureId", "crs", "f"));

        ObjectNode components = doc.putObject("components");
        ObjectNode params = components.putObject("parameters");
        ObjectNode collectionId = path(params, "collectionId", "Identifiant de la collection (nom de la couche)");
        ArrayNode ids = ((ObjectNode) collectionId.get("schema")).putArray("enum");
        collections.forEach(ids::add);
        path(params, "featureId", "Identifiant de l'objet (couche.identifiant, comme en WFS)");
        ObjectNode limit = query(params, "limit", "Nombre d'objets par page (au plus " + maxLimit + ")", "integer");
        ((ObjectNode) limit.get("schema")).put("minimum", 1).put("maximum", maxLimit).put("default", defaultLimit);
        ObjectNode offset = query(params, "offset", "Objets sautés (pagination ; suivre plutôt les liens next/prev)", "integer");
        ((ObjectNode) offset.get("schema")).put("minimum", 0).put("default", 0);
        ObjectNode bbox = query(params, "bbox", "Emprise minx,miny,maxx,maxy dans bbox-crs (CRS84 par défaut)", null);
        bbox.put("style", "form").put("explode", false);
        ObjectNode bboxSchema = bbox.putObject("schema");
        bboxSchema.put("type", "array").put("minItems", 4).put("maxItems", 4).putObject("items").put("type", "number");
        query(params, "bbox-crs", "Système de coordonnées de bbox (URI)", "string").with("schema").put("format", "uri");
        query(params, "crs", "Système de coordonnées de la réponse (URI ; EPSG/0/4326 : latitude d'abord)", "string")
                .with("schema").put("format", "uri");
        query(params, "datetime", "Instant ou intervalle RFC 3339 (début/fin, ../fin, début/..) sur la propriété temporelle",
                "string");
        query(params, "filter", "Filtre CQL2 (texte ou JSON selon filter-lang)", "string");
        ArrayNode langs = ((ObjectNode) query(params, "filter-lang", "Langage du filtre", "string").get("schema")).putArray("enum");
        langs.add("cql2-text").add("cql2-json");
        query(params, "filter-crs", "Système de coordonnées des géométries du filtre (URI, CRS84 par défaut)", "string")
                .with("schema").put("format", "uri");
        query(params, "sortby", "Tri : +propriété (croissant) ou -propriété (décroissant), séparés par des virgules", "string");
        query(params, "scenario", "Scénario des couches de résultats (defaut si absent)", "string");
        ArrayNode formats = ((ObjectNode) query(params, "f", "Format de la réponse", "string").get("schema")).putArray("enum");
        formats.add("json").add("html");

        ObjectNode schemas = components.putObject("schemas");
        ObjectNode exception = schemas.putObject("exception");
        exception.put("type", "object");
        exception.putArray("required").add("code");
        ObjectNode ep = exception.putObject("properties");
        ep.putObject("code").put("type", "string");
        ep.putObject("description").put("type", "string");
        ObjectNode responses = components.putObject("responses");
        error(responses, "BadRequest", "Requête invalide (le message nomme le paramètre fautif)");
        error(responses, "NotFound", "Collection ou objet inconnu");
        error(responses, "ServerError", "Erreur du serveur ou base de données indisponible");
        return doc;
    }

    private static void get(ObjectNode paths, String path, String operationId, String summary, String type, boolean notFound,
                            List<String> parameters) {
        ObjectNode op = paths.putObject(path).putObject("get");
        op.put("operationId", operationId);
        op.put("summary", summary);
        ArrayNode ps = op.putArray("parameters");
        parameters.forEach(p -> ps.addObject().put("$ref", "#/components/parameters/" + p));
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject("200");
        ok.put("description", summary);
        ObjectNode content = ok.putObject("content");
        content.putObject(type).putObject("schema").put("type", "object");
        content.putObject("text/html").putObject("schema").put("type", "string");
        responses.putObject("400").put("$ref", "#/components/responses/BadRequest");
        if (notFound) {
            responses.putObject("404").put("$ref", "#/components/responses/NotFound");
        }
        responses.putObject("500").put("$ref", "#/components/responses/ServerError");
    }

    private static ObjectNode path(ObjectNode params, String name, String description) {
        ObjectNode p = params.putObject(name);
        p.put("name", name).put("in", "path").put("required", true).put("description", description);
        p.putObject("schema").put("type", "string");
        return p;
    }

    private static ObjectNode query(ObjectNode params, String name, String description, String type) {
        ObjectNode p = params.putObject(name);
        p.put("name", name).put("in", "query").put("required", false).put("description", description);
        if (type != null) {
            p.putObject("schema").put("type", type);
        }
        return p;
    }

    private static void error(ObjectNode responses, String name, String description) {
        ObjectNode r = responses.putObject(name);
        r.put("description", description);
        r.putObject("content").putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/exception");
    }
}
