package io.dex.streams.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams.State;

/**
 * Liveness and readiness. Ready means the Streams application is RUNNING (its stores are
 * queryable); live means it has not failed or stopped. {@code /health} reports both and answers with
 * the readiness status code; {@code /health/live} and {@code /health/ready} answer one question each.
 */
final class HealthRoutes {

    /** Reported while no Streams application is attached yet. */
    static final String STARTING = "STARTING";

    private static final Set<State> DEAD = Set.of(State.PENDING_ERROR, State.ERROR, State.PENDING_SHUTDOWN, State.NOT_RUNNING);

    private final StreamsAttachment attachment;

    HealthRoutes(StreamsAttachment attachment) {
        this.attachment = attachment;
    }

    void register(Javalin app) {
        app.get("/health", ctx -> answer(ctx, ready()));
        app.get("/health/live", ctx -> answer(ctx, live()));
        app.get("/health/ready", ctx -> answer(ctx, ready()));
    }

    private void answer(Context ctx, boolean healthy) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", healthy ? "UP" : "DOWN");
        body.put("live", live());
        body.put("ready", ready());
        body.put("streamsState", attachment.current().map(attached -> attached.streams().state().name()).orElse(STARTING));
        ctx.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(body);
    }

    private boolean live() {
        return attachment.current().map(attached -> !DEAD.contains(attached.streams().state())).orElse(true);
    }

    private boolean ready() {
        return attachment.current().map(attached -> attached.streams().state() == State.RUNNING).orElse(false);
    }
}
