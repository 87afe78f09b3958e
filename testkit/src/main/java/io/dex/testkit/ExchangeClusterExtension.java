package io.dex.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Provides the shared {@link ExchangeTestCluster}: started on first use and kept in the root
 * extension context, which closes it when the test run ends; emptied of topics before each test
 * class. Use it through {@link ExchangeIntegrationTest}.
 */
public final class ExchangeClusterExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ExchangeClusterExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context).deleteAllTopics();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == ExchangeTestCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return cluster(extensionContext);
    }

    private static ExchangeTestCluster cluster(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
                ExchangeTestCluster.class, type -> ExchangeTestCluster.startSingleNode(), ExchangeTestCluster.class);
    }
}
