package io.dex.streams.compliance;

import io.dex.schema.Classification;
import io.dex.schema.ComplianceOutcome;

/**
 * Classifies an accepted cross-border trade (SPEC "compliance"), first match wins: BLOCKED for core
 * data, SECURITY_ASSESSMENT for important data or large sums, STANDARD_CONTRACT for medium sums or
 * any sensitive personal information, EXEMPT otherwise.
 */
public final class ComplianceClassifier {

    private final ComplianceThresholds thresholds;

    /** A classifier with the given thresholds. */
    public ComplianceClassifier(ComplianceThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * Whether core data would leave the country. Depends on the product alone, so the product-keyed
     * side decides it before a trade is remembered as accepted.
     */
    public static boolean isBlocked(Classification classification) {
        return classification == Classification.CORE;
    }

    /**
     * The outcome of a trade of a product with {@code classification}, given the seller's sums for the
     * year with this trade included (unchanged for a blocked trade).
     */
    public ComplianceOutcome classify(Classification classification, PersonalInfoSums sums) {
        if (isBlocked(classification)) {
            return ComplianceOutcome.BLOCKED;
        }
        // Any level other than GENERAL (IMPORTANT, or a symbol this build does not know) errs on the safe side.
        if (classification != Classification.GENERAL
                || sums.piSubjects() >= thresholds.assessmentPiSubjects()
                || sums.sensitivePiSubjects() >= thresholds.assessmentSensitivePiSubjects()) {
            return ComplianceOutcome.SECURITY_ASSESSMENT;
        }
        if (sums.piSubjects() >= thresholds.contractPiSubjects()
                || sums.sensitivePiSubjects() >= thresholds.contractSensitivePiSubjects()) {
            return ComplianceOutcome.STANDARD_CONTRACT;
        }
        return ComplianceOutcome.EXEMPT;
    }
}
