package io.dex.streams.query;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.state.HostInfo;

/** Sends store reads to the other instances of the application over their internal HTTP endpoints. */
public final class PeerClient {

    private final HttpClient http;
    private final Duration timeout;

    /** A client giving each peer {@code timeout} to connect and to answer. */
    public PeerClient(Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    /**
     * The entries {@code host} returns for {@code read}.
     *
     * @throws StoreUnavailableException when the peer does not answer or cannot read the partition
     */
    public <V> List<StoreEntry<V>> execute(HostInfo host, StoreRead read, StoreValueCodec<V> codec) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + read.path());
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new StoreUnavailableException("instance " + host + " does not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while asking instance " + host, e);
        }
        if (response.statusCode() != 200) {
            throw new StoreUnavailableException("instance " + host + " answered " + response.statusCode()
                    + " for store " + read.store() + " partition " + read.partition());
        }
        return StoreEntriesFormat.read(response.body(), codec);
    }
}
