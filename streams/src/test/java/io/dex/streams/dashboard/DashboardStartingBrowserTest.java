package io.dex.streams.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.dex.streams.http.OperatorsServer;
import io.dex.streams.metrics.ExchangeMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

@DisplayName("The dashboard in a browser while Kafka Streams is starting")
class DashboardStartingBrowserTest {

    @Test
    @DisplayName("connects to the live feed and says the aggregates are not available yet")
    void waitingForData() {
        assumeThat(HeadlessChromium.installed()).as("chromium and chromedriver installed").isTrue();
        try (OperatorsServer server = OperatorsServer.start(OperatorsServer.Settings.on("127.0.0.1", 0),
                ExchangeMeterRegistry.create())) {
            ChromeDriver browser = HeadlessChromium.start();
            try {
                browser.get("http://127.0.0.1:" + server.port() + "/");
                assertThat(browser.getTitle()).isEqualTo("dex · operators");
                new WebDriverWait(browser, Duration.ofSeconds(20)).until(page ->
                        page.findElement(By.id("connection")).getText().equals("waiting for data"));
                assertThat(browser.findElement(By.id("problem")).getText()).contains("starting");
                assertThat(browser.findElement(By.id("kpi-trades")).getText()).isEqualTo("–");
                assertThat(server.liveClients()).isEqualTo(1);
            } finally {
                browser.quit();
            }
        }
    }
}
