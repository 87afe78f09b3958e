package io.dex.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Progress")
class ProgressTest {

    @Test
    @DisplayName("formats durations as m:ss or h:mm:ss")
    void clock() {
        assertThat(Progress.clock(0)).isEqualTo("0:00");
        assertThat(Progress.clock(75)).isEqualTo("1:15");
        assertThat(Progress.clock(3 * 3600 + 62)).isEqualTo("3:01:02");
    }

    @Test
    @DisplayName("on a terminal, redraws one bar in place and ends it with a newline")
    void terminal() throws InterruptedException {
        StringWriter text = new StringWriter();
        Progress progress = new Progress(new PrintWriter(text), true, "publishing", "events", 1000);
        Thread.sleep(250);
        progress.update(500, 500);
        progress.finish(1000);
        assertThat(text.toString()).startsWith("\rpublishing [###############...............]  50%  500 events")
                .contains("ETA").contains("\rpublishing [##############################] 100%  1,000 events").endsWith("\n")
                .doesNotContain("\n\r");
    }

    @Test
    @DisplayName("elsewhere, writes nothing until due and then plain lines, without a closing bar")
    void plain() {
        StringWriter text = new StringWriter();
        Progress progress = new Progress(new PrintWriter(text), false, "validating", "lines", 100);
        progress.update(10, 10);
        progress.finish(100);
        assertThat(text.toString()).isEmpty();
    }
}
