package io.dex.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an integration test class that runs against the test JVM's shared Kafka cluster: its test
 * and lifecycle methods may take an {@link ExchangeTestCluster} parameter. The cluster is started
 * once per test JVM and starts each annotated class with no topics; the class creates those it uses.
 *
 * <pre>{@code
 * @ExchangeIntegrationTest
 * class TradePublishingTest {
 *     @Test
 *     void publishes(ExchangeTestCluster cluster) {
 *         new TopicProvisioner(cluster.admin()).create(ExchangeTopics.ALL, new TopicLayout(3, (short) 1));
 *         ... cluster.bootstrapServers(), cluster.schemaRegistryUrl() ...
 *     }
 * }
 * }</pre>
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ExchangeClusterExtension.class)
@Tag("integration")
public @interface ExchangeIntegrationTest {
}
