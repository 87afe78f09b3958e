package io.dex.deploy.bench;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaFuture;

/** Waits for the broker's answer to an admin request, turning a failure into a message. */
final class BrokerAnswer {

    private static final long TIMEOUT_MS = 30_000;

    private BrokerAnswer() {
    }

    /** The answer of {@code request}, within 30 s. */
    static <T> T of(KafkaFuture<T> request) {
        try {
            return request.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused an admin request: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not answer an admin request within " + TIMEOUT_MS / 1000 + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the broker", e);
        }
    }
}
