package io.dex.deploy.bench;

import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The benchmark's baseline: a Kafka Streams topology that copies the raw bytes of each input topic to
 * its output topic, with no deserialization and no processing, so that what it costs is Kafka
 * Streams itself (consuming, producing, exactly-once transactions).
 */
final class PassThrough {

    private PassThrough() {
    }

    /** Copies every record of each key of {@code outputByInput} to the topic it maps to. */
    static Topology topology(Map<String, String> outputByInput) {
        StreamsBuilder builder = new StreamsBuilder();
        outputByInput.forEach((input, output) -> builder
                .stream(input, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to(output, Produced.with(Serdes.ByteArray(), Serdes.ByteArray())));
        return builder.build();
    }
}
