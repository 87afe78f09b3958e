package io.dex.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry REST API that dex uses: subjects {@code <topic>-value}
 * and {@code <topic>-key}, schema ids as in the Confluent wire format, compatibility levels.
 *
 * <p>Implementations are thread-safe. Ids and schemas never change once registered, so
 * implementations may cache them forever.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /** Registers {@code schema} under {@code subject} (a no-op returning the existing id when already there). */
    int register(String subject, Schema schema);

    /** The id of {@code schema} under {@code subject}, failing when it is not registered there. */
    int idOf(String subject, Schema schema);

    /** The schema with the given global id. */
    Schema schemaById(int id);

    /** Whether {@code schema} may be registered under {@code subject} given its compatibility level. */
    boolean isCompatible(String subject, Schema schema);

    /** Sets the compatibility level ({@code BACKWARD}, {@code FULL}, ...) of one subject. */
    void setCompatibility(String subject, String level);

    /** Sets the compatibility level of every subject without a level of its own (Apicurio's default is NONE). */
    void setDefaultCompatibility(String level);

    /** Every subject the registry knows. */
    List<String> subjects();

    @Override
    void close();
}
