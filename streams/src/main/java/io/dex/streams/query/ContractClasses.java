package io.dex.streams.query;

import io.dex.serde.SerdeSettings;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Lets Avro instantiate the generated contract classes when decoding values from peers (Avro 1.12
 * refuses classes outside its trusted packages).
 */
final class ContractClasses {

    static {
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
                ClassSecurityValidator.getGlobal(),
                type -> type.getPackageName().equals(SerdeSettings.CONTRACTS_PACKAGE)));
    }

    private ContractClasses() {
    }

    /** Runs the static initializer once; later calls do nothing. */
    static void trust() {
        // The work happens in the static initializer, run on the first call.
    }
}
