package io.dex.streams.processor;

import io.dex.registry.SchemaRegistryException;
import io.dex.rules.FieldViolation;
import io.dex.rules.FxRateRules;
import io.dex.schema.DeadLetter;
import io.dex.schema.FxRate;
import io.dex.streams.ExchangeStores;
import io.dex.streams.deadletter.DeadLetters;
import io.dex.streams.deadletter.Rejection;
import io.dex.streams.input.Received;
import io.dex.streams.input.RecordKeys;
import io.dex.topics.ExchangeTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FX intake: fills the global {@value ExchangeStores#FX_RATES} store from all of
 * {@code exchange.fx-rates}, in every instance. Kafka Streams runs it over the whole topic before
 * any task processes a trade (and again whenever the store is rebuilt), so a trade processed after a
 * rate arrived uses it, also on a first start over existing rates and trades.
 *
 * <p>A valid rate is kept under its currency, as its CNY per unit ({@link FxRateTable#rateValue}). An unreadable or invalid record is kept as
 * its dead letter under {@link FxRateTable#rejectedKey}: a global processor cannot write to a topic,
 * and every instance runs one, so the market task of partition 0 sends them on, once each.
 *
 * <p>It reads the values and writes the dead letters itself: a schema registry that does not answer is
 * retried here, for up to two minutes, where a failed global thread would stop the whole instance.
 */
public final class FxRateIntake implements Processor<byte[], byte[], Void, Void> {

    private static final Duration REGISTRY_PATIENCE = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(FxRateIntake.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);

    private final Deserializer<Received<FxRate>> values;
    private final Serializer<DeadLetter> deadLetters;
    private final Duration registryPatience;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, byte[]> store;

    /** An intake reading rates with {@code values} and serializing the dead letters it keeps with {@code deadLetters}. */
    public FxRateIntake(Deserializer<Received<FxRate>> values, Serializer<DeadLetter> deadLetters) {
        this(values, deadLetters, REGISTRY_PATIENCE);
    }

    /** An intake that waits up to {@code registryPatience} for a schema registry that does not answer. */
    FxRateIntake(Deserializer<Received<FxRate>> values, Serializer<DeadLetter> deadLetters, Duration registryPatience) {
        this.values = values;
        this.deadLetters = deadLetters;
        this.registryPatience = registryPatience;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        store = context.getStateStore(ExchangeStores.FX_RATES);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        Received<FxRate> received = whenRegistryAnswers("read an FX rate",
                () -> values.deserialize(ExchangeTopics.FX_RATES.name(), record.value()));
        if (!received.isReadable()) {
            reject(record, Rejection.unreadable(received.problem()));
            return;
        }
        FxRate rate = received.event();
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        List<FieldViolation> violations = new ArrayList<>(RecordKeys.violations(key, "currency", rate.getCurrency()));
        violations.addAll(FxRateRules.violations(rate));
        if (!violations.isEmpty()) {
            reject(record, Rejection.malformed(violations));
            return;
        }
        store.put(rate.getCurrency(), FxRateTable.rateValue(rate.getCnyPerUnit()));
    }

    /**
     * The result of {@code call}, which asks the schema registry; while the registry does not answer,
     * calls it again after a growing pause, up to the registry patience.
     */
    private <T> T whenRegistryAnswers(String what, Supplier<T> call) {
        long giveUpAt = System.nanoTime() + registryPatience.toNanos();
        Duration wait = FIRST_RETRY;
        while (true) {
            try {
                return call.get();
            } catch (SchemaRegistryException e) {
                if (!e.unavailable() || System.nanoTime() - giveUpAt > 0) {
                    throw e;
                }
                LOG.warn("Cannot {} yet, the schema registry does not answer ({}); retrying in {} ms",
                        what, e.getMessage(), wait.toMillis());
                pause(wait, e);
                Duration doubled = wait.multipliedBy(2);
                wait = doubled.compareTo(LONGEST_RETRY) < 0 ? doubled : LONGEST_RETRY;
            }
        }
    }

    private static void pause(Duration wait, SchemaRegistryException cause) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }

    private void reject(Record<byte[], byte[]> record, Rejection rejection) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        DeadLetter letter = DeadLetters.of(rejection, source, record.key(), record.value(), context.currentSystemTimeMs());
        store.put(FxRateTable.rejectedKey(source.partition(), source.offset()), whenRegistryAnswers("keep the dead letter of an FX rate",
                () -> deadLetters.serialize(ExchangeTopics.DEAD_LETTERS.name(), letter)));
    }
}
