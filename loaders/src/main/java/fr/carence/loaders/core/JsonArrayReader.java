package fr.carence.loaders.core;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * Streams a JSON file whose top level is an array of objects (the @etalab/decoupage-administratif
 * layout), materialising one element at a time with Jackson's streaming parser.
 */
public final class JsonArrayReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonArrayReader() {
    }

    /**
     * Calls {@code consumer} with the 0-based index and the object of each element.
     *
     * @return number of elements read
     */
    public static long forEach(Path path, Progress progress, BiConsumer<Long, ObjectNode> consumer) {
        String name = InputFile.displayName(path);
        long index = 0;
        try (InputFile in = InputFile.open(path);
             JsonParser p = MAPPER.getFactory().createParser(in.content())) {
            progress.start(name, in.size());
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw LoadException.inFile(name, "tableau JSON attendu au début du fichier");
            }
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw LoadException.atFeature(name, index, null, null, "fichier tronqué (tableau JSON non refermé)");
                }
                if (t != JsonToken.START_OBJECT) {
                    throw LoadException.atFeature(name, index, null, null, "objet JSON attendu, trouvé " + t);
                }
                JsonNode node = MAPPER.readTree(p);
                consumer.accept(index, (ObjectNode) node);
                index++;
                progress.update(index, in.bytesRead());
            }
            progress.done(index);
            return index;
        } catch (JsonParseException e) {
            throw JsonErrors.toLoadException(name, index, e);
        } catch (EOFException e) {
            throw LoadException.atFeature(name, index, null, null, "fichier tronqué");
        } catch (IOException e) {
            throw LoadException.inFile(name, "lecture impossible (" + e.getMessage() + ")", e);
        }
    }

    /** The text of a field, or null when absent or JSON null. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
