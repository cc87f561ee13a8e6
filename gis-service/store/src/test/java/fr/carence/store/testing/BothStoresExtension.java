package fr.carence.store.testing;

import fr.carence.store.FeatureStore;
import fr.carence.store.jdbc.JdbcFeatureStore;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** Provides the two invocations of a {@link BothStores} test and their stores. */
public final class BothStoresExtension implements TestTemplateInvocationContextProvider {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BothStoresExtension.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.isAnnotationPresent(BothStores.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(StoreKind.values()).map(kind -> new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return kind.label();
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return kind == StoreKind.POSTGIS
                        ? List.of(new PostgisRequirement(), new StoreResolver(kind))
                        : List.of(new StoreResolver(kind));
            }
        });
    }

    /** One store per kind and test class, closed (and its data deleted) when the class finishes. */
    static JdbcFeatureStore classStore(ExtensionContext context, StoreKind kind) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        ClosingStore holder = classContext.getStore(NAMESPACE).getOrComputeIfAbsent(kind,
                k -> new ClosingStore(StoreTestSupport.open(kind)), ClosingStore.class);
        return holder.store.store();
    }

    /** Adapter so JUnit closes the store with its class context. */
    private record ClosingStore(TestStore store) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            store.close();
        }
    }

    /** Skips (or in CI fails) the PostGIS run before anything else of the test executes. */
    private static final class PostgisRequirement implements BeforeEachCallback {
        @Override
        public void beforeEach(ExtensionContext context) {
            StoreTestSupport.requirePostgis();
        }
    }

    private record StoreResolver(StoreKind kind) implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == FeatureStore.class || type == JdbcFeatureStore.class || type == StoreKind.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            if (parameter.getParameter().getType() == StoreKind.class) {
                return kind;
            }
            return classStore(context, kind);
        }
    }
}
