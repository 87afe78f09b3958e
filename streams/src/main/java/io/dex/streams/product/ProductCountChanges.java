package io.dex.streams.product;

import io.dex.schema.ProductState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the product counts change when a product goes from one state to another (SPEC "product
 * counts"): a listed product counts once in total and once in its category, delivery mode,
 * classification and provider. An update that changes the category moves the product between groups;
 * groups whose count does not change are left out.
 */
public final class ProductCountChanges {

    /** Key and dimension of the count of all listed products. */
    public static final String TOTAL = "total";

    /** Dimension of counts per category. */
    public static final String CATEGORY = "category";

    /** Dimension of counts per delivery mode. */
    public static final String DELIVERY_MODE = "deliveryMode";

    /** Dimension of counts per classification. */
    public static final String CLASSIFICATION = "classification";

    /** Dimension of counts per provider. */
    public static final String PROVIDER = "provider";

    private ProductCountChanges() {
    }

    /** Count key of a group within a dimension, e.g. {@code category/FINANCE}; {@code total} for the total. */
    public static String key(String dimension, String group) {
        return TOTAL.equals(dimension) ? TOTAL : dimension + "/" + group;
    }

    /** The changes per count key (+1 or -1) from {@code before} to {@code after}; null stands for never seen. */
    public static Map<String, Long> between(ProductState before, ProductState after) {
        Map<String, Long> changes = new LinkedHashMap<>();
        count(changes, before, -1);
        count(changes, after, +1);
        changes.values().removeIf(change -> change == 0);
        return changes;
    }

    private static void count(Map<String, Long> changes, ProductState state, long sign) {
        if (state == null || !state.getListed()) {
            return;
        }
        changes.merge(TOTAL, sign, Long::sum);
        changes.merge(key(CATEGORY, state.getCategory().name()), sign, Long::sum);
        changes.merge(key(DELIVERY_MODE, state.getDeliveryMode().name()), sign, Long::sum);
        changes.merge(key(CLASSIFICATION, state.getClassification().name()), sign, Long::sum);
        changes.merge(key(PROVIDER, state.getProviderId()), sign, Long::sum);
    }
}
