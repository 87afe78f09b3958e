package io.dex.streams.watch;

import io.dex.schema.ComplianceOutcome;
import io.dex.streams.query.CategoryVolume;
import io.dex.streams.query.ExchangeSummary;
import io.dex.streams.query.OutcomeVolume;
import io.dex.streams.query.TopProduct;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link WatchView} as plain text for a terminal: fixed-width columns, amounts in CNY with
 * two decimals. With {@code ansi} the screen is cleared first and headings are bold, which any
 * terminal (SSH included) understands; without it the text has no escape codes, for scripts.
 */
public final class WatchScreen {

    private static final String CLEAR = "\033[H\033[2J";
    private static final String BOLD = "\033[1m";
    private static final String RESET = "\033[0m";

    private final boolean ansi;

    /** A screen with or without ANSI escape codes. */
    public WatchScreen(boolean ansi) {
        this.ansi = ansi;
    }

    /** The text of one refresh of {@code view}, read from {@code source} at {@code at}. */
    public String render(WatchView view, String source, Instant at) {
        StringBuilder out = new StringBuilder();
        if (ansi) {
            out.append(CLEAR);
        }
        out.append(heading("dex watch")).append("  ").append(source).append("  ").append(at).append('\n');
        summary(out, view.summary());
        categories(out, view.categories());
        topProducts(out, view.topProducts());
        compliance(out, view);
        return out.toString();
    }

    /** The text shown when a refresh failed. */
    public String renderFailure(String source, Instant at, String problem) {
        return (ansi ? CLEAR : "") + heading("dex watch") + "  " + source + "  " + at + '\n'
                + "\nCannot read the aggregates: " + problem + '\n';
    }

    private void summary(StringBuilder out, ExchangeSummary summary) {
        out.append('\n').append(heading("Summary")).append('\n');
        line(out, "  %-26s %22s%n", "Listed products", count(summary.listedProducts()));
        line(out, "  %-26s %22s%n", "Trades", count(summary.trades()));
        line(out, "  %-26s %22s%n", "Volume CNY", cny(summary.volumeCny()));
        line(out, "  %-26s %22s%n", "Cross-border trades", count(summary.crossBorderTrades()));
        line(out, "  %-26s %22s  %s of volume%n", "Cross-border volume CNY", cny(summary.crossBorderVolumeCny()),
                share(summary.crossBorderVolumeCny(), summary.volumeCny()));
        line(out, "  %-26s %22s%n", "Dead letters", count(summary.deadLetters()));
    }

    private void categories(StringBuilder out, List<CategoryVolume> categories) {
        out.append('\n');
        line(out, "%s%n", heading(String.format(Locale.ROOT, "%-22s %12s %22s %22s",
                "Category", "trades", "volume CNY", "cross-border CNY")));
        if (categories.isEmpty()) {
            out.append("  (no trades yet)\n");
        }
        categories.stream()
                .sorted(Comparator.comparing(CategoryVolume::volumeCny).reversed().thenComparing(CategoryVolume::category))
                .forEach(category -> line(out, "  %-20s %12s %22s %22s%n", category.category(), count(category.trades()),
                        cny(category.volumeCny()), cny(category.crossBorderVolumeCny())));
    }

    private void topProducts(StringBuilder out, List<TopProduct> top) {
        out.append('\n');
        line(out, "%s%n", heading(String.format(Locale.ROOT, "%-22s %12s %22s", "Top products", "trades", "volume CNY")));
        if (top.isEmpty()) {
            out.append("  (no trades yet)\n");
        }
        for (int rank = 0; rank < top.size(); rank++) {
            TopProduct product = top.get(rank);
            line(out, "  %2d %-17s %12s %22s%n", rank + 1, product.productId(), count(product.trades()),
                    cny(product.volumeCny()));
        }
    }

    private void compliance(StringBuilder out, WatchView view) {
        out.append('\n');
        line(out, "%s%n", heading(String.format(Locale.ROOT, "%-22s %12s %22s", "Compliance", "trades", "volume CNY")));
        for (ComplianceOutcome outcome : ComplianceOutcome.values()) {
            OutcomeVolume figures = view.compliance().byOutcome().get(outcome);
            if (figures != null) {
                line(out, "  %-20s %12s %22s%n", outcome, count(figures.trades()), cny(figures.volumeCny()));
            }
        }
    }

    private String heading(String text) {
        return ansi ? BOLD + text + RESET : text;
    }

    private static void line(StringBuilder out, String format, Object... values) {
        out.append(String.format(Locale.ROOT, format, values));
    }

    private static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    private static String cny(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,.2f", amount.setScale(2, RoundingMode.HALF_EVEN));
    }

    private static String share(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return "-";
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_EVEN).toPlainString() + " %";
    }
}
