package io.dex.streams.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.schema.Classification;
import io.dex.schema.ComplianceOutcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Compliance classification (SPEC thresholds)")
class ComplianceClassifierTest {

    private final ComplianceClassifier classifier = new ComplianceClassifier(ComplianceThresholds.SPEC);

    @ParameterizedTest(name = "GENERAL with piSubjects {0} and sensitivePiSubjects {1} -> {2}")
    @CsvSource({
            "0, 0, EXEMPT",
            "99999, 0, EXEMPT",
            "100000, 0, STANDARD_CONTRACT",
            "100001, 0, STANDARD_CONTRACT",
            "999999, 0, STANDARD_CONTRACT",
            "1000000, 0, SECURITY_ASSESSMENT",
            "1000001, 0, SECURITY_ASSESSMENT",
            "0, 1, STANDARD_CONTRACT",
            "0, 9999, STANDARD_CONTRACT",
            "0, 10000, SECURITY_ASSESSMENT",
            "0, 10001, SECURITY_ASSESSMENT",
            "99999, 9999, STANDARD_CONTRACT",
            "999999, 10000, SECURITY_ASSESSMENT"
    })
    void generalData(long piSubjects, long sensitivePiSubjects, ComplianceOutcome expected) {
        assertThat(classifier.classify(Classification.GENERAL, new PersonalInfoSums(piSubjects, sensitivePiSubjects)))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} data needs a security assessment")
    @EnumSource(value = Classification.class, names = {"IMPORTANT", "UNKNOWN"})
    @DisplayName("important data, and a data level this build does not know (erring on the safe side), need a security assessment")
    void securityAssessment(Classification level) {
        assertThat(classifier.classify(level, PersonalInfoSums.NONE)).isEqualTo(ComplianceOutcome.SECURITY_ASSESSMENT);
    }

    @Test
    @DisplayName("core data is blocked, whatever the sums")
    void coreData() {
        assertThat(ComplianceClassifier.isBlocked(Classification.CORE)).isTrue();
        assertThat(ComplianceClassifier.isBlocked(Classification.IMPORTANT)).isFalse();
        assertThat(classifier.classify(Classification.CORE, new PersonalInfoSums(2_000_000, 20_000)))
                .isEqualTo(ComplianceOutcome.BLOCKED);
    }

    @Test
    @DisplayName("thresholds are configuration")
    void configuredThresholds() {
        ComplianceClassifier strict = new ComplianceClassifier(new ComplianceThresholds(10, 5, 3, 2));
        assertThat(strict.classify(Classification.GENERAL, new PersonalInfoSums(2, 1))).isEqualTo(ComplianceOutcome.EXEMPT);
        assertThat(strict.classify(Classification.GENERAL, new PersonalInfoSums(3, 0))).isEqualTo(ComplianceOutcome.STANDARD_CONTRACT);
        assertThat(strict.classify(Classification.GENERAL, new PersonalInfoSums(0, 2))).isEqualTo(ComplianceOutcome.STANDARD_CONTRACT);
        assertThat(strict.classify(Classification.GENERAL, new PersonalInfoSums(10, 0))).isEqualTo(ComplianceOutcome.SECURITY_ASSESSMENT);
    }

    @Test
    @DisplayName("a delivery adds its subjects to the sum of its kind")
    void sums() {
        PersonalInfoSums sums = PersonalInfoSums.NONE.plus(70, false).plus(5, true).plus(30, false);
        assertThat(sums).isEqualTo(new PersonalInfoSums(100, 5));
    }
}
