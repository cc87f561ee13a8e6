package fr.carence.render.legend;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.render.RepoFiles;
import fr.carence.render.sld.SldParser;
import fr.carence.render.style.PolygonSymbolizer;
import fr.carence.render.style.Rule;
import fr.carence.render.style.Style;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class LegendRendererTest {

    private static Style committed(String name) throws IOException {
        return new SldParser().parse(Files.readString(RepoFiles.find("sld-styles").resolve(name + ".sld"),
                StandardCharsets.UTF_8), name);
    }

    @Test
    void oneRowPerRuleWhoseSwatchHasTheRuleFill() throws IOException {
        Style style = committed("demande");
        BufferedImage legend = new LegendRenderer().render(style, 20, 20, false);
        List<Rule> rules = style.allRules();
        // 2 px padding, 20 px rows, 4 px between rows.
        assertThat(legend.getHeight()).isEqualTo(2 * 2 + rules.size() * 20 + (rules.size() - 1) * 4);
        assertThat(legend.getWidth()).isGreaterThan(20 + 4 + 40);
        for (int k = 0; k < rules.size(); k++) {
            int expected = ((PolygonSymbolizer) rules.get(k).symbolizers().get(0)).fill().color().getRGB();
            assertThat(legend.getRGB(2 + 10, 2 + k * 24 + 10)).as("swatch of " + rules.get(k).title()).isEqualTo(expected);
        }
        assertThat(legend.getRGB(0, 0)).as("white background").isEqualTo(0xffffffff);
    }

    @Test
    void labelOnlyRulesAndRepeatedTitlesGetNoRow() throws IOException {
        // communes: two outline rules titled "Commune" (by scale) and a label rule.
        assertThat(LegendRenderer.legendRules(committed("communes"))).extracting(Rule::title).containsExactly("Commune");
        assertThat(LegendRenderer.legendRules(committed("zones_carence"))).extracting(Rule::title)
                .containsExactly("Zone de carence");
        BufferedImage points = new LegendRenderer().render(committed("lieux_existants"), 20, 20, true);
        assertThat(points.getHeight()).isEqualTo(2 * 2 + 4 * 20 + 3 * 4);
        assertThat(points.getRGB(0, 0) >>> 24).as("transparent background").isZero();
        assertThat(points.getRGB(12, 12)).as("coworking circle fill").isEqualTo(0xff1f78b4);
    }
}
