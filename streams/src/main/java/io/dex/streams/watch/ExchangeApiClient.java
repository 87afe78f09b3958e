package io.dex.streams.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dex.streams.http.ApiJson;
import io.dex.streams.query.CategoryVolume;
import io.dex.streams.query.ComplianceOverview;
import io.dex.streams.query.ExchangeSummary;
import io.dex.streams.query.TopProduct;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Reads the aggregates {@code dex watch} shows from the HTTP API of any Streams instance. */
public final class ExchangeApiClient {

    private final URI base;
    private final HttpClient http;
    private final ObjectMapper json = ApiJson.mapper();
    private final Duration timeout;

    /** A client of the API at {@code base} (e.g. {@code http://127.0.0.1:8080}). */
    public ExchangeApiClient(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The figures of one refresh, read one endpoint after the other. */
    public WatchView read(int topProducts) throws IOException, InterruptedException {
        ExchangeSummary summary = get("/api/v1/summary", ExchangeSummary.class);
        List<CategoryVolume> categories = List.of(get("/api/v1/volume/categories", CategoryVolume[].class));
        List<TopProduct> top = List.of(get("/api/v1/volume/products/top?n=" + topProducts, TopProduct[].class));
        ComplianceOverview compliance = get("/api/v1/compliance", ComplianceOverview.class);
        return new WatchView(summary, categories, top, compliance);
    }

    private <T> T get(String path, Class<T> type) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            JsonNode error = json.readTree(response.body()).path("error");
            throw new IOException(path + " answered " + response.statusCode()
                    + (error.isTextual() ? ": " + error.asText() : ""));
        }
        return json.readValue(response.body(), type);
    }
}
