package io.dex.streams.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dex.streams.query.ExchangeQueries;
import io.dex.streams.query.StoreUnavailableException;
import io.javalin.http.sse.SseClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-sent events for the dashboard: once a period, while anyone listens, takes a
 * {@link LiveSnapshot} and sends it as a {@code snapshot} event when it changed (a new client gets
 * the latest at once). While the stores cannot be read it sends {@code unavailable} with the reason.
 * A comment line every heartbeat keeps idle connections open through proxies; the number of clients
 * is bounded.
 */
public final class LiveFeed implements AutoCloseable {

    /** Event carrying a {@link LiveSnapshot}. */
    public static final String SNAPSHOT_EVENT = "snapshot";

    /** Event carrying {@code {"error": ...}} while the aggregates cannot be read. */
    public static final String UNAVAILABLE_EVENT = "unavailable";

    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);

    private final Supplier<Optional<ExchangeQueries>> queries;
    private final ObjectMapper json;
    private final int maxClients;
    private final Duration heartbeat;
    private final Clock clock;
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dex-live-feed");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Event latest;
    private Instant lastSent = Instant.EPOCH;

    /** The data and its name, as sent. */
    private record Event(String name, String data) {
    }

    /**
     * A feed of {@code queries} (empty until Streams is attached), refreshed every {@code period}.
     */
    public LiveFeed(Supplier<Optional<ExchangeQueries>> queries, ObjectMapper json, int maxClients,
                    Duration period, Duration heartbeat, Clock clock) {
        this.queries = queries;
        this.json = json;
        this.maxClients = maxClients;
        this.heartbeat = heartbeat;
        this.clock = clock;
        ticker.scheduleWithFixedDelay(this::tick, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether another client may join. */
    public boolean hasRoom() {
        return clients.size() < maxClients;
    }

    /** Clients listening now. */
    public int clientCount() {
        return clients.size();
    }

    /** Keeps {@code client}'s stream open and sends it the latest event; closes it when the feed is full. */
    public void join(SseClient client) {
        if (!hasRoom()) {
            client.sendEvent(UNAVAILABLE_EVENT, errorJson("too many live clients, retry later"));
            client.close();
            return;
        }
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        Event current = latest;
        if (current != null) {
            client.sendEvent(current.name(), current.data());
        }
    }

    private void tick() {
        if (clients.isEmpty()) {
            return;
        }
        try {
            Event event = takeEvent();
            Instant now = clock.instant();
            if (!event.equals(latest)) {
                latest = event;
                lastSent = now;
                clients.forEach(client -> client.sendEvent(event.name(), event.data()));
            } else if (!now.isBefore(lastSent.plus(heartbeat))) {
                lastSent = now;
                clients.forEach(client -> client.sendComment("heartbeat"));
            }
            clients.removeIf(SseClient::terminated);
        } catch (RuntimeException e) {
            // The ticker must survive anything: a failed tick is retried at the next period.
            LOG.warn("Live feed tick failed", e);
        }
    }

    private Event takeEvent() {
        Optional<ExchangeQueries> attached = queries.get();
        if (attached.isEmpty()) {
            return new Event(UNAVAILABLE_EVENT, errorJson("the Streams application is starting"));
        }
        try {
            return new Event(SNAPSHOT_EVENT, json.writeValueAsString(LiveSnapshot.take(attached.get(), clock.instant())));
        } catch (StoreUnavailableException e) {
            return new Event(UNAVAILABLE_EVENT, errorJson(e.getMessage()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a live snapshot as JSON", e);
        }
    }

    private String errorJson(String message) {
        try {
            return json.writeValueAsString(Map.of("error", message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops refreshing and closes every client's stream. */
    @Override
    public void close() {
        ticker.shutdownNow();
        clients.forEach(SseClient::close);
        clients.clear();
    }
}
