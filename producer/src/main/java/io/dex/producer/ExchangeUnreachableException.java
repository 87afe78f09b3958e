package io.dex.producer;

/** The cluster or the schema registry cannot be reached or lacks what publishing needs; the message names the address. */
public final class ExchangeUnreachableException extends RuntimeException {

    ExchangeUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
