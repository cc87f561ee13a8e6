package fr.carence.ogc.wms;

import fr.carence.ogc.gml.GmlGeometryWriter;
import java.util.List;

/** {@code application/vnd.ogc.gml/3.1.1}: GML 3.1.1 ({@code gml:id}, {@code gml:posList}). */
public final class Gml311FeatureInfoWriter extends GmlFeatureInfoWriter {

    public Gml311FeatureInfoWriter() {
        super(GmlGeometryWriter.Version.GML311);
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<String> formatNames() {
        return List.of("application/vnd.ogc.gml/3.1.1", "text/xml; subtype=gml/3.1.1", "application/gml+xml; version=3.1",
                "gml3");
    }

    @Override
    public String contentType() {
        return "application/vnd.ogc.gml/3.1.1; charset=UTF-8";
    }
}
