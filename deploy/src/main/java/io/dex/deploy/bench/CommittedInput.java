package io.dex.deploy.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The end of some topics at one moment, and whether a consumer group (a Streams application) has
 * committed its way to it: with {@code exactly_once_v2} offsets commit in the same transaction as
 * the outputs, so a group at the end has read every record and its outputs are committed.
 */
final class CommittedInput {

    private final Admin admin;
    private final Map<TopicPartition, Long> ends;

    private CommittedInput(Admin admin, Map<TopicPartition, Long> ends) {
        this.admin = admin;
        this.ends = ends;
    }

    /** The current end of every partition of {@code topics}. */
    static CommittedInput endOf(Admin admin, Collection<String> topics) {
        Map<String, TopicDescription> described = BrokerAnswer.of(admin.describeTopics(topics).allTopicNames());
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        described.values().forEach(topic -> topic.partitions()
                .forEach(partition -> latest.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResultInfo> offsets = BrokerAnswer.of(admin.listOffsets(latest).all());
        return new CommittedInput(admin, offsets.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> entry.getValue().offset())));
    }

    /** The end of {@code topics} only, of those this one knows. */
    CommittedInput of(Collection<String> topics) {
        return new CommittedInput(admin, ends.entrySet().stream().filter(end -> topics.contains(end.getKey().topic()))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** Partitions of {@code topic}. */
    int partitions(String topic) {
        return (int) ends.keySet().stream().filter(partition -> partition.topic().equals(topic)).count();
    }

    /** Whether {@code groupId} has committed every partition up to its end. */
    boolean reachedBy(String groupId) {
        Map<TopicPartition, OffsetAndMetadata> committed = BrokerAnswer.of(
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
        return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                || committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue());
    }
}
