package io.dex.producer.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LineReader")
class LineReaderTest {

    private static List<Line> read(byte[] bytes, int max) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (LineReader reader = new LineReader(new ByteArrayInputStream(bytes), max)) {
            for (Line line = reader.next(); line != null; line = reader.next()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static List<Line> read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8), 100);
    }

    @Test
    @DisplayName("splits on LF and CRLF, numbers lines from 1, and keeps a last line without terminator")
    void splits() throws IOException {
        assertThat(read("a\r\nb\n\nc")).containsExactly(
                Line.of(1, "a"), Line.of(2, "b"), Line.of(3, ""), Line.of(4, "c"));
    }

    @Test
    @DisplayName("an empty input has no lines; a final newline does not add one")
    void empty() throws IOException {
        assertThat(read("")).isEmpty();
        assertThat(read("a\n")).containsExactly(Line.of(1, "a"));
    }

    @Test
    @DisplayName("decodes multi-byte UTF-8 and drops a leading byte order mark")
    void utf8() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "数据\n😀".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(text, 0, bytes, bom.length, text.length);
        assertThat(read(bytes, 100)).containsExactly(Line.of(1, "数据"), Line.of(2, "😀"));
    }

    @Test
    @DisplayName("reports malformed UTF-8 with its byte and position, then goes on with the next line")
    void malformed() throws IOException {
        byte[] bytes = {'o', 'k', '\n', 'a', (byte) 0xC3, '(', '\n', 'b', (byte) 0xFF, '\n', 'z'};
        assertThat(read(bytes, 100)).containsExactly(
                Line.of(1, "ok"),
                Line.unreadable(2, "is not valid UTF-8 (byte 0xC3 at byte 2 of the line)"),
                Line.unreadable(3, "is not valid UTF-8 (byte 0xFF at byte 2 of the line)"),
                Line.of(4, "z"));
    }

    @Test
    @DisplayName("a line split across reads stays one line and a truncated multi-byte character is malformed")
    void truncatedCharacter() throws IOException {
        byte[] bytes = {'x', (byte) 0xE6, (byte) 0x95};
        assertThat(read(bytes, 100)).containsExactly(
                Line.unreadable(1, "is not valid UTF-8 (byte 0xE6 at byte 2 of the line)"));
    }

    @Test
    @DisplayName("accepts a line of exactly the maximum length, even with CRLF, and refuses one byte more")
    void maximum() throws IOException {
        String ten = "0123456789";
        assertThat(read((ten + "\r\n" + ten + "x\nok").getBytes(StandardCharsets.US_ASCII), 10)).containsExactly(
                Line.of(1, ten),
                Line.unreadable(2, "is longer than the maximum of 10 bytes"),
                Line.of(3, "ok"));
    }

    @Test
    @DisplayName("a line of 64 MiB is reported without being held in memory")
    void huge() throws IOException {
        long size = 64L << 20;
        InputStream endless = new InputStream() {
            private long sent;

            @Override
            public int read() {
                if (sent > size) {
                    return -1;
                }
                return sent++ == size ? '\n' : 'a';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent > size) {
                    return -1;
                }
                int n = 0;
                while (n < len && sent <= size) {
                    b[off + n++] = (byte) read();
                }
                return n;
            }
        };
        try (LineReader reader = new LineReader(endless, 1024)) {
            assertThat(reader.next()).isEqualTo(Line.unreadable(1, "is longer than the maximum of 1024 bytes"));
            assertThat(reader.next()).isNull();
            assertThat(reader.bytesRead()).isEqualTo(size + 1);
        }
    }

    @Test
    @DisplayName("counts the bytes consumed so far")
    void bytesRead() throws IOException {
        try (LineReader reader = new LineReader(new ByteArrayInputStream("ab\ncd\n".getBytes(StandardCharsets.UTF_8)), 10)) {
            reader.next();
            assertThat(reader.bytesRead()).isEqualTo(3);
            reader.next();
            assertThat(reader.bytesRead()).isEqualTo(6);
        }
    }
}
