package io.dex.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP proxy in front of the real test registry: it forwards every request, records what it
 * saw (to count registry calls) and can answer the next requests with an error status itself (to
 * exercise retries), as a registry under load or restarting would.
 */
public final class RegistryProxy implements AutoCloseable {

    private final HttpServer server;
    private final String upstream;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus;

    /** A proxy to the Confluent API at {@code upstreamUrl} (ending in {@code /apis/ccompat/v7}). */
    public RegistryProxy(String upstreamUrl) {
        this.upstream = upstreamUrl;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The proxy's Confluent API base URL. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + URI.create(upstream).getPath();
    }

    /** Requests seen so far, as {@code METHOD path}, failed ones included. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Answers the next {@code count} requests with {@code status} instead of forwarding them. */
    public void failNext(int count, int status) {
        failureStatus = status;
        failuresLeft.set(count);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath().substring(URI.create(upstream).getPath().length());
        requests.add(exchange.getRequestMethod() + " " + path);
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (failuresLeft.getAndUpdate(left -> Math.max(left - 1, 0)) > 0) {
                reply(exchange, failureStatus, "{\"error_code\":" + failureStatus + ",\"message\":\"injected by the proxy\"}");
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(upstream + path))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType != null) {
                forward.header("Content-Type", contentType);
            }
            HttpResponse<String> response = http.send(forward.build(), HttpResponse.BodyHandlers.ofString());
            reply(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
