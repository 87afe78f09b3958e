package io.dex.streams.ranking;

import io.dex.schema.RankedProduct;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The products with the highest running volumeCny within one scope (the exchange or a category),
 * highest first, ties broken by productId (SPEC "top products").
 *
 * <p>A product's volume only grows, so a product outside the ranking can only enter it when it
 * trades: offering each product whose volume changed keeps the ranking exact without remembering
 * the others. For the same reason the exchange-wide ranking is the best of the partitions' rankings.
 */
public final class TopProductsRanking {

    /** How many products a ranking holds. */
    public static final int SIZE = 10;

    /** Highest volume first, then productId. */
    public static final Comparator<RankedProduct> ORDER = Comparator
            .comparing(RankedProduct::getVolumeCny, Comparator.reverseOrder())
            .thenComparing(RankedProduct::getProductId);

    private final List<RankedProduct> products = new ArrayList<>(SIZE + 1);

    /**
     * Takes in the new running figures of one product.
     *
     * @return whether the ranking changed
     */
    public boolean offer(RankedProduct product) {
        int existing = indexOf(product.getProductId());
        if (existing < 0 && products.size() == SIZE && ORDER.compare(product, products.get(SIZE - 1)) > 0) {
            return false;
        }
        if (existing >= 0) {
            products.remove(existing);
        }
        products.add(product);
        products.sort(ORDER);
        if (products.size() > SIZE) {
            products.remove(SIZE);
        }
        return true;
    }

    /** The ranking, highest first. */
    public List<RankedProduct> products() {
        return List.copyOf(products);
    }

    /** The best {@link #SIZE} of several rankings of disjoint product sets. */
    public static List<RankedProduct> merge(Collection<? extends Collection<RankedProduct>> rankings) {
        List<RankedProduct> all = new ArrayList<>();
        rankings.forEach(all::addAll);
        all.sort(ORDER);
        return List.copyOf(all.subList(0, Math.min(SIZE, all.size())));
    }

    /** Whether two rankings hold the same products with the same figures in the same order. */
    public static boolean same(List<RankedProduct> left, List<RankedProduct> right) {
        if (left.size() != right.size()) {
            return false;
        }
        for (int i = 0; i < left.size(); i++) {
            RankedProduct a = left.get(i);
            RankedProduct b = right.get(i);
            if (!a.getProductId().equals(b.getProductId()) || a.getTrades() != b.getTrades()
                    || a.getVolumeCny().compareTo(b.getVolumeCny()) != 0) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(String productId) {
        for (int i = 0; i < products.size(); i++) {
            if (products.get(i).getProductId().equals(productId)) {
                return i;
            }
        }
        return -1;
    }
}
