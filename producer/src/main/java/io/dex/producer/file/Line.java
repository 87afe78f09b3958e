package io.dex.producer.file;

/**
 * One physical line of an input file: its 1-based number and its text, or why it cannot be read
 * (not UTF-8, too long).
 *
 * @param number the line number, counting from 1
 * @param text   the line without its line terminator; null when the line is unreadable
 * @param error  why the line cannot be read; null when it can
 */
public record Line(long number, String text, String error) {

    /** A readable line. */
    static Line of(long number, String text) {
        return new Line(number, text, null);
    }

    /** An unreadable line. */
    static Line unreadable(long number, String error) {
        return new Line(number, null, error);
    }

    /** Whether the line could be read. */
    public boolean readable() {
        return error == null;
    }
}
