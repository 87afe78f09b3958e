package io.dex.streams.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The JSON conventions of the HTTP API: decimals as exact strings ({@code "1200.5000"}), instants
 * and dates as ISO-8601 strings, counts as numbers.
 */
public final class ApiJson {

    private ApiJson() {
    }

    /** A mapper following the API's conventions. */
    public static ObjectMapper mapper() {
        SimpleModule conventions = new SimpleModule("dex-api")
                .addSerializer(BigDecimal.class, new PlainDecimal())
                .addSerializer(Instant.class, ToStringSerializer.instance)
                .addSerializer(LocalDate.class, ToStringSerializer.instance);
        return new ObjectMapper().registerModule(conventions);
    }

    /** Never scientific notation: {@code 0.0001}, not {@code 1E-4}. */
    private static final class PlainDecimal extends JsonSerializer<BigDecimal> {
        @Override
        public void serialize(BigDecimal value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(value.toPlainString());
        }
    }
}
