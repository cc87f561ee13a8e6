package fr.carence.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.store.filter.Filter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SQL text itself: values never appear in it, LIKE patterns are escaped. */
class FilterSqlCompilerTest {

    private final FilterSqlCompiler h2 = new FilterSqlCompiler(new H2gisDialect(true));
    private final FilterSqlCompiler pg = new FilterSqlCompiler(new PostgisDialect());

    @Test
    void valuesAreParametersNeverText() {
        String payload = "x' OR '1'='1";
        Filter f = new Filter.Or(List.of(new Filter.Compare("nom", Filter.ComparisonOperator.EQ, payload),
                new Filter.Like("code", payload + "*", '*', '.', '!', false),
                new Filter.ResourceIds(List.of(payload)),
                new Filter.Between("population", "1", "2")));
        for (FilterSqlCompiler compiler : List.of(h2, pg)) {
            SqlFragment sql = compiler.compile(f, Fixtures.gridSchema("fixture_sql"));
            assertThat(sql.sql()).doesNotContain("OR '1'").doesNotContain("x'");
            assertThat(sql.parameters()).contains(payload, payload, 1, 2);
            assertThat(sql.sql().chars().filter(c -> c == '?').count()).isEqualTo(sql.parameters().size());
        }
        assertThat(pg.compile(new Filter.Compare("value", Filter.ComparisonOperator.EQ, "v"), Fixtures.gridSchema("fixture_sql")).sql())
                .isEqualTo("\"value\" = ?");
        assertThat(h2.compile(new Filter.Compare("value", Filter.ComparisonOperator.EQ, "v"), Fixtures.gridSchema("fixture_sql")).sql())
                .isEqualTo("\"VALUE\" = ?");
    }

    @Test
    void likePatternsTranslateWildcardsAndEscapeSqlCharacters() {
        assertThat(like("a*b.c", '*', '.', '!')).isEqualTo("a%b_c");
        assertThat(like("100%_\\", '*', '.', '!')).isEqualTo("100\\%\\_\\\\");
        assertThat(like("!*!.!!x", '*', '.', '!')).isEqualTo("*.!x");
        assertThat(like("a%b_", '%', '_', '\\')).isEqualTo("a%b_");
        assertThat(like("a\\%b", '%', '_', '\\')).isEqualTo("a\\%b");
        assertThat(like("trailing!", '*', '.', '!')).isEqualTo("trailing!");
    }

    @Test
    void spatialPredicatesCarryTheIndexTest() {
        var sql = pg.compile(new Filter.Spatial(Filter.SpatialOperator.WITHIN, Fixtures.square(0, 0, 10)),
                Fixtures.gridSchema("fixture_sql")).sql();
        assertThat(sql).isEqualTo("(\"geom\" && ST_GeomFromWKB(?, 2154) AND ST_Within(\"geom\", ST_GeomFromWKB(?, 2154)))");
    }

    private static String like(String pattern, char wild, char single, char escape) {
        return FilterSqlCompiler.likePattern(new Filter.Like("nom", pattern, wild, single, escape, true));
    }
}
