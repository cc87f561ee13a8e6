package fr.carence.render.sld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.render.RepoFiles;
import fr.carence.render.style.LabelPlacement;
import fr.carence.render.style.LineSymbolizer;
import fr.carence.render.style.PointSymbolizer;
import fr.carence.render.style.PolygonSymbolizer;
import fr.carence.render.style.Rule;
import fr.carence.render.style.Style;
import fr.carence.render.style.TextSymbolizer;
import fr.carence.store.filter.Filter;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SldParserTest {

    private static final Set<String> EXPECTED_STYLES = Set.of("communes", "limites", "massifs", "zrr", "lieux_existants",
            "carence_score", "demande", "fragilite", "couverture_thd", "zones_carence", "sites_candidats", "flux_od",
            "intentions_amii", "zones_carence_residuelles", "frr", "qpv_perimetres");

    private final SldParser parser = new SldParser();

    private static Style committed(String name) throws IOException {
        Path file = RepoFiles.find("sld-styles").resolve(name + ".sld");
        return new SldParser().parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    }

    @Test
    void everyCommittedStyleParsesWithItsFileNameAndFrenchTitles() throws IOException {
        Path dir = RepoFiles.find("sld-styles");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".sld")).sorted().toList();
        }
        assertThat(files.stream().map(p -> p.getFileName().toString().replace(".sld", "")).toList())
                .containsExactlyInAnyOrderElementsOf(EXPECTED_STYLES);
        for (Path f : files) {
            Style style = parser.parse(Files.readString(f, StandardCharsets.UTF_8), f.getFileName().toString());
            assertThat(style.name()).as(f.toString()).isEqualTo(f.getFileName().toString().replace(".sld", ""));
            assertThat(style.title()).as(f.toString()).isNotBlank();
            assertThat(style.allRules()).as(f.toString()).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.title()).as(f + " rule " + r.name()).isNotBlank());
        }
    }

    @Test
    void frrClassesAreTheLoaderValuesWithAClassForMissingData() throws IOException {
        Style frr = committed("frr");
        List<Rule> rules = frr.allRules();
        assertThat(rules).extracting(Rule::name).containsExactly("frr_plus", "frr_socle", "frr_partiel", "frr_beneficiaire",
                "non_classee", "absente");
        assertThat(rules).extracting(Rule::title).containsExactly("FRR+", "FRR socle", "Classée FRR partiellement",
                "Bénéficiaire (ex-ZRR, transitoire)", "Non classée",
                "Donnée absente");
        // the values FrrLoader writes into frr.classement, read by the scenario into indicateurs_communes.frr
        assertThat(rules.get(1).filter()).isEqualTo(new Filter.Compare("frr", Filter.ComparisonOperator.EQ, "frr_socle", true));
        assertThat(rules.get(3).filter()).isEqualTo(new Filter.Or(List.of(
                new Filter.Compare("frr", Filter.ComparisonOperator.EQ, "frr_beneficiaire", true),
                new Filter.Compare("frr", Filter.ComparisonOperator.EQ, "frr_beneficiaire_partiel", true))));
        assertThat(rules.get(5).elseFilter()).isTrue();
        // one colour per class, so the legend tells them apart
        assertThat(rules.stream().map(r -> ((PolygonSymbolizer) r.symbolizers().get(0)).fill().color()).distinct()).hasSize(6);
    }

    @Test
    void qpvPerimetersAreOutlinesOnly() throws IOException {
        Style qpv = committed("qpv_perimetres");
        PolygonSymbolizer outline = (PolygonSymbolizer) qpv.allRules().get(0).symbolizers().get(0);
        assertThat(outline.fill()).isNull();
        assertThat(outline.stroke().color()).isEqualTo(new Color(0xae, 0x01, 0x7e));
        assertThat(outline.stroke().width()).isEqualTo(1.5);
        TextSymbolizer name = (TextSymbolizer) qpv.featureTypeStyles().get(1).rules().get(0).symbolizers().get(0);
        assertThat(qpv.featureTypeStyles().get(1).rules().get(0).maxScaleDenominator()).isEqualTo(100000);
        assertThat(name).isNotNull();
    }

    @Test
    void graduatedChoroplethHasOrderedNonOverlappingClasses() throws IOException {
        Style demande = committed("demande");
        List<Rule> rules = demande.allRules();
        assertThat(rules).hasSize(6);
        Rule second = rules.get(1);
        assertThat(second.title()).isEqualTo("De 10 à 50");
        assertThat(second.filter()).isEqualTo(new Filter.And(List.of(
                new Filter.Compare("demande", Filter.ComparisonOperator.GE, "10", true),
                new Filter.Compare("demande", Filter.ComparisonOperator.LT, "50", true))));
        PolygonSymbolizer ps = (PolygonSymbolizer) second.symbolizers().get(0);
        assertThat(ps.fill().color()).isEqualTo(new Color(0xc6, 0xdb, 0xef));
        assertThat(ps.stroke().width()).isEqualTo(0.3);
        assertThat(rules.get(5).filter()).isEqualTo(new Filter.IsNull("demande"));
    }

    @Test
    void readsScaleDenominatorsTextPointAndLineSymbolizers() throws IOException {
        Style communes = committed("communes");
        Rule label = communes.featureTypeStyles().get(1).rules().get(0);
        assertThat(label.maxScaleDenominator()).isEqualTo(150000);
        assertThat(label.appliesAtScale(149_999)).isTrue();
        assertThat(label.appliesAtScale(150_000)).isFalse();
        TextSymbolizer text = (TextSymbolizer) label.symbolizers().get(0);
        assertThat(text.labelProperty()).isEqualTo("nom");
        assertThat(text.font().size()).isEqualTo(11);
        assertThat(text.halo().radius()).isEqualTo(1.5);
        assertThat(text.placement()).isEqualTo(new LabelPlacement.Point(0.5, 0.5, 0, 0, 0));

        Rule star = committed("sites_candidats").allRules().get(0);
        PointSymbolizer point = (PointSymbolizer) star.symbolizers().get(0);
        assertThat(point.graphic().mark().wellKnownName()).isEqualTo("star");
        assertThat(point.graphic().size()).isEqualTo(16);

        Rule widest = committed("flux_od").allRules().get(3);
        assertThat(((LineSymbolizer) widest.symbolizers().get(0)).stroke().width()).isEqualTo(6);
        assertThat(((LineSymbolizer) widest.symbolizers().get(0)).stroke().dashArray()).isNull();
        // Modelled flows (radiation model) are the same widths, dashed: never mistaken for observed ones.
        Rule widestModelled = committed("flux_od").allRules().get(7);
        assertThat(widestModelled.title()).contains("modélisés");
        assertThat(((LineSymbolizer) widestModelled.symbolizers().get(0)).stroke().width()).isEqualTo(6);
        assertThat(((LineSymbolizer) widestModelled.symbolizers().get(0)).stroke().dashArray()).containsExactly(18f, 12f);

        Rule dashed = committed("limites").allRules().get(1);
        assertThat(((PolygonSymbolizer) dashed.symbolizers().get(0)).stroke().dashArray()).containsExactly(8f, 3f);

        Rule other = committed("lieux_existants").allRules().get(3);
        assertThat(other.elseFilter()).isTrue();
        assertThat(other.filter()).isNull();
    }

    @Test
    void readsLikeNullBetweenNotOrAndMirroredComparisons() {
        String sld = fixture("""
                <ogc:Filter><ogc:Or>
                  <ogc:PropertyIsLike wildCard="%" singleChar="_" escape="!"><ogc:PropertyName>carence:nom</ogc:PropertyName><ogc:Literal>Saint%</ogc:Literal></ogc:PropertyIsLike>
                  <ogc:Not><ogc:PropertyIsNull><ogc:PropertyName>dep</ogc:PropertyName></ogc:PropertyIsNull></ogc:Not>
                  <ogc:PropertyIsBetween><ogc:PropertyName>population</ogc:PropertyName><ogc:LowerBoundary><ogc:Literal>10</ogc:Literal></ogc:LowerBoundary><ogc:UpperBoundary><ogc:Literal>20</ogc:Literal></ogc:UpperBoundary></ogc:PropertyIsBetween>
                  <ogc:PropertyIsLessThan matchCase="false"><ogc:Literal>5</ogc:Literal><ogc:PropertyName>rang</ogc:PropertyName></ogc:PropertyIsLessThan>
                </ogc:Or></ogc:Filter>""");
        Filter f = parser.parse(sld, "fixture").allRules().get(0).filter();
        assertThat(f).isEqualTo(new Filter.Or(List.of(
                new Filter.Like("nom", "Saint%", '%', '_', '!', true),
                new Filter.Not(new Filter.IsNull("dep")),
                new Filter.Between("population", "10", "20"),
                new Filter.Compare("rang", Filter.ComparisonOperator.GT, "5", false))));
    }

    @Test
    void refusesDoctypesSoExternalEntitiesCannotBeRead() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<StyledLayerDescriptor xmlns=\"http://www.opengis.net/sld\"><NamedLayer><UserStyle><Name>&x;</Name>"
                + "</UserStyle></NamedLayer></StyledLayerDescriptor>";
        assertThatThrownBy(() -> parser.parse(xxe, "evil.sld"))
                .isInstanceOf(SldParseException.class).hasMessageContaining("evil.sld").hasMessageContaining("DOCTYPE");
    }

    @Test
    void errorsNameTheDocumentRuleAndValue() {
        String bad = fixture("").replace("#123456", "rouge");
        assertThatThrownBy(() -> parser.parse(bad, "fixture-bad.sld")).isInstanceOf(SldParseException.class)
                .hasMessageContaining("fixture-bad.sld, FeatureTypeStyle 1, Rule 1").hasMessageContaining("'rouge'");
        String unknownOp = fixture("<ogc:Filter><ogc:PropertyIsSimilar/></ogc:Filter>");
        assertThatThrownBy(() -> parser.parse(unknownOp, "fixture-op.sld")).hasMessageContaining("PropertyIsSimilar");
        assertThatThrownBy(() -> parser.parse("<a/>", "fixture-root.sld")).hasMessageContaining("StyledLayerDescriptor");
        assertThatThrownBy(() -> parser.parse("<a", "fixture-broken.sld")).hasMessageContaining("fixture-broken.sld, line 1");
    }

    /** A one-rule SLD around the given rule content (filter), with a #123456 fill. */
    private static String fixture(String filter) {
        return """
                <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
                 <NamedLayer><Name>x</Name><UserStyle><Name>fixture</Name><FeatureTypeStyle><Rule>
                 %s
                 <PolygonSymbolizer><Fill><CssParameter name="fill">#123456</CssParameter></Fill></PolygonSymbolizer>
                 </Rule></FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>""".formatted(filter);
    }
}
