package io.dex.streams.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dex.schema.Category;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Request parameters")
class RequestParametersTest {

    @Test
    @DisplayName("parses ISO instants and dates and names the parameter when they are malformed or missing")
    void isoValues() {
        assertThat(RequestParameters.instant("from", "2026-11-28T09:00:00Z")).isEqualTo(Instant.parse("2026-11-28T09:00:00Z"));
        assertThat(RequestParameters.date("to", "2026-11-28")).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThatThrownBy(() -> RequestParameters.instant("from", "2026-11-28"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("'from'").hasMessageContaining("2026-11-28");
        assertThatThrownBy(() -> RequestParameters.date("to", "28.11.2026"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("'to'");
        assertThatThrownBy(() -> RequestParameters.date("from", null))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("required");
    }

    @Test
    @DisplayName("rejects a range whose start is not before its end")
    void ordering() {
        RequestParameters.requireOrdered(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2));
        assertThatThrownBy(() -> RequestParameters.requireOrdered(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 2)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("before");
        assertThatThrownBy(() -> RequestParameters.requireOrdered(Instant.ofEpochSecond(2), Instant.ofEpochSecond(1)))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    @DisplayName("takes ranking sizes from 1 to 10, 10 when absent")
    void topSize() {
        assertThat(RequestParameters.topSize("n", null)).isEqualTo(10);
        assertThat(RequestParameters.topSize("n", "1")).isEqualTo(1);
        assertThat(RequestParameters.topSize("n", "10")).isEqualTo(10);
        for (String bad : new String[] {"0", "11", "-3", "ten", "2.5", ""}) {
            assertThatThrownBy(() -> RequestParameters.topSize("n", bad)).as(bad)
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("'n'");
        }
    }

    @Test
    @DisplayName("accepts only the exchange's category symbols")
    void categories() {
        assertThat(RequestParameters.category("category", "PATENTS_IP")).isEqualTo(Category.PATENTS_IP);
        assertThat(RequestParameters.optionalCategory("category", null)).isEmpty();
        assertThatThrownBy(() -> RequestParameters.category("category", "finance"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("FINANCE");
        assertThatThrownBy(() -> RequestParameters.optionalCategory("category", "CRYPTO"))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    @DisplayName("takes optional years from 1 to 9999")
    void years() {
        assertThat(RequestParameters.optionalYear("year", null)).isEmpty();
        assertThat(RequestParameters.optionalYear("year", "2026")).contains(2026);
        assertThatThrownBy(() -> RequestParameters.optionalYear("year", "0")).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> RequestParameters.optionalYear("year", "20x6"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("'year'");
    }
}
