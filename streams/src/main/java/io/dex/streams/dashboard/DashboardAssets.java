package io.dex.streams.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operators' dashboard: a page, its style sheet and its script, read once from the classpath and
 * served by every Streams instance. Nothing else is fetched, from here or from anywhere.
 */
public final class DashboardAssets {

    /** One file of the dashboard. */
    public record Asset(String path, String contentType, byte[] content) {
    }

    private static final String FOLDER = "/io/dex/streams/dashboard/";

    private DashboardAssets() {
    }

    /** Every asset by the path it is served at. */
    public static Map<String, Asset> load() {
        Map<String, Asset> assets = new LinkedHashMap<>();
        for (Asset asset : new Asset[] {
                read("/", "index.html", "text/html; charset=utf-8"),
                read("/dashboard.css", "dashboard.css", "text/css; charset=utf-8"),
                read("/dashboard.js", "dashboard.js", "text/javascript; charset=utf-8")}) {
            assets.put(asset.path(), asset);
        }
        return assets;
    }

    private static Asset read(String path, String file, String contentType) {
        try (InputStream in = DashboardAssets.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("The dashboard file " + file + " is missing from the classpath");
            }
            return new Asset(path, contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the dashboard file " + file, e);
        }
    }
}
