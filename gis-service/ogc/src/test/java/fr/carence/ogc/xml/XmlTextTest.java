package fr.carence.ogc.xml;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.error.ExceptionReportWriter;
import fr.carence.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Client text echoed in XML: characters XML 1.0 cannot carry become U+FFFD, everything else is kept. */
class XmlTextTest {

    @Test
    void replacesOnlyWhatXmlCannotCarry() {
        assertThat(XmlText.clean("GetMap")).isEqualTo("GetMap");
        assertThat(XmlText.clean("a\u0000b\u0006c\u001fd")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd");
        assertThat(XmlText.clean("tab\tnl\ncr\r")).isEqualTo("tab\tnl\ncr\r");
        assertThat(XmlText.clean("é 𝔘 \u202e")).isEqualTo("é 𝔘 \u202e");
        assertThat(XmlText.clean("lone \uD835 high, lone \uDD18 low, \uFFFE")).isEqualTo("lone \uFFFD high, lone \uFFFD low, \uFFFD");
        assertThat(XmlText.clean(null)).isNull();
    }

    @Test
    void anExceptionReportQuotingANulStaysWellFormed() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExceptionReportWriter.write(OwsException.badRequest("InvalidParameterValue", "REQUEST\u0000",
                "Opération « GetMap\u0000 » inconnue"), out, ExceptionReportWriter.Dialect.WFS_20);
        String text = SecureXml.parse(new ByteArrayInputStream(out.toByteArray())).getDocumentElement().getTextContent();
        assertThat(text).contains("GetMap\uFFFD");
    }
}
