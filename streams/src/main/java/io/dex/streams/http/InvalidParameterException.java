package io.dex.streams.http;

/** A request parameter is missing or malformed (HTTP 400); the message names the parameter. */
public final class InvalidParameterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Parameter {@code name} is wrong for the reason given. */
    public InvalidParameterException(String name, String reason) {
        super("parameter '" + name + "' " + reason);
    }
}
