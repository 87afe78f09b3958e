package io.dex.streams.compliance;

/**
 * A seller's running sums over its cross-border trades of one calendar year: personal-information
 * subjects of products without sensitive personal information, and of products with it.
 *
 * @param piSubjects          sum over products without sensitive personal information
 * @param sensitivePiSubjects sum over products with sensitive personal information
 */
public record PersonalInfoSums(long piSubjects, long sensitivePiSubjects) {

    /** No cross-border trade yet. */
    public static final PersonalInfoSums NONE = new PersonalInfoSums(0, 0);

    /** The sums with one more delivery of {@code subjects} persons, sensitive or not. */
    public PersonalInfoSums plus(long subjects, boolean sensitive) {
        return sensitive
                ? new PersonalInfoSums(piSubjects, Math.addExact(sensitivePiSubjects, subjects))
                : new PersonalInfoSums(Math.addExact(piSubjects, subjects), sensitivePiSubjects);
    }
}
