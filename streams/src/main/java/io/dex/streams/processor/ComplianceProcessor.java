package io.dex.streams.processor;

import io.dex.schema.AggregateKind;
import io.dex.schema.ComplianceCandidate;
import io.dex.schema.ComplianceOutcome;
import io.dex.schema.ComplianceRecord;
import io.dex.schema.SellerComplianceHistory;
import io.dex.schema.SellerComplianceYear;
import io.dex.streams.ExchangeStores;
import io.dex.streams.TopologySettings;
import io.dex.streams.aggregate.AggregateGroup;
import io.dex.streams.aggregate.PendingDeltas;
import io.dex.streams.aggregate.TradingCalendar;
import io.dex.streams.aggregate.Volume;
import io.dex.streams.compliance.ComplianceClassifier;
import io.dex.streams.compliance.PersonalInfoSums;
import io.dex.topics.ExchangeTopics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The seller-keyed side (SPEC "compliance"): classifies each cross-border trade, in the order its
 * seller's trades arrive, against the seller's running sums for the trade's calendar year in the
 * exchange time zone, this trade included. Blocked trades, already dead-lettered on the product side,
 * are classified too and leave the sums alone. Every classification goes to
 * {@code exchange.compliance}; trades and volume per outcome go to the roll-up as deltas; each
 * seller's changed years are published every publish interval.
 */
public final class ComplianceProcessor implements Processor<String, ComplianceCandidate, String, Outbound> {

    private final TopologySettings settings;
    private final TradingCalendar calendar;
    private final ComplianceClassifier classifier;

    private KeyValueStore<String, SellerComplianceHistory> sellers;
    private PendingDeltas pending;
    private TaskOutbox outbox;
    private ExchangeMetrics metrics;
    private final Set<SellerYear> changedYears = new LinkedHashSet<>();

    /** A processor with the given settings. */
    public ComplianceProcessor(TopologySettings settings) {
        this.settings = settings;
        this.calendar = new TradingCalendar(settings.timeZone());
        this.classifier = new ComplianceClassifier(settings.thresholds());
    }

    @Override
    public void init(ProcessorContext<String, Outbound> context) {
        sellers = context.getStateStore(ExchangeStores.SELLER_COMPLIANCE);
        pending = new PendingDeltas(context.getStateStore(ExchangeStores.SELLER_PENDING));
        metrics = new ExchangeMetrics(context.metrics());
        outbox = new TaskOutbox(context, metrics);
        // Publications not sent before a restart are sent again: the aggregate topic is compacted.
        StoreContents.forEach(sellers, (memberId, history) ->
                history.getYears().forEach(entry -> changedYears.add(new SellerYear(memberId, entry.getYear()))));
        context.schedule(settings.flushInterval(), PunctuationType.WALL_CLOCK_TIME, now -> outbox.flush(pending));
        context.schedule(settings.publishInterval(), PunctuationType.WALL_CLOCK_TIME, now -> publish());
    }

    @Override
    public void process(Record<String, ComplianceCandidate> record) {
        ComplianceCandidate trade = record.value();
        long eventTime = trade.getOccurredAt().toEpochMilli();
        int year = calendar.year(eventTime);
        SellerComplianceHistory history = sellers.get(trade.getSellerId());
        SellerComplianceYear current = yearOf(history, year);
        PersonalInfoSums before = current == null
                ? PersonalInfoSums.NONE
                : new PersonalInfoSums(current.getPiSubjects(), current.getSensitivePiSubjects());
        boolean blocked = ComplianceClassifier.isBlocked(trade.getClassification());
        PersonalInfoSums after = blocked
                ? before
                : before.plus(trade.getPersonalInfoSubjects(), trade.getSensitivePersonalInfo());
        ComplianceOutcome outcome = classifier.classify(trade.getClassification(), after);
        if (current == null || !after.equals(before)) {
            sellers.put(trade.getSellerId(), withYear(history, trade.getSellerId(), new SellerComplianceYear(
                    trade.getSellerId(), year, after.piSubjects(), after.sensitivePiSubjects())));
            changedYears.add(new SellerYear(trade.getSellerId(), year));
        }
        outbox.publish(ExchangeTopics.COMPLIANCE.name(), trade.getTransactionId(), ComplianceRecord.newBuilder()
                .setTransactionId(trade.getTransactionId())
                .setSellerId(trade.getSellerId())
                .setProductId(trade.getProductId())
                .setBuyerJurisdiction(trade.getBuyerJurisdiction())
                .setOutcome(outcome)
                .setYear(year)
                .setPiSubjects(after.piSubjects())
                .setSensitivePiSubjects(after.sensitivePiSubjects())
                .setVolumeCny(trade.getVolumeCny())
                .setOccurredAt(trade.getOccurredAt())
                .build());
        pending.addVolume(AggregateGroup.of(AggregateKind.COMPLIANCE_OUTCOME, outcome.name()),
                Volume.ofTrade(trade.getVolumeCny(), true), eventTime, PendingDeltas.UNTIMED);
        metrics.outcome(outcome);
    }

    /** Publishes the seller years that changed since the last publication. */
    private void publish() {
        for (SellerYear changed : changedYears) {
            outbox.publish(ExchangeTopics.SELLER_COMPLIANCE.name(), changed.memberId() + "/" + changed.year(),
                    yearOf(sellers.get(changed.memberId()), changed.year()));
        }
        changedYears.clear();
    }

    private static SellerComplianceYear yearOf(SellerComplianceHistory history, int year) {
        if (history == null) {
            return null;
        }
        return history.getYears().stream().filter(entry -> entry.getYear() == year).findFirst().orElse(null);
    }

    private static SellerComplianceHistory withYear(SellerComplianceHistory history, String memberId, SellerComplianceYear year) {
        List<SellerComplianceYear> years = new ArrayList<>();
        if (history != null) {
            history.getYears().stream().filter(entry -> entry.getYear() != year.getYear()).forEach(years::add);
        }
        years.add(year);
        years.sort(Comparator.comparingInt(SellerComplianceYear::getYear));
        return new SellerComplianceHistory(memberId, years);
    }

    /** One seller's year, the key of its aggregate record. */
    private record SellerYear(String memberId, int year) {
    }
}
