package io.dex.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * A schema registry inside the JVM, for topology unit tests run with TopologyTestDriver where no
 * network is involved. Ids are global and start at 1, as in a fresh Confluent registry; every
 * subject checks BACKWARD compatibility against its latest version.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private final List<Schema> schemasById = new ArrayList<>();
    private final Map<String, List<Schema>> versionsBySubject = new HashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        List<Schema> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(schema)) {
            List<String> problems = versions.isEmpty() ? List.of() : SchemaIncompatibilities.between(schema, versions.get(versions.size() - 1));
            if (!problems.isEmpty()) {
                throw new SchemaRegistryException(409, "Schema " + schema.getFullName() + " is incompatible with subject " + subject
                        + ": new readers cannot read data written with version " + versions.size() + ": " + String.join("; ", problems));
            }
            versions.add(schema);
        }
        int existing = schemasById.indexOf(schema);
        if (existing >= 0) {
            return existing + 1;
        }
        schemasById.add(schema);
        return schemasById.size();
    }

    @Override
    public synchronized int idOf(String subject, Schema schema) {
        if (!versionsBySubject.getOrDefault(subject, List.of()).contains(schema)) {
            throw new SchemaRegistryException(404, "Schema not found under subject " + subject);
        }
        return schemasById.indexOf(schema) + 1;
    }

    @Override
    public synchronized Schema schemaById(int id) {
        if (id < 1 || id > schemasById.size()) {
            throw new SchemaRegistryException(404, "Schema " + id + " not found");
        }
        return schemasById.get(id - 1);
    }

    @Override
    public synchronized boolean isCompatible(String subject, Schema schema) {
        List<Schema> versions = versionsBySubject.getOrDefault(subject, List.of());
        return versions.isEmpty() || SchemaIncompatibilities.between(schema, versions.get(versions.size() - 1)).isEmpty();
    }

    @Override
    public void setCompatibility(String subject, String level) {
        requireBackward(level);
    }

    @Override
    public void setDefaultCompatibility(String level) {
        requireBackward(level);
    }

    private static void requireBackward(String level) {
        if (!"BACKWARD".equals(level)) {
            throw new UnsupportedOperationException("The in-memory registry checks BACKWARD compatibility only, not " + level);
        }
    }

    @Override
    public synchronized List<String> subjects() {
        return List.copyOf(versionsBySubject.keySet());
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
