package io.dex.streams.query;

/** A query named a product or member the exchange has never seen (HTTP 404). */
public final class UnknownIdException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The id of kind {@code kind} ("product", "member") was never seen. */
    public UnknownIdException(String kind, String id) {
        super("unknown " + kind + " '" + id + "'");
    }
}
