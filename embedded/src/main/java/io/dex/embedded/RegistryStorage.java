package io.dex.embedded;

/** Where an embedded schema registry keeps its schemas. */
public enum RegistryStorage {

    /** Lost when the registry stops: for tests only. */
    IN_MEMORY,

    /**
     * An H2 database file in the registry's directory, written through on every change, so that
     * schemas, their ids and compatibility settings survive restarts, also after {@code kill -9}.
     */
    FILE
}
