package io.dex.producer;

import io.dex.rules.DataProductRules;
import io.dex.rules.EventTimeLimits;
import io.dex.rules.ExchangeDecimals;
import io.dex.rules.FieldViolation;
import io.dex.rules.FxRateRules;
import io.dex.rules.TradeRules;
import io.dex.schema.DataProductEvent;
import io.dex.schema.FxRate;
import io.dex.schema.TradeEvent;
import io.dex.topics.ExchangeTopic;
import io.dex.topics.ExchangeTopics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;

/**
 * The three kinds of events members publish: where each goes, under which key, at which event time,
 * and how it is validated and brought to the schema's decimal scales before it is sent.
 *
 * @param <V> the generated event class
 */
public final class EventKind<V extends SpecificRecord> {

    /** Product lifecycle events, key productId, event time occurredAt. */
    public static final EventKind<DataProductEvent> PRODUCT = new EventKind<>("product", ExchangeTopics.DATA_PRODUCTS, DataProductEvent::new,
            DataProductEvent::getProductId, DataProductEvent::getOccurredAt, "occurredAt",
            EventKind::identify, DataProductRules::violations, EventKind::completeProduct);

    /** Trades, key productId, event time occurredAt. */
    public static final EventKind<TradeEvent> TRADE = new EventKind<>("trade", ExchangeTopics.TRADES, TradeEvent::new,
            TradeEvent::getProductId, TradeEvent::getOccurredAt, "occurredAt",
            trade -> { }, TradeRules::violations, trade -> trade.setAmount(ExchangeDecimals.money(trade.getAmount())));

    /** FX rates, key currency, event time effectiveAt. */
    public static final EventKind<FxRate> FX = new EventKind<>("fx", ExchangeTopics.FX_RATES, FxRate::new,
            FxRate::getCurrency, FxRate::getEffectiveAt, "effectiveAt",
            rate -> { }, FxRateRules::violations, rate -> rate.setCnyPerUnit(ExchangeDecimals.fxRate(rate.getCnyPerUnit())));

    /** Every kind, in the order the exchange needs them (rates and products before trades). */
    public static final List<EventKind<?>> ALL = List.of(FX, PRODUCT, TRADE);

    private final String name;
    private final ExchangeTopic<V> topic;
    private final Supplier<V> blank;
    private final Function<V, String> key;
    private final Function<V, Instant> eventTime;
    private final String eventTimeField;
    private final Consumer<V> identity;
    private final Function<V, List<FieldViolation>> rules;
    private final Consumer<V> scales;

    private EventKind(String name, ExchangeTopic<V> topic, Supplier<V> blank, Function<V, String> key, Function<V, Instant> eventTime,
            String eventTimeField, Consumer<V> identity, Function<V, List<FieldViolation>> rules, Consumer<V> scales) {
        this.name = name;
        this.topic = topic;
        this.blank = blank;
        this.key = key;
        this.eventTime = eventTime;
        this.eventTimeField = eventTimeField;
        this.identity = identity;
        this.rules = rules;
        this.scales = scales;
    }

    /** The kind with the given name ({@code product}, {@code trade}, {@code fx}). */
    public static Optional<EventKind<?>> named(String name) {
        return ALL.stream().filter(kind -> kind.name.equals(name)).findFirst();
    }

    /** The kind's name in input files and on the command line. */
    public String name() {
        return name;
    }

    /** The topic events of this kind go to. */
    public ExchangeTopic<V> topic() {
        return topic;
    }

    /** A new event of this kind with every field unset (for readers filling it field by field). */
    public V newEvent() {
        return blank.get();
    }

    /** The record key of {@code event}. */
    public String key(V event) {
        return key.apply(event);
    }

    /** The event time of {@code event}, which becomes the record timestamp. */
    public Instant eventTime(V event) {
        return eventTime.apply(event);
    }

    /**
     * Every field rule {@code event} breaks, in field order (the SPEC's rules, and an event time a Kafka
     * record timestamp can carry, at most {@link EventTimeLimits#FUTURE_LIMIT} ahead of this machine's
     * clock); empty when it may be sent. Changes nothing.
     */
    public List<FieldViolation> violations(V event) {
        List<FieldViolation> violations = new ArrayList<>(rules.apply(event));
        Instant time = eventTime.apply(event);
        if (time != null && time.isBefore(Instant.EPOCH)) {
            // Kafka record timestamps, which carry the event time, cannot be negative.
            violations.add(new FieldViolation(eventTimeField, "must not be before 1970-01-01T00:00:00Z"));
        }
        EventTimeLimits.aheadOf(eventTimeField, time, Instant.now(), "this machine's clock").ifPresent(violations::add);
        return violations;
    }

    /**
     * Makes {@code event} ready to send: generates an eventId when it has none, checks every field rule,
     * and when nothing is broken brings decimals to the schema's scale (exactly, never rounding).
     *
     * @return the broken rules, in field order; empty when the event is ready to send
     */
    public List<FieldViolation> prepare(V event) {
        identity.accept(event);
        List<FieldViolation> violations = violations(event);
        if (violations.isEmpty()) {
            scales.accept(event);
        }
        return violations;
    }

    private static void identify(DataProductEvent event) {
        if (event.getEventId() == null) {
            event.setEventId(UUID.randomUUID().toString());
        }
    }

    private static void completeProduct(DataProductEvent event) {
        if (event.getListPrice() != null) {
            event.setListPrice(ExchangeDecimals.money(event.getListPrice()));
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
