package io.dex.streams.query;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of an internal store read: the number of entries, then each key (modified UTF-8) with
 * its value's length and bytes.
 */
public final class StoreEntriesFormat {

    /** Media type of the body. */
    public static final String CONTENT_TYPE = "application/vnd.dex.store-entries";

    private StoreEntriesFormat() {
    }

    /** The body carrying {@code entries}, values encoded with {@code codec}. */
    public static <V> byte[] write(List<StoreEntry<V>> entries, StoreValueCodec<V> codec) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(entries.size());
            for (StoreEntry<V> entry : entries) {
                byte[] value = codec.encode(entry.value());
                out.writeUTF(entry.key());
                out.writeInt(value.length);
                out.write(value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The entries of {@code body}, values decoded with {@code codec}. */
    public static <V> List<StoreEntry<V>> read(byte[] body, StoreValueCodec<V> codec) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            int count = in.readInt();
            List<StoreEntry<V>> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String key = in.readUTF();
                byte[] value = new byte[in.readInt()];
                in.readFully(value);
                entries.add(new StoreEntry<>(key, codec.decode(value)));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("Malformed store entries from a peer", e);
        }
    }
}
