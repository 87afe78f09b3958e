package io.dex.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Collects the violations of one event, field by field, in the order the fields are checked. */
final class FieldChecks {

    static final int MAX_ID_LENGTH = 64;
    static final String UNKNOWN_SYMBOL = "UNKNOWN";

    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final List<FieldViolation> violations = new ArrayList<>();

    /** Records a violation of {@code field}. */
    void add(String field, String problem) {
        violations.add(new FieldViolation(field, problem));
    }

    /** Whether {@code value} is there; records "is required" when it is not. */
    boolean required(String field, Object value) {
        return present(field, value, "is required");
    }

    /** Whether {@code value} is there; when it is not and it is {@code required}, records why it is. */
    boolean requiredWhen(String field, Object value, boolean required, String because) {
        if (required) {
            return present(field, value, "is required " + because);
        }
        return value != null;
    }

    private boolean present(String field, Object value, String problem) {
        if (value == null) {
            add(field, problem);
            return false;
        }
        return true;
    }

    /** A required identifier: 1-64 characters of {@code [A-Za-z0-9._-]}. */
    void id(String field, String value) {
        if (required(field, value)) {
            idFormat(field, value);
        }
    }

    private void idFormat(String field, String value) {
        if (value.isEmpty()) {
            add(field, "must not be empty");
            return;
        }
        if (value.length() > MAX_ID_LENGTH) {
            add(field, "must be at most " + MAX_ID_LENGTH + " characters, has " + value.length());
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isIdChar(c)) {
                add(field, "contains '" + printable(c) + "' at position " + (i + 1)
                        + "; only A-Z, a-z, 0-9, '.', '_' and '-' are allowed");
                return;
            }
        }
    }

    private static boolean isIdChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-';
    }

    private static String printable(char c) {
        return Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSurrogate(c)
                ? String.format("\\u%04X", (int) c) : String.valueOf(c);
    }

    /** Text of 1 to {@code maxLength} characters (Unicode code points), not only whitespace. */
    void text(String field, String value, int maxLength) {
        int length = value.codePointCount(0, value.length());
        if (value.isBlank()) {
            add(field, "must not be empty or blank");
        } else if (length > maxLength) {
            add(field, "must be at most " + maxLength + " characters, has " + length);
        }
    }

    /** An ISO 4217 currency code. */
    void currency(String field, String value) {
        if (!CURRENCIES.contains(value)) {
            add(field, "'" + abbreviated(value) + "' is not an ISO 4217 currency code");
        }
    }

    /** An ISO 3166-1 alpha-2 country code. */
    void country(String field, String value) {
        if (!COUNTRIES.contains(value)) {
            add(field, "'" + abbreviated(value) + "' is not an ISO 3166-1 alpha-2 country code");
        }
    }

    /**
     * A decimal {@code > 0}, below {@code upperBound}, with at most {@code maxFractionDigits} fraction
     * digits; returns whether it is one.
     */
    boolean positiveDecimal(String field, BigDecimal value, int maxFractionDigits, BigDecimal upperBound) {
        if (value.signum() <= 0) {
            add(field, "must be greater than 0, is " + value);
        } else if (value.compareTo(upperBound) >= 0) {
            add(field, "must be below " + upperBound.toPlainString() + ", is " + value);
        } else if (ExchangeDecimals.fractionDigits(value) > maxFractionDigits) {
            add(field, "must have at most " + maxFractionDigits + " fraction digits, is " + value);
        } else {
            return true;
        }
        return false;
    }

    /** A count {@code >= 0}. */
    void nonNegative(String field, Long value) {
        if (value < 0) {
            add(field, "must be 0 or more, is " + value);
        }
    }

    /** An enum symbol this reader knows (UNKNOWN stands for a symbol added by a newer writer). */
    void knownSymbol(String field, Enum<?> value) {
        if (value.name().equals(UNKNOWN_SYMBOL)) {
            add(field, "is UNKNOWN (a symbol this version of the exchange does not know)");
        }
    }

    List<FieldViolation> toList() {
        return List.copyOf(violations);
    }

    /** Keeps messages short whatever the input. */
    private static String abbreviated(String value) {
        return value.length() <= 16 ? value : value.substring(0, 16) + "...";
    }
}
