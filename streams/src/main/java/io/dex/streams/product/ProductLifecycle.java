package io.dex.streams.product;

import io.dex.schema.DataProductEvent;
import io.dex.schema.ProductState;
import io.dex.schema.RejectionReason;
import io.dex.streams.deadletter.Rejection;

/**
 * The lifecycle and ownership rules of data products (SPEC "product state"): a product is listed
 * after LISTED until DELISTED; LISTED of a listed product acts as UPDATED; UPDATED and DELISTED need a
 * listed product; only the listing provider may change a listed product, while a delisted product may
 * be listed again by anyone, who then owns it.
 */
public final class ProductLifecycle {

    private ProductLifecycle() {
    }

    /**
     * The product's state after {@code event} (well-formed, of the product), or why the event is refused.
     *
     * @param current the product's state before the event, null for a product never seen
     */
    public static Outcome apply(ProductState current, DataProductEvent event) {
        boolean listed = current != null && current.getListed();
        if (listed && !current.getProviderId().equals(event.getProviderId())) {
            return new Refused(new Rejection(RejectionReason.PROVIDER_MISMATCH, "product " + event.getProductId()
                    + " is listed by " + current.getProviderId() + ", not by " + event.getProviderId()));
        }
        return switch (event.getEventType()) {
            case LISTED -> new Changed(listing(event));
            case UPDATED -> listed ? new Changed(listing(event)) : notListed(current, event);
            case DELISTED -> listed ? new Changed(delisting(current, event)) : notListed(current, event);
            case UNKNOWN -> new Refused(new Rejection(RejectionReason.MALFORMED,
                    "eventType: is a symbol this pipeline does not know"));
        };
    }

    private static Outcome notListed(ProductState current, DataProductEvent event) {
        String detail = current == null
                ? "product " + event.getProductId() + " was never listed"
                : "product " + event.getProductId() + " is delisted";
        return new Refused(new Rejection(RejectionReason.UNKNOWN_PRODUCT,
                event.getEventType() + " needs a listed product: " + detail));
    }

    private static ProductState listing(DataProductEvent event) {
        return ProductState.newBuilder()
                .setProductId(event.getProductId())
                .setProviderId(event.getProviderId())
                .setName(event.getName())
                .setCategory(event.getCategory())
                .setDeliveryMode(event.getDeliveryMode())
                .setClassification(event.getClassification())
                .setPersonalInfoSubjects(event.getPersonalInfoSubjects())
                .setSensitivePersonalInfo(event.getSensitivePersonalInfo())
                .setListPrice(event.getListPrice())
                .setCurrency(event.getCurrency())
                .setListed(true)
                .setChangedAt(event.getOccurredAt())
                .build();
    }

    private static ProductState delisting(ProductState current, DataProductEvent event) {
        return ProductState.newBuilder(current).setListed(false).setChangedAt(event.getOccurredAt()).build();
    }

    /** What an event does to a product. */
    public sealed interface Outcome permits Changed, Refused {
    }

    /**
     * The event is accepted.
     *
     * @param state the product's new state
     */
    public record Changed(ProductState state) implements Outcome {
    }

    /**
     * The event is rejected and the product stays as it was.
     *
     * @param rejection why
     */
    public record Refused(Rejection rejection) implements Outcome {
    }
}
