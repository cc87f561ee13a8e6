package fr.carence.ogc.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.ogc.testdata.WfsCall;
import fr.carence.ogc.testdata.Xml;
import fr.carence.store.FeatureStore;
import fr.carence.store.testing.BothStores;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Filters built to exhaust the server rather than to select features: nesting deep enough to
 * overflow a recursive parser or the database's expression stack, and more identifiers or
 * operands than a database statement can bind (PostgreSQL: 65,535 parameters). Each gets a clear
 * 400 naming FILTER / RESOURCEID, on both stores.
 */
class FilterComplexityTest {

    private static final String FES = "xmlns:fes=\"http://www.opengis.net/fes/2.0\"";

    private static String text(MockHttpServletResponse r) {
        return new String(r.getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private static void assertRefused(MockHttpServletResponse r, String locator) {
        Optional<String> problem = OgcResponseCheck.problem(r.getStatus(), r.getContentType(), r.getContentAsByteArray(),
                OgcResponseCheck.Dialect.OWS, false);
        assertThat(problem).as(text(r).substring(0, Math.min(600, text(r).length()))).isEmpty();
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(text(r)).containsIgnoringCase("locator=\"" + locator + "\"");
    }

    @BothStores
    void deeplyNestedFiltersAreRefused(FeatureStore store) throws Exception {
        WfsCall wfs = new WfsCall(store, 50);
        String leaf = "<fes:PropertyIsEqualTo><fes:ValueReference>dep</fes:ValueReference><fes:Literal>48</fes:Literal></fes:PropertyIsEqualTo>";
        String nested = "<fes:Filter " + FES + ">" + "<fes:Not>".repeat(20_000) + leaf + "</fes:Not>".repeat(20_000) + "</fes:Filter>";
        assertRefused(wfs.get("REQUEST", "GetFeature", "TYPENAMES", "communes", "FILTER", nested), "FILTER");
        String ands = "<fes:Filter " + FES + ">" + "<fes:And>".repeat(3_000) + leaf + leaf + "</fes:And>".repeat(3_000) + "</fes:Filter>";
        assertRefused(wfs.get("REQUEST", "GetFeature", "TYPENAMES", "communes", "FILTER", ands), "FILTER");
        // A reasonable nesting still works.
        String ok = "<fes:Filter " + FES + ">" + "<fes:Not>".repeat(20) + leaf + "</fes:Not>".repeat(20) + "</fes:Filter>";
        MockHttpServletResponse r = wfs.get("REQUEST", "GetFeature", "TYPENAMES", "communes", "RESULTTYPE", "hits", "FILTER", ok);
        assertThat(r.getStatus()).as(text(r)).isEqualTo(200);
        assertThat(new Xml(r.getContentAsByteArray()).text("/wfs:FeatureCollection/@numberMatched")).isEqualTo("152");
    }

    @BothStores
    void moreOperandsThanAStatementCanBindAreRefused(FeatureStore store) throws Exception {
        WfsCall wfs = new WfsCall(store, 50);
        StringBuilder ids = new StringBuilder("<fes:Filter " + FES + ">");
        StringBuilder kvp = new StringBuilder();
        for (int i = 0; i < 70_000; i++) {
            ids.append("<fes:ResourceId rid=\"communes.").append(i).append("\"/>");
            kvp.append(kvp.length() == 0 ? "" : ",").append("communes.").append(i);
        }
        assertRefused(wfs.get("REQUEST", "GetFeature", "TYPENAMES", "communes", "FILTER", ids.append("</fes:Filter>").toString()), "FILTER");
        assertRefused(wfs.get("REQUEST", "GetFeature", "RESOURCEID", kvp.toString()), "RESOURCEID");
        StringBuilder or = new StringBuilder("<fes:Filter " + FES + "><fes:Or>");
        for (int i = 0; i < 70_000; i++) {
            or.append("<fes:PropertyIsEqualTo><fes:ValueReference>code</fes:ValueReference><fes:Literal>").append(i)
                    .append("</fes:Literal></fes:PropertyIsEqualTo>");
        }
        assertRefused(wfs.get("REQUEST", "GetFeature", "TYPENAMES", "communes", "FILTER", or.append("</fes:Or></fes:Filter>").toString()),
                "FILTER");
    }
}
