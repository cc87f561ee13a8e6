package fr.carence.ogc.fes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.crs.CrsName;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.filter.Filter;
import fr.carence.store.filter.Filter.ComparisonOperator;
import fr.carence.store.filter.Filter.SpatialOperator;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Envelope;

/** FES 2.0 to the store's Filter model, on a fixture schema. */
class FesFilterParserTest {

    private static final String FES = "xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\"";
    private static final LayerSchema FIXTURE = new LayerSchema("communes", List.of(
            Attribute.required("code", AttributeType.STRING), Attribute.required("nom", AttributeType.STRING),
            Attribute.optional("population", AttributeType.INTEGER)), LayerSchema.GeometryType.MULTIPOLYGON, "code");

    private final FesFilterParser parser = new FesFilterParser("communes", FIXTURE, CrsName.urn(2154), "FILTER",
            fr.carence.ogc.xml.QualifiedNames.of("carence", "https://carence.beta.gouv.fr/carence", java.util.Optional.empty()));

    private Filter parse(String body) {
        return parser.parse("<fes:Filter " + FES + ">" + body + "</fes:Filter>");
    }

    @ParameterizedTest
    @CsvSource({"PropertyIsEqualTo, EQ", "PropertyIsNotEqualTo, NE", "PropertyIsLessThan, LT",
        "PropertyIsLessThanOrEqualTo, LE", "PropertyIsGreaterThan, GT", "PropertyIsGreaterThanOrEqualTo, GE"})
    void comparisons(String element, ComparisonOperator op) {
        Filter f = parse("<fes:" + element + " matchCase=\"false\"><fes:ValueReference>carence:population</fes:ValueReference>"
                + "<fes:Literal>1000</fes:Literal></fes:" + element + ">");
        assertThat(f).isEqualTo(new Filter.Compare("population", op, "1000", false));
    }

    @Test
    void logicalBetweenLikeNull() {
        Filter f = parse("<fes:And><fes:Or><fes:PropertyIsBetween><fes:ValueReference>population</fes:ValueReference>"
                + "<fes:LowerBoundary><fes:Literal>10</fes:Literal></fes:LowerBoundary>"
                + "<fes:UpperBoundary><fes:Literal>20</fes:Literal></fes:UpperBoundary></fes:PropertyIsBetween>"
                + "<fes:PropertyIsNull><fes:ValueReference>population</fes:ValueReference></fes:PropertyIsNull></fes:Or>"
                + "<fes:Not><fes:PropertyIsLike wildCard=\"%\" singleChar=\"_\" escapeChar=\"!\">"
                + "<fes:ValueReference>nom</fes:ValueReference><fes:Literal>Saint%</fes:Literal></fes:PropertyIsLike></fes:Not>"
                + "<fes:PropertyIsNil><fes:ValueReference>population</fes:ValueReference></fes:PropertyIsNil></fes:And>");
        assertThat(f).isEqualTo(new Filter.And(List.of(
                new Filter.Or(List.of(new Filter.Between("population", "10", "20"), new Filter.IsNull("population"))),
                new Filter.Not(new Filter.Like("nom", "Saint%", '%', '_', '!', true)),
                new Filter.IsNull("population"))));
    }

    @Test
    void resourceIdsDecodeAndIgnoreOtherLayers() {
        Filter f = parse("<fes:ResourceId rid=\"communes.12202\"/><fes:ResourceId rid=\"departements.12\"/>"
                + "<fes:ResourceId rid=\"communes.defaut-003A01001\"/>");
        assertThat(f).isEqualTo(new Filter.ResourceIds(List.of("12202", "defaut:01001")));
    }

    /** The same Rodez point in four spellings lands on the same Lambert-93 coordinates. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "urn:ogc:def:crs:EPSG::4326; 44.3506 2.5750",
        "http://www.opengis.net/def/crs/EPSG/0/4326; 44.3506 2.5750",
        "urn:x-ogc:def:crs:EPSG:4326; 44.3506 2.5750",
        "EPSG:4326; 2.5750 44.3506",
        "CRS:84; 2.5750 44.3506"})
    void filterGeometriesFollowTheirSrsNameAxisOrder(String srsName, String pos) {
        Filter f = parse("<fes:Intersects><fes:ValueReference>geom</fes:ValueReference><gml:Point gml:id=\"p\" srsName=\""
                + srsName + "\"><gml:pos>" + pos + "</gml:pos></gml:Point></fes:Intersects>");
        Filter.Spatial s = (Filter.Spatial) f;
        assertThat(s.operator()).isEqualTo(SpatialOperator.INTERSECTS);
        assertThat(s.geometry().getCoordinate().x).isCloseTo(668_000, Offset.offset(3_000.0));
        assertThat(s.geometry().getCoordinate().y).isCloseTo(6_362_000, Offset.offset(3_000.0));
        assertThat(s.geometry().getSRID()).isEqualTo(2154);
    }

    @Test
    void envelopesPolygonsAndDistances() {
        Filter bbox = parse("<fes:BBOX><gml:Envelope srsName=\"urn:ogc:def:crs:EPSG::2154\"><gml:lowerCorner>600000 6300000</gml:lowerCorner>"
                + "<gml:upperCorner>700000 6400000</gml:upperCorner></gml:Envelope></fes:BBOX>");
        assertThat(((Filter.Spatial) bbox).geometry().getEnvelopeInternal()).isEqualTo(new Envelope(600000, 700000, 6300000, 6400000));

        Filter within = parse("<fes:Within><fes:ValueReference>geom</fes:ValueReference><gml:Polygon gml:id=\"p\"><gml:exterior><gml:LinearRing>"
                + "<gml:posList>600000 6300000 700000 6300000 700000 6400000 600000 6300000</gml:posList>"
                + "</gml:LinearRing></gml:exterior></gml:Polygon></fes:Within>");
        assertThat(((Filter.Spatial) within).geometry().getArea()).isEqualTo(5e9);

        Filter dwithin = parse("<fes:DWithin><fes:ValueReference>geom</fes:ValueReference><gml:Point gml:id=\"p\"><gml:pos>650000 6350000</gml:pos></gml:Point>"
                + "<fes:Distance uom=\"km\">5</fes:Distance></fes:DWithin>");
        assertThat(((Filter.Spatial) dwithin).distance()).isEqualTo(5000.0);
        assertThat(((Filter.Spatial) dwithin).operator()).isEqualTo(SpatialOperator.DWITHIN);

        Filter multi = parse("<fes:Contains><gml:MultiSurface gml:id=\"m\" srsName=\"EPSG:2154\"><gml:surfaceMember><gml:Polygon gml:id=\"p\">"
                + "<gml:exterior><gml:LinearRing><gml:posList>0 0 10 0 10 10 0 0</gml:posList></gml:LinearRing></gml:exterior>"
                + "</gml:Polygon></gml:surfaceMember></gml:MultiSurface></fes:Contains>");
        assertThat(((Filter.Spatial) multi).geometry().getGeometryType()).isEqualTo("MultiPolygon");
    }

    @Test
    void unknownPropertyIsInvalidParameterValueWithLocator() {
        assertThatThrownBy(() -> parse("<fes:PropertyIsEqualTo><fes:ValueReference>habitants</fes:ValueReference>"
                + "<fes:Literal>1</fes:Literal></fes:PropertyIsEqualTo>"))
                .isInstanceOfSatisfying(OwsException.class, e -> {
                    assertThat(e.code()).isEqualTo(OwsException.INVALID_PARAMETER_VALUE);
                    assertThat(e.locator()).isEqualTo("FILTER");
                    assertThat(e.getMessage()).contains("habitants");
                });
    }

    @Test
    void spatialOperatorOnAnotherPropertyOrBadGmlIsRejected() {
        assertThatThrownBy(() -> parse("<fes:Intersects><fes:ValueReference>nom</fes:ValueReference><gml:Point gml:id=\"p\">"
                + "<gml:pos>1 2</gml:pos></gml:Point></fes:Intersects>")).isInstanceOf(OwsException.class).hasMessageContaining("nom");
        assertThatThrownBy(() -> parse("<fes:Intersects><gml:Point gml:id=\"p\"><gml:pos>1 x</gml:pos></gml:Point></fes:Intersects>"))
                .isInstanceOf(OwsException.class).hasMessageContaining("'x'");
        assertThatThrownBy(() -> parse("<fes:Intersects><gml:Point gml:id=\"p\" srsName=\"EPSG:999999\"><gml:pos>1 2</gml:pos>"
                + "</gml:Point></fes:Intersects>")).isInstanceOf(OwsException.class).hasMessageContaining("999999");
    }

    @Test
    void doctypesAndEntitiesAreRefused() {
        String xxe = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><fes:Filter " + FES + ">"
                + "<fes:PropertyIsEqualTo><fes:ValueReference>nom</fes:ValueReference><fes:Literal>&e;</fes:Literal>"
                + "</fes:PropertyIsEqualTo></fes:Filter>";
        assertThatThrownBy(() -> parser.parse(xxe)).isInstanceOfSatisfying(OwsException.class, e -> {
            assertThat(e.locator()).isEqualTo("FILTER");
            assertThat(e.getMessage()).doesNotContain("root:");
        });
    }
}
