package fr.carence.ogc.xml;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.web.XmlRequestReader;
import fr.carence.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Name resolution by namespace URI, and how the XML reader passes an XML request's bindings on. */
class QualifiedNamesTest {

    private static final String NS = "https://carence.beta.gouv.fr/carence";

    private static QualifiedNames kvp(String namespaces) {
        return QualifiedNames.of("carence", NS, Optional.ofNullable(namespaces));
    }

    @Test
    void namespacesParameterForms() {
        assertThat(QualifiedNames.parseNamespaces("xmlns(a," + NS + "),xmlns(b,http://x.example/b)"))
                .containsExactly(Map.entry("a", NS), Map.entry("b", "http://x.example/b"));
        assertThat(QualifiedNames.parseNamespaces(" xmlns(" + NS + ") , xmlns(a=" + NS + ")"))
                .containsExactly(Map.entry("", NS), Map.entry("a", NS));
        for (String bad : new String[] {"xmlns(a,", "a," + NS, "xmlns(a,)", "xmlns(1a," + NS + ")", "xmlns(a," + NS + ")xmlns(b,u)"}) {
            assertThatThrownBy(() -> QualifiedNames.parseNamespaces(bad)).as(bad)
                    .isInstanceOfSatisfying(OwsException.class, e -> assertThat(e.locator()).isEqualTo("NAMESPACES"));
        }
    }

    @Test
    void namesResolveByUriNotByPrefixText() {
        assertThat(kvp(null).local("carence:communes", "typeNames")).isEqualTo("communes");
        assertThat(kvp(null).local("communes", "typeNames")).isEqualTo("communes");
        assertThat(kvp("xmlns(q," + NS + ")").local("q:communes", "typeNames")).isEqualTo("communes");
        assertThat(kvp("xmlns(" + NS + ")").local("communes", "typeNames")).isEqualTo("communes");
        // A schema namespace as default says nothing about feature names.
        assertThat(kvp("xmlns(http://www.opengis.net/wfs/2.0)").local("communes", "typeNames")).isEqualTo("communes");
        assertRefused(kvp(null), "q:communes", "typeNames");
        assertRefused(kvp("xmlns(q,http://x.example/q)"), "q:communes", "typeNames");
        assertRefused(kvp("xmlns(carence,http://x.example/q)"), "carence:communes", "typeNames");
        assertRefused(kvp("xmlns(http://x.example/q)"), "communes", "typeNames");
        assertRefused(kvp(null), "carence:", "typeNames");
        assertThat(kvp(null).resolve("gml:id", "valueReference")).isEqualTo(new QualifiedNames.Name(QualifiedNames.GML, "id"));
    }

    @Test
    void propertyPaths() {
        QualifiedNames q = kvp("xmlns(q," + NS + ")");
        assertThat(q.property("q:nom", "communes", "propertyName")).isEqualTo("nom");
        assertThat(q.property("./q:nom", "communes", "propertyName")).isEqualTo("nom");
        assertThat(q.property("q:communes/q:nom", "communes", "propertyName")).isEqualTo("nom");
        assertRefusedProperty(q, "q:departements/q:nom");
        assertRefusedProperty(q, "../../etc/passwd");
        assertRefusedProperty(q, "a/b/c");
        assertRefusedProperty(q, "");
    }

    @Test
    void xmlScopeComesFirst() throws Exception {
        Element ref = SecureXml.parse("<f xmlns:q=\"http://x.example/q\"><v xmlns:r=\"" + NS + "\">r:nom</v></f>")
                .getDocumentElement();
        Element v = (Element) ref.getFirstChild();
        QualifiedNames names = kvp("xmlns(q," + NS + ")").within(v);
        assertThat(names.property("r:nom", "communes", "FILTER")).isEqualTo("nom");
        // The document's own q (another URI) wins over the KVP binding of q.
        assertRefusedProperty(names, "q:nom");
    }

    @Test
    void xmlReaderPassesBindingsOnAndRenamesConflicts() throws Exception {
        Map<String, String> p = XmlRequestReader.read(new ByteArrayInputStream(("<GetFeature xmlns=\"http://www.opengis.net/wfs/2.0\""
                + " xmlns:a=\"" + NS + "\" version=\"2.0.0\"><Query typeNames=\"a:communes  a:departements\">"
                + "<PropertyName xmlns:a=\"http://x.example/a\">a:nom</PropertyName>"
                + "<PropertyName xmlns=\"http://x.example/d\">nom</PropertyName><PropertyName>code</PropertyName></Query></GetFeature>")
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(p.get("TYPENAMES")).isEqualTo("a:communes,a:departements");
        assertThat(p.get("PROPERTYNAME")).isEqualTo("a1:nom,ns:nom,code");
        assertThat(p.get("NAMESPACES")).isEqualTo("xmlns(a," + NS + "),xmlns(a1,http://x.example/a),xmlns(ns,http://x.example/d)");
        // An undeclared prefix keeps its implicit meaning even if a later element declares it.
        Map<String, String> q = XmlRequestReader.read(new ByteArrayInputStream(("<GetFeature xmlns=\"http://www.opengis.net/wfs/2.0\""
                + " version=\"2.0.0\"><Query typeNames=\"carence:communes\"><PropertyName xmlns:carence=\"http://x.example/c\">"
                + "carence:nom</PropertyName></Query></GetFeature>").getBytes(StandardCharsets.UTF_8)));
        assertThat(q.get("TYPENAMES")).isEqualTo("carence:communes");
        assertThat(q.get("PROPERTYNAME")).isEqualTo("carence1:nom");
        assertThat(q.get("NAMESPACES")).isEqualTo("xmlns(carence1,http://x.example/c)");
    }

    private static void assertRefused(QualifiedNames names, String name, String locator) {
        assertThatThrownBy(() -> names.local(name, locator)).as(name)
                .isInstanceOfSatisfying(OwsException.class, e -> {
                    assertThat(e.code()).isEqualTo(OwsException.INVALID_PARAMETER_VALUE);
                    assertThat(e.locator()).isEqualTo(locator);
                });
    }

    private static void assertRefusedProperty(QualifiedNames names, String path) {
        assertThatThrownBy(() -> names.property(path, "communes", "propertyName")).as(path)
                .isInstanceOfSatisfying(OwsException.class, e -> assertThat(e.locator()).isEqualTo("propertyName"));
    }
}
