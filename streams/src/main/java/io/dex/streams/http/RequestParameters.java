package io.dex.streams.http;

import io.dex.schema.Category;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/** Parses and checks the parameters of API requests; every failure names the parameter. */
public final class RequestParameters {

    /** Rankings hold this many products. */
    public static final int MAX_TOP = 10;

    private RequestParameters() {
    }

    /** A required ISO-8601 instant such as {@code 2026-11-28T09:00:00Z}. */
    public static Instant instant(String name, String value) {
        return parse(name, value, Instant::parse, "must be an ISO-8601 instant such as 2026-11-28T09:00:00Z");
    }

    /** A required ISO-8601 date such as {@code 2026-11-28}. */
    public static LocalDate date(String name, String value) {
        return parse(name, value, LocalDate::parse, "must be an ISO-8601 date such as 2026-11-28");
    }

    /** Checks that {@code from} is before {@code to}. */
    public static <T extends Comparable<T>> void requireOrdered(T from, T to) {
        if (from.compareTo(to) >= 0) {
            throw new InvalidParameterException("from", "must be before 'to' (" + from + " >= " + to + ")");
        }
    }

    /** The size of a ranking: {@code 10} when absent, otherwise 1 to {@value #MAX_TOP}. */
    public static int topSize(String name, String value) {
        if (value == null) {
            return MAX_TOP;
        }
        int n = parse(name, value, Integer::parseInt, "must be an integer from 1 to " + MAX_TOP);
        if (n < 1 || n > MAX_TOP) {
            throw new InvalidParameterException(name, "must be from 1 to " + MAX_TOP + ", was " + n);
        }
        return n;
    }

    /** A category, one of the exchange's symbols. */
    public static Category category(String name, String value) {
        return parse(name, value, Category::valueOf,
                "must be one of " + Arrays.toString(Category.values()));
    }

    /** An optional category. */
    public static Optional<Category> optionalCategory(String name, String value) {
        return value == null ? Optional.empty() : Optional.of(category(name, value));
    }

    /** An optional calendar year from 1 to 9999. */
    public static Optional<Integer> optionalYear(String name, String value) {
        if (value == null) {
            return Optional.empty();
        }
        int year = parse(name, value, Integer::parseInt, "must be a year such as 2026");
        if (year < 1 || year > 9999) {
            throw new InvalidParameterException(name, "must be a year from 1 to 9999, was " + year);
        }
        return Optional.of(year);
    }

    private static <T> T parse(String name, String value, Function<String, T> parser, String expectation) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException(name, "is required: it " + expectation);
        }
        try {
            return parser.apply(value);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new InvalidParameterException(name, expectation + ", was '" + value + "'");
        }
    }
}
