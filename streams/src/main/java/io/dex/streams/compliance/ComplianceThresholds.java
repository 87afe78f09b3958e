package io.dex.streams.compliance;

/**
 * The personal-information thresholds of the 2024 CAC provisions on cross-border data flows, applied
 * to a seller's running yearly sums (this trade included). Every threshold is "at least".
 *
 * @param assessmentPiSubjects           piSubjects from which a security assessment is required
 * @param assessmentSensitivePiSubjects  sensitivePiSubjects from which a security assessment is required
 * @param contractPiSubjects             piSubjects from which a standard contract is required
 * @param contractSensitivePiSubjects    sensitivePiSubjects from which a standard contract is required
 */
public record ComplianceThresholds(
        long assessmentPiSubjects, long assessmentSensitivePiSubjects,
        long contractPiSubjects, long contractSensitivePiSubjects) {

    /** SPEC "compliance": 1,000,000 and 10,000 for an assessment; 100,000 and any sensitive subject for a contract. */
    public static final ComplianceThresholds SPEC = new ComplianceThresholds(1_000_000, 10_000, 100_000, 1);

    /** Validates the thresholds. */
    public ComplianceThresholds {
        requirePositive("assessmentPiSubjects", assessmentPiSubjects);
        requirePositive("assessmentSensitivePiSubjects", assessmentSensitivePiSubjects);
        requirePositive("contractPiSubjects", contractPiSubjects);
        requirePositive("contractSensitivePiSubjects", contractSensitivePiSubjects);
    }

    private static void requirePositive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}
