package io.dex.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.schema.Category;
import io.dex.schema.Classification;
import io.dex.schema.ComplianceOutcome;
import io.dex.schema.ComplianceRecord;
import io.dex.schema.ComplianceVolume;
import io.dex.schema.DeadLetter;
import io.dex.schema.RejectionReason;
import io.dex.schema.SellerComplianceHistory;
import io.dex.schema.SellerComplianceYear;
import io.dex.schema.TradingVolume;
import io.dex.topics.ExchangeTopics;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Cross-border compliance")
class ComplianceTopologyTest {

    private final ExchangeDriver exchange = new ExchangeDriver();
    private final Map<ComplianceOutcome, long[]> expectedOutcomes = new EnumMap<>(ComplianceOutcome.class);
    private int transactions;

    @AfterEach
    void close() {
        exchange.close();
    }

    /** Lists a product of {@code seller} whose deliveries hold {@code subjects} persons. */
    private void product(String productId, String seller, Classification classification, long subjects, boolean sensitive) {
        exchange.product(Events.listed(productId, seller, Category.HEALTHCARE).setClassification(classification)
                .setPersonalInfoSubjects(subjects).setSensitivePersonalInfo(sensitive).build());
    }

    /** A trade of {@code amount} CNY to a buyer in {@code jurisdiction}; the classification it gets, if any. */
    private ComplianceRecord trade(String productId, String seller, String jurisdiction, Instant at, long amount) {
        String transactionId = "T" + transactions++;
        exchange.trade(Events.trade(transactionId, productId, seller, "BUYER", Long.toString(amount))
                .setBuyerJurisdiction(jurisdiction).setOccurredAt(at).build());
        List<KeyValue<String, ComplianceRecord>> records = exchange.read(ExchangeTopics.COMPLIANCE);
        if (records.isEmpty()) {
            return null;
        }
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key).isEqualTo(transactionId);
        ComplianceRecord record = records.get(0).value;
        long[] expected = expectedOutcomes.computeIfAbsent(record.getOutcome(), o -> new long[2]);
        expected[0]++;
        expected[1] += amount;
        return record;
    }

    private ComplianceRecord crossBorder(String productId, String seller) {
        return trade(productId, seller, "SG", Events.T0, 10);
    }

    private static void assertRecord(ComplianceRecord record, ComplianceOutcome outcome, long piSubjects, long sensitivePiSubjects) {
        assertThat(record.getOutcome()).isEqualTo(outcome);
        assertThat(record.getPiSubjects()).as("piSubjects").isEqualTo(piSubjects);
        assertThat(record.getSensitivePiSubjects()).as("sensitivePiSubjects").isEqualTo(sensitivePiSubjects);
    }

    /**
     * Lists {@code seller}'s GENERAL products (product id to persons per delivery; sensitive ones or
     * not), sells them abroad in the order of {@code sales}, and expects each sale's outcome with the
     * seller's running sum of that kind of person (the other sum staying 0).
     */
    private void assertSales(String seller, boolean sensitive, Map<String, Long> products, Sale... sales) {
        new TreeMap<>(products).forEach((productId, subjects) ->
                product(productId, seller, Classification.GENERAL, subjects, sensitive));
        for (Sale sale : sales) {
            assertRecord(crossBorder(sale.productId(), seller), sale.outcome(),
                    sensitive ? 0 : sale.runningSum(), sensitive ? sale.runningSum() : 0);
        }
        assertOutcomeVolumes();
    }

    /** A cross-border sale of {@code productId}, its expected outcome and the seller's sum after it. */
    private record Sale(String productId, ComplianceOutcome outcome, long runningSum) {
    }

    @Test
    @DisplayName("personal-information thresholds just below, at and above 100,000 and 1,000,000")
    void piThresholds() {
        assertSales("M1", false, Map.of("A", 99_999L, "B", 1L, "D", 899_998L),
                new Sale("A", ComplianceOutcome.EXEMPT, 99_999),
                new Sale("B", ComplianceOutcome.STANDARD_CONTRACT, 100_000),
                new Sale("B", ComplianceOutcome.STANDARD_CONTRACT, 100_001),
                new Sale("D", ComplianceOutcome.STANDARD_CONTRACT, 999_999),
                new Sale("B", ComplianceOutcome.SECURITY_ASSESSMENT, 1_000_000),
                new Sale("B", ComplianceOutcome.SECURITY_ASSESSMENT, 1_000_001));
    }

    @Test
    @DisplayName("sensitive thresholds: none, just below, at and above 10,000")
    void sensitiveThresholds() {
        assertSales("M2", true, Map.of("S0", 0L, "S1", 1L, "S9998", 9_998L),
                new Sale("S0", ComplianceOutcome.EXEMPT, 0),
                new Sale("S1", ComplianceOutcome.STANDARD_CONTRACT, 1),
                new Sale("S9998", ComplianceOutcome.STANDARD_CONTRACT, 9_999),
                new Sale("S1", ComplianceOutcome.SECURITY_ASSESSMENT, 10_000),
                new Sale("S1", ComplianceOutcome.SECURITY_ASSESSMENT, 10_001));
    }

    @Test
    @DisplayName("important data needs an assessment; domestic trades are not classified and add nothing")
    void importantAndDomestic() {
        product("I", "M3", Classification.IMPORTANT, 5, false);
        product("G", "M3", Classification.GENERAL, 100_000, false);
        assertRecord(crossBorder("I", "M3"), ComplianceOutcome.SECURITY_ASSESSMENT, 5, 0);
        assertThat(trade("G", "M3", "CN", Events.T0, 10)).isNull();
        assertThat(trade("G", "M3", "CN", Events.T0, 10)).isNull();
        assertRecord(crossBorder("I", "M3"), ComplianceOutcome.SECURITY_ASSESSMENT, 10, 0);
        assertOutcomeVolumes();
    }

    @Test
    @DisplayName("core data is blocked: dead-lettered, out of the volumes and the sums, and blocked again when resent")
    void coreBlocked() {
        product("C", "M4", Classification.CORE, 500, false);
        product("G", "M4", Classification.GENERAL, 7, false);
        assertRecord(crossBorder("G", "M4"), ComplianceOutcome.EXEMPT, 7, 0);
        exchange.deadLetters();
        exchange.trade(Events.trade("BLOCK", "C", "M4", "BUYER", "30").setBuyerJurisdiction("US").build());
        exchange.trade(Events.trade("BLOCK", "C", "M4", "BUYER", "30").setBuyerJurisdiction("US").build());
        List<DeadLetter> letters = exchange.deadLetters();
        assertThat(letters).extracting(DeadLetter::getReason)
                .containsExactly(RejectionReason.CROSS_BORDER_BLOCKED, RejectionReason.CROSS_BORDER_BLOCKED);
        List<KeyValue<String, ComplianceRecord>> records = exchange.read(ExchangeTopics.COMPLIANCE);
        assertThat(records).hasSize(2).allSatisfy(record -> assertRecord(record.value, ComplianceOutcome.BLOCKED, 7, 0));
        assertThat(records.get(0).value.getVolumeCny()).isEqualTo(new BigDecimal("30.0000"));
        expectedOutcomes.put(ComplianceOutcome.BLOCKED, new long[] {2, 60});
        // A domestic trade of core data is fine.
        assertThat(trade("C", "M4", "CN", Events.T0, 5)).isNull();
        assertRecord(crossBorder("G", "M4"), ComplianceOutcome.EXEMPT, 14, 0);
        exchange.flush();
        TradingVolume total = exchange.<TradingVolume>store(ExchangeStores.EXCHANGE_VOLUME).get("exchange");
        assertThat(total.getTrades()).isEqualTo(3);
        assertThat(total.getVolumeCny()).isEqualTo(new BigDecimal("25.0000"));
        assertOutcomeVolumes();
    }

    @Test
    @DisplayName("the yearly sums start again at midnight on 1 January in Asia/Shanghai")
    void yearBoundary() {
        product("Y", "M5", Classification.GENERAL, 60_000, false);
        Instant newYear = Instant.parse("2026-12-31T16:00:00Z");
        ComplianceRecord lastOf2026 = trade("Y", "M5", "JP", newYear.minusMillis(1), 10);
        assertRecord(lastOf2026, ComplianceOutcome.EXEMPT, 60_000, 0);
        assertThat(lastOf2026.getYear()).isEqualTo(2026);
        ComplianceRecord firstOf2027 = trade("Y", "M5", "JP", newYear, 10);
        assertRecord(firstOf2027, ComplianceOutcome.EXEMPT, 60_000, 0);
        assertThat(firstOf2027.getYear()).isEqualTo(2027);
        assertRecord(trade("Y", "M5", "JP", Instant.parse("2026-06-01T00:00:00Z"), 10), ComplianceOutcome.STANDARD_CONTRACT, 120_000, 0);
        exchange.flush();

        SellerComplianceHistory history = exchange.<SellerComplianceHistory>store(ExchangeStores.SELLER_COMPLIANCE).get("M5");
        assertThat(history.getYears()).containsExactly(
                new SellerComplianceYear("M5", 2026, 120_000L, 0L), new SellerComplianceYear("M5", 2027, 60_000L, 0L));
        Map<String, SellerComplianceYear> published = exchange.latest(ExchangeTopics.SELLER_COMPLIANCE);
        assertThat(published).containsOnlyKeys("M5/2026", "M5/2027");
        assertThat(published.get("M5/2026").getPiSubjects()).isEqualTo(120_000);
    }

    private void assertOutcomeVolumes() {
        exchange.flush();
        Map<String, ComplianceVolume> stored = exchange.entries(ExchangeStores.COMPLIANCE_OUTCOMES);
        assertThat(stored).hasSameSizeAs(expectedOutcomes);
        expectedOutcomes.forEach((outcome, expected) -> {
            ComplianceVolume volume = stored.get(outcome.name());
            assertThat(volume.getTrades()).as(outcome.name()).isEqualTo(expected[0]);
            assertThat(volume.getVolumeCny()).as(outcome.name()).isEqualByComparingTo(BigDecimal.valueOf(expected[1]));
        });
        assertThat(exchange.latest(ExchangeTopics.COMPLIANCE_VOLUME)).containsOnlyKeys(stored.keySet());
    }
}
