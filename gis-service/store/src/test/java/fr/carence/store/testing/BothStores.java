package fr.carence.store.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test once against H2GIS and once against PostGIS. The test method (and its
 * {@code @BeforeEach} methods) may declare a {@code FeatureStore}, {@code JdbcFeatureStore} or
 * {@link StoreKind} parameter. One fresh store of each kind is opened per test class and
 * discarded after it, so tests in a class should use distinct layer names.
 *
 * <p>When PostGIS cannot be found the PostGIS runs are skipped with a message, except in CI
 * ({@code CI=true}) where they fail. See {@link PostgisServer} for how the server is found.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(BothStoresExtension.class)
public @interface BothStores {
}
