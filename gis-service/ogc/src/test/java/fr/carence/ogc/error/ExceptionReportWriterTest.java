package fr.carence.ogc.error;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.core.OgcResponse;
import fr.carence.ogc.web.ServletAnswers;
import fr.carence.ogc.testdata.OgcSchemas;
import fr.carence.ogc.testdata.Xml;
import fr.carence.store.InvalidQueryException;
import fr.carence.store.LayerNotFoundException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

class ExceptionReportWriterTest {

    @Test
    void writesCodeLocatorTextAndStatusValidAgainstOws11() throws Exception {
        MockHttpServletResponse r = send(ExceptionReportWriter.response(
                OwsException.badRequest("InvalidParameterValue", "typeNames", "Type « x » inconnu & <autre>"),
                ExceptionReportWriter.Dialect.WFS_20));
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentType()).startsWith("application/xml");
        Xml x = new Xml(r.getContentAsByteArray());
        assertThat(x.text("/ows:ExceptionReport/@version")).isEqualTo("2.0.0");
        assertThat(x.text("//ows:Exception/@exceptionCode")).isEqualTo("InvalidParameterValue");
        assertThat(x.text("//ows:Exception/@locator")).isEqualTo("typeNames");
        assertThat(x.text("//ows:ExceptionText")).isEqualTo("Type « x » inconnu & <autre>");
        assertThat(OgcSchemas.validate(r.getContentAsByteArray(),
                List.of("http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd"), Map.of())).isEmpty();
    }

    @Test
    void ows20DialectUsesItsNamespace() throws Exception {
        MockHttpServletResponse r = send(ExceptionReportWriter.response(new OwsException("NoApplicableCode", null, 500, "x"),
                ExceptionReportWriter.Dialect.OWS_20));
        assertThat(r.getContentAsString()).contains("xmlns:ows=\"http://www.opengis.net/ows/2.0\"").doesNotContain("locator=");
        assertThat(r.getStatus()).isEqualTo(500);
    }

    private static MockHttpServletResponse send(OgcResponse report) throws Exception {
        MockHttpServletResponse r = new MockHttpServletResponse();
        ServletAnswers.write(report, r);
        return r;
    }

    @Test
    void translatesStoreErrorsAndHidesInternalOnes() {
        OwsException q = OwsExceptionTranslator.translate(new InvalidQueryException("population", "not an integer: 'beaucoup'"));
        assertThat(q.code()).isEqualTo("InvalidParameterValue");
        assertThat(q.locator()).isEqualTo("population");
        assertThat(q.httpStatus()).isEqualTo(400);
        OwsException l = OwsExceptionTranslator.translate(new LayerNotFoundException("massifs"));
        assertThat(l.locator()).isEqualTo("typeName");
        assertThat(l.getMessage()).contains("massifs");
        OwsException internal = OwsExceptionTranslator.translate(new IllegalStateException("jdbc:postgresql://secret-host password=x"));
        assertThat(internal.code()).isEqualTo("NoApplicableCode");
        assertThat(internal.httpStatus()).isEqualTo(500);
        assertThat(internal.getMessage()).doesNotContain("secret-host");
    }
}
