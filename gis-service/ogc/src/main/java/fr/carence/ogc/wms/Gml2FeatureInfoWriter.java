package fr.carence.ogc.wms;

import fr.carence.ogc.gml.GmlGeometryWriter;
import java.util.List;

/** {@code application/vnd.ogc.gml}: GML 2 ({@code fid}, {@code gml:coordinates}). */
public final class Gml2FeatureInfoWriter extends GmlFeatureInfoWriter {

    public Gml2FeatureInfoWriter() {
        super(GmlGeometryWriter.Version.GML2);
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<String> formatNames() {
        return List.of("application/vnd.ogc.gml", "text/xml", "application/xml", "gml2");
    }

    @Override
    public String contentType() {
        return "application/vnd.ogc.gml; charset=UTF-8";
    }
}
