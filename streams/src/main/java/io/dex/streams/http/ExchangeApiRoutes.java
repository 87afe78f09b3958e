package io.dex.streams.http;

import static io.dex.streams.http.RequestParameters.category;
import static io.dex.streams.http.RequestParameters.date;
import static io.dex.streams.http.RequestParameters.instant;
import static io.dex.streams.http.RequestParameters.optionalCategory;
import static io.dex.streams.http.RequestParameters.optionalYear;
import static io.dex.streams.http.RequestParameters.requireOrdered;
import static io.dex.streams.http.RequestParameters.topSize;

import io.dex.schema.Category;
import io.dex.streams.query.ExchangeQueries;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

/** The public query endpoints under {@code /api/v1}, one per question of the SPEC's interfaces. */
final class ExchangeApiRoutes {

    private final Supplier<ExchangeQueries> queries;

    ExchangeApiRoutes(Supplier<ExchangeQueries> queries) {
        this.queries = queries;
    }

    void register(Javalin app) {
        app.get("/api/v1/summary", ctx -> ctx.json(queries.get().summary()));
        app.get("/api/v1/product-counts", ctx -> ctx.json(queries.get().productCounts()));
        app.get("/api/v1/product-counts/providers/{memberId}",
                ctx -> ctx.json(queries.get().providerListings(ctx.pathParam("memberId"))));
        app.get("/api/v1/volume/categories", ctx -> ctx.json(queries.get().categoryVolumes()));
        app.get("/api/v1/volume/categories/{category}/windows", this::categoryWindows);
        app.get("/api/v1/volume/daily", this::tradingDays);
        // Registered before /{productId}: "top" is the ranking, not a product.
        app.get("/api/v1/volume/products/top", this::topProducts);
        app.get("/api/v1/volume/products/{productId}",
                ctx -> ctx.json(queries.get().productVolume(ctx.pathParam("productId"))));
        app.get("/api/v1/volume/members/{memberId}",
                ctx -> ctx.json(queries.get().memberTrading(ctx.pathParam("memberId"))));
        app.get("/api/v1/volume/jurisdictions", ctx -> ctx.json(queries.get().jurisdictionVolumes()));
        app.get("/api/v1/compliance", ctx -> ctx.json(queries.get().compliance()));
        app.get("/api/v1/compliance/sellers/{memberId}", this::sellerCompliance);
    }

    private void categoryWindows(Context ctx) {
        Category category = category("category", ctx.pathParam("category"));
        Instant from = instant("from", ctx.queryParam("from"));
        Instant to = instant("to", ctx.queryParam("to"));
        requireOrdered(from, to);
        ctx.json(queries.get().categoryWindows(category, from, to));
    }

    private void topProducts(Context ctx) {
        int n = topSize("n", ctx.queryParam("n"));
        Optional<Category> category = optionalCategory("category", ctx.queryParam("category"));
        ctx.json(queries.get().topProducts(n, category));
    }

    private void sellerCompliance(Context ctx) {
        Optional<Integer> year = optionalYear("year", ctx.queryParam("year"));
        ctx.json(queries.get().sellerCompliance(ctx.pathParam("memberId"), year));
    }

    private void tradingDays(Context ctx) {
        LocalDate from = date("from", ctx.queryParam("from"));
        LocalDate to = date("to", ctx.queryParam("to"));
        requireOrdered(from, to);
        ctx.json(queries.get().tradingDays(from, to));
    }
}
