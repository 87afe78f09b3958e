package io.dex.streams.query;

import java.util.Optional;

/** The queryable stores of the topology, by name, for instances answering each other's reads. */
@FunctionalInterface
public interface StoreCatalog {

    /** The store called {@code name}, if the topology has one. */
    Optional<StoreDescriptor<?>> byName(String name);
}
