package io.dex.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.schema.TradeEvent;
import io.dex.testkit.SharedSchemaRegistry;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RestSchemaRegistryClient against a real Apicurio Registry")
class RestSchemaRegistryClientTest {

    private final RestSchemaRegistryClient client = new RestSchemaRegistryClient(SharedSchemaRegistry.url());

    @Test
    @DisplayName("a registered schema is found again by subject and by id")
    void registersAndFetches() {
        String subject = "trades-" + UUID.randomUUID() + "-value";
        Schema schema = TradeEvent.getClassSchema();

        int id = client.register(subject, schema);

        RestSchemaRegistryClient fresh = new RestSchemaRegistryClient(SharedSchemaRegistry.url());
        assertThat(fresh.idOf(subject, schema)).isEqualTo(id);
        assertThat(fresh.schemaById(id)).isEqualTo(schema);
        assertThat(fresh.subjects()).contains(subject);
        assertThat(fresh.register(subject, schema)).isEqualTo(id);
    }
}
