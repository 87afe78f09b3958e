package io.dex.producer.file;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads an input file line by line in constant memory: strictly UTF-8 (malformed bytes are reported,
 * never replaced), with a maximum line length (a longer line is reported and skipped, never buffered
 * whole). Lines end with LF or CRLF; a UTF-8 byte order mark at the start is ignored.
 */
public final class LineReader implements Closeable {

    /** The default maximum line length: 1 MiB. */
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

    private static final int CHUNK = 64 * 1024;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream in;
    private final int maxLineBytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] chunk = new byte[CHUNK];
    private int chunkPos;
    private int chunkEnd;
    private byte[] line = new byte[256];
    private int lineLength;
    private long lineNumber;
    private long bytesRead;
    private boolean eof;

    /** A reader of {@code in} refusing lines longer than {@code maxLineBytes} bytes. */
    public LineReader(InputStream in, int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive, got " + maxLineBytes);
        }
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of the input. */
    public Line next() throws IOException {
        lineLength = 0;
        boolean tooLong = false;
        boolean sawAnything = false;
        while (true) {
            if (chunkPos == chunkEnd && !fill()) {
                if (!sawAnything) {
                    return null;
                }
                break;
            }
            sawAnything = true;
            int newline = indexOfNewline();
            int end = newline < 0 ? chunkEnd : newline;
            int length = end - chunkPos;
            if (!tooLong) {
                if ((long) lineLength + length > maxLineBytes + 1L) {
                    // One byte of slack for the CR of a CRLF ending.
                    tooLong = true;
                } else {
                    append(chunkPos, length);
                }
            }
            chunkPos = newline < 0 ? chunkEnd : newline + 1;
            if (newline >= 0) {
                break;
            }
        }
        lineNumber++;
        if (lineLength > 0 && line[lineLength - 1] == '\r') {
            lineLength--;
        }
        if (tooLong || lineLength > maxLineBytes) {
            return Line.unreadable(lineNumber, "is longer than the maximum of " + maxLineBytes + " bytes");
        }
        int start = lineNumber == 1 && startsWithBom() ? BOM.length : 0;
        return decode(start);
    }

    /** Bytes consumed from the input so far (for progress). */
    public long bytesRead() {
        return bytesRead - (chunkEnd - chunkPos);
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(chunk, 0, CHUNK);
        if (n <= 0) {
            eof = n < 0;
            chunkPos = 0;
            chunkEnd = 0;
            return !eof && fill();
        }
        chunkPos = 0;
        chunkEnd = n;
        bytesRead += n;
        return true;
    }

    private int indexOfNewline() {
        for (int i = chunkPos; i < chunkEnd; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void append(int from, int length) {
        if (lineLength + length > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + length));
        }
        System.arraycopy(chunk, from, line, lineLength, length);
        lineLength += length;
    }

    private boolean startsWithBom() {
        return lineLength >= BOM.length && line[0] == BOM[0] && line[1] == BOM[1] && line[2] == BOM[2];
    }

    private Line decode(int start) {
        ByteBuffer bytes = ByteBuffer.wrap(line, start, lineLength - start);
        CharBuffer chars = CharBuffer.allocate(lineLength - start);
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            int at = bytes.position();
            return Line.unreadable(lineNumber, String.format("is not valid UTF-8 (byte 0x%02X at byte %d of the line)",
                    line[at] & 0xFF, at + 1));
        }
        chars.flip();
        return Line.of(lineNumber, chars.toString());
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
