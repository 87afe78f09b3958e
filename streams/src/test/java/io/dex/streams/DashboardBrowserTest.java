package io.dex.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.dex.producer.ExchangePublisher;
import io.dex.schema.Category;
import io.dex.schema.Classification;
import io.dex.schema.TradeEvent;
import io.dex.streams.dashboard.HeadlessChromium;
import io.dex.testkit.ExchangeIntegrationTest;
import io.dex.testkit.ExchangeTestCluster;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The operators' dashboard in headless Chromium, fed by a running instance while trades are published. */
@ExchangeIntegrationTest
@DisplayName("The operators' dashboard in a browser")
class DashboardBrowserTest {

    private static final String[][] PRODUCTS = {
            {"D-FIN-1", "M-1", "FINANCE"}, {"D-FIN-2", "M-1", "FINANCE"}, {"D-ENE-1", "M-2", "ENERGY"},
            {"D-TEL-1", "M-2", "TELECOM"}, {"D-GEO-1", "M-3", "GEOSPATIAL"}, {"D-TRD-1", "M-3", "TRADE_CUSTOMS"},
            {"D-CRD-1", "M-1", "ENTERPRISE_CREDIT"}};
    private static final String[] JURISDICTIONS = {"CN", "US", "CN", "SG", "CN", "DE"};

    @Test
    @DisplayName("shows published trades as they are aggregated: figures, charts, ranking, compliance and dead letters")
    void showsTradesLive(ExchangeTestCluster cluster) throws Exception {
        assumeThat(HeadlessChromium.installed()).as("chromium and chromedriver installed").isTrue();
        try (RunningExchange exchange = RunningExchange.start(cluster, "dashboard-browser-test", 3, 1)) {
            ExchangePublisher publisher = exchange.publisher();
            for (String[] product : PRODUCTS) {
                publisher.publishProduct(Events.listed(product[0], product[1], Category.valueOf(product[2])).build());
            }
            publisher.publishProduct(Events.listed("D-HEA-CORE", "M-2", Category.HEALTHCARE)
                    .setClassification(Classification.CORE).build());
            publisher.flush();

            ChromeDriver browser = HeadlessChromium.start();
            try {
                browser.get(exchange.url(0).toString());
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
                wait.until(page -> page.findElement(By.id("kpi-listed")).getText().equals("8"));
                assertThat(browser.findElement(By.id("connection")).getText()).isEqualTo("live");
                assertThat(browser.findElement(By.id("kpi-trades")).getText()).isEqualTo("0");

                List<TradeEvent> trades = trades(Instant.now().truncatedTo(ChronoUnit.SECONDS));
                for (TradeEvent trade : trades) {
                    publisher.publishTrade(trade);
                }
                // Rejected: core data may not leave; a repeated transaction; a product never listed.
                publisher.publishTrade(Events.trade("X-1", "D-HEA-CORE", "M-2", "B-1", "500").setBuyerJurisdiction("US")
                        .setOccurredAt(Instant.now()).build());
                publisher.publishTrade(trades.get(0));
                publisher.publishTrade(Events.trade("X-2", "D-NONE", "M-2", "B-1", "1").setOccurredAt(Instant.now()).build());
                publisher.flush();

                BigDecimal volume = trades.stream().map(TradeEvent::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
                wait.until(page -> page.findElement(By.id("kpi-trades")).getText().equals(Integer.toString(trades.size()))
                        && page.findElement(By.id("kpi-dead")).getText().equals("3"));
                wait.until(page -> page.findElement(By.id("kpi-volume")).getText().equals(String.format("%,.2f", volume)));

                List<WebElement> ranking = browser.findElements(By.cssSelector("#top-products tbody tr"));
                assertThat(ranking).hasSize(PRODUCTS.length);
                assertThat(ranking.get(0).findElements(By.tagName("td")).get(1).getText()).isEqualTo(topProduct(trades));
                wait.until(page -> rowText(page.findElements(By.cssSelector("#compliance tbody tr")), "BLOCKED").contains("1"));
                assertThat(rowText(browser.findElements(By.cssSelector("#dead-letters tbody tr")), "DUPLICATE_TRANSACTION"))
                        .endsWith("1");
                assertThat(browser.findElements(By.cssSelector("#chart-categories rect.bar-total"))).hasSize(PRODUCTS.length - 1);
                assertThat(browser.findElements(By.cssSelector("#chart-minutes rect.bar-minute"))).hasSize(30);
                assertThat(browser.findElement(By.id("kpi-xb-share")).getText()).endsWith("%");

                // For a look at readability: the page as a laptop shows it, then its lower half.
                Files.write(Path.of("target", "dashboard.png"), browser.getScreenshotAs(OutputType.BYTES));
                browser.executeScript("window.scrollTo(0, document.body.scrollHeight)");
                Files.write(Path.of("target", "dashboard-lower.png"), browser.getScreenshotAs(OutputType.BYTES));
            } finally {
                browser.quit();
            }
        }
    }

    /** Forty trades of the listed products over the last ten minutes, oldest first. */
    private static List<TradeEvent> trades(Instant now) {
        List<TradeEvent> trades = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String[] product = PRODUCTS[(i * 3) % PRODUCTS.length];
            trades.add(Events.trade("D-" + i, product[0], product[1], "B-" + (i % 5), Integer.toString(100 + i * 37))
                    .setBuyerJurisdiction(JURISDICTIONS[i % JURISDICTIONS.length])
                    .setOccurredAt(now.minus(Duration.ofSeconds(600 - i * 15)))
                    .build());
        }
        return trades;
    }

    /** The product with the highest volume among {@code trades}. */
    private static String topProduct(List<TradeEvent> trades) {
        Map<String, BigDecimal> volumes = new LinkedHashMap<>();
        trades.forEach(trade -> volumes.merge(trade.getProductId(), trade.getAmount(), BigDecimal::add));
        return volumes.entrySet().stream().max(Map.Entry.comparingByValue(Comparator.naturalOrder())).orElseThrow().getKey();
    }

    private static String rowText(List<WebElement> rows, String label) {
        return rows.stream().map(WebElement::getText).filter(text -> text.startsWith(label.replace('_', ' '))
                || text.startsWith(label)).findFirst().orElse("");
    }
}
