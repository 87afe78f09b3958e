package io.dex.streams.http;

import io.dex.streams.query.LocalStores;
import io.dex.streams.query.StoreCatalog;
import io.dex.streams.query.StoreDescriptor;
import io.dex.streams.query.StoreEntriesFormat;
import io.dex.streams.query.StoreEntry;
import io.dex.streams.query.StoreRead;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Locale;

/** The endpoint through which the other instances read this instance's store partitions. */
final class InternalStoreRoutes {

    private final StreamsAttachment attachment;

    InternalStoreRoutes(StreamsAttachment attachment) {
        this.attachment = attachment;
    }

    void register(Javalin app) {
        app.get(StoreRead.PATH_PREFIX + "{store}/{kind}", this::read);
    }

    private void read(Context ctx) {
        StreamsAttachment.Attached attached = attachment.require();
        StoreDescriptor<?> store = attached.catalog().byName(ctx.pathParam("store"))
                .orElseThrow(() -> new NotFoundResponse("no queryable store " + ctx.pathParam("store")));
        StoreRead read = new StoreRead(kind(ctx.pathParam("kind")), store.name(),
                (int) integer(ctx, "partition"), Boolean.parseBoolean(ctx.queryParam("stale")),
                ctx.queryParamAsClass("key", String.class).getOrDefault(""), integer(ctx, "from"), integer(ctx, "to"));
        ctx.contentType(StoreEntriesFormat.CONTENT_TYPE).result(encode(store, attached.local(), read));
    }

    private static <V> byte[] encode(StoreDescriptor<V> store, LocalStores local, StoreRead read) {
        List<StoreEntry<V>> entries = local.execute(read);
        return StoreEntriesFormat.write(entries, store.codec());
    }

    private static StoreRead.Kind kind(String text) {
        try {
            return StoreRead.Kind.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("kind", "must be key, entries or windows, was '" + text + "'");
        }
    }

    private static long integer(Context ctx, String name) {
        try {
            return Long.parseLong(ctx.queryParam(name));
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, "must be an integer, was '" + ctx.queryParam(name) + "'");
        }
    }
}
