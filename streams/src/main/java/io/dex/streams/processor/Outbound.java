package io.dex.streams.processor;

import io.dex.schema.AggregateDelta;
import io.dex.schema.ComplianceCandidate;
import org.apache.avro.specific.SpecificRecord;

/** What the topology's processors send on, each kind to its own kind of topic. */
public sealed interface Outbound permits Outbound.Publication, Outbound.Delta, Outbound.Candidate {

    /**
     * A record for one of the exchange's topics (dead letters, compliance, aggregates).
     *
     * @param topic the topic name, from {@code ExchangeTopics}
     * @param value the record value
     */
    record Publication(String topic, SpecificRecord value) implements Outbound {
    }

    /**
     * A pre-aggregated change for the roll-up.
     *
     * @param delta the change
     */
    record Delta(AggregateDelta delta) implements Outbound {
    }

    /**
     * A cross-border trade for the seller-keyed classification.
     *
     * @param candidate the trade with its product's attributes
     */
    record Candidate(ComplianceCandidate candidate) implements Outbound {
    }
}
