package io.dex.streams.processor;

import org.apache.kafka.streams.processor.RecordContext;
import org.apache.kafka.streams.processor.TopicNameExtractor;

/** Sends each {@link Outbound.Publication} to the exchange topic it names. */
public final class PublicationTopic implements TopicNameExtractor<String, Outbound.Publication> {

    @Override
    public String extract(String key, Outbound.Publication publication, RecordContext context) {
        return publication.topic();
    }
}
