package io.dex.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dex.schema.TradeEvent;
import org.apache.avro.Schema;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("InMemorySchemaRegistryClient refuses incompatible schemas like a real registry")
class InMemorySchemaRegistryClientTest {

    @Test
    @DisplayName("an incompatible version is a 409 naming the subject and the field; the same schema keeps its id")
    void incompatible() {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        int id = registry.register("trades-value", TradeEvent.getClassSchema());
        Schema sellerAsLong = new Schema.Parser().parse(TradeEvent.getClassSchema().toString()
                .replace("{\"name\":\"sellerId\",\"type\":{\"type\":\"string\",\"avro.java.string\":\"String\"}",
                        "{\"name\":\"sellerId\",\"type\":\"long\""));

        assertThat(registry.isCompatible("trades-value", sellerAsLong)).isFalse();
        assertThatThrownBy(() -> registry.register("trades-value", sellerAsLong))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("Schema io.dex.schema.TradeEvent is incompatible with subject trades-value: new readers cannot read data "
                        + "written with version 1: field 'sellerId': reader type: LONG not compatible with writer type: STRING (TYPE_MISMATCH)");
        assertThat(registry.register("trades-value", TradeEvent.getClassSchema())).isEqualTo(id);
        assertThat(registry.register("other-value", TradeEvent.getClassSchema())).isEqualTo(id);
    }
}
