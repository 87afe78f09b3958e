package io.dex.serde;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to load a generated class outside its trusted packages
 * ({@code SecurityException: Forbidden io.dex.schema...}) whenever it looks one up by name: when
 * serializing as well as when deserializing, and in {@code SpecificData.newRecord}. Every serde of
 * dex calls {@link #install()} before its first use, whichever of them a JVM happens to load
 * first; code that uses Avro's {@code SpecificData} on the contracts before any serde calls it too.
 * Applications reading dex's topics with plain Avro set the system property
 * {@code org.apache.avro.SERIALIZABLE_PACKAGES=io.dex.schema} instead.
 */
public final class TrustedContracts {

    static {
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
                ClassSecurityValidator.getGlobal(),
                type -> type.getPackageName().equals(SerdeSettings.CONTRACTS_PACKAGE)));
    }

    private TrustedContracts() {
    }

    /** Adds the contracts package to Avro's trusted packages, once per JVM (class initialization is the lock). */
    public static void install() {
        // The work is the static initializer's; calling this method triggers it.
    }
}
