package io.dex.deploy;

import io.dex.embedded.KafkaBrokerProcess;
import io.dex.embedded.LoopbackPorts;
import io.dex.embedded.PortInUseException;
import io.dex.embedded.RegistryProcess;
import io.dex.embedded.RegistryStorage;
import io.dex.embedded.ServerProcess;
import io.dex.registry.RestSchemaRegistryClient;
import io.dex.topics.ExchangeTopics;
import io.dex.topics.TopicLayout;
import io.dex.topics.TopicProvisioner.ProvisionedTopic;
import io.dex.topics.TopicProvisioner;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole exchange on this machine: a real Kafka broker and a real schema registry as child
 * processes on 127.0.0.1, the exchange's topics, and the {@link LocalService}s plugged in (the
 * Streams application, the simulator), all keeping their state in one data directory.
 *
 * <p>{@link #start()} returns once everything is ready. The exchange then runs until {@link #close()}
 * (Ctrl-C) or until a part fails: a child that exits on its own or a service that reports a failure
 * ends {@link #awaitTermination()} with a non-zero code and the reason in {@link #failure()}.
 * {@link #close()} stops the services in reverse order, then the registry and the broker, and leaves
 * no process behind; it may be called from a shutdown hook at any moment, also during {@link #start()}.
 */
public final class LocalExchange implements AutoCloseable {

    /** {@link #awaitTermination()} after {@link #close()}. */
    public static final int STOPPED = 0;

    /** {@link #awaitTermination()} after a part failed. */
    public static final int FAILED = 1;

    private static final Logger LOG = LoggerFactory.getLogger(LocalExchange.class);

    private final LocalSettings settings;
    private final List<LocalService> services;
    private final Deque<Part> running = new ArrayDeque<>();
    private final CompletableFuture<Integer> termination = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile String failure;
    private boolean closing;
    private LocalEndpoints endpoints;

    /**
     * A local exchange that {@link #start()} will start.
     *
     * @param services the services to run once the broker, the registry and the topics are ready, in start order
     */
    public LocalExchange(LocalSettings settings, List<LocalService> services) {
        this.settings = settings;
        this.services = List.copyOf(services);
    }

    /**
     * Starts the broker and the registry (in parallel), waits until both answer, provisions the
     * topics ({@link TopicLayout#LOCAL}; existing topics are kept) and starts the services.
     *
     * @throws IllegalStateException when a part cannot start (a port in use names the flag that
     *                               changes it); everything started so far is stopped again
     */
    public void start() {
        try {
            register("data directory lock", DataDirectoryLock.acquire(settings.dataDirectory())::close);
            requireFree(settings.httpPort(), "HTTP API", "--http-port");
            // Probed before either child starts, so that a taken port never leaves the other child starting.
            requireFree(settings.kafkaPort(), "Kafka broker", "--kafka-port");
            requireFree(settings.registryPort(), "schema registry HTTP", "--registry-port");
            startBrokerAndRegistry();
            provisionTopics();
            requireBackwardCompatibility();
            for (LocalService service : services) {
                register(service.name(), service::close);
                service.start(endpoints, cause -> fail(service.name() + " failed: " + cause.getMessage(), cause));
                LOG.info("{} started", service.name());
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        } catch (Exception e) {
            close();
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The addresses of the broker, the registry and the services, label to address, for the banner. */
    public Map<String, String> addresses() {
        Map<String, String> addresses = new LinkedHashMap<>();
        addresses.put("Kafka broker", endpoints.bootstrapServers());
        addresses.put("Schema registry", endpoints.schemaRegistryUrl());
        services.forEach(service -> addresses.putAll(service.addresses()));
        return addresses;
    }

    /** The running broker, registry and ports; available once {@link #start()} returned. */
    public LocalEndpoints endpoints() {
        return endpoints;
    }

    /** The settings it runs with. */
    public LocalSettings settings() {
        return settings;
    }

    /** Blocks until the exchange is closed ({@link #STOPPED}) or a part failed ({@link #FAILED}). */
    public int awaitTermination() {
        return termination.join();
    }

    /** Why the exchange failed, once {@link #awaitTermination()} returned {@link #FAILED}. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Stops the services in reverse order, then the registry and the broker, and releases the data
     * directory. Idempotent; a second caller waits until the first has finished.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                closed.join();
                return;
            }
            closing = true;
        }
        LOG.info("Stopping dex local");
        try {
            while (true) {
                Part part;
                synchronized (this) {
                    part = running.poll();
                }
                if (part == null) {
                    break;
                }
                stopQuietly(part);
            }
            LOG.info("dex local stopped");
        } finally {
            termination.complete(STOPPED);
            closed.complete(null);
        }
    }

    private void startBrokerAndRegistry() {
        ExecutorService starter = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "dex-local-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<KafkaBrokerProcess> broker = CompletableFuture.supplyAsync(() -> startChild(
                    () -> KafkaBrokerProcess.start(settings.kafkaPort(), settings.brokerDirectory()), "--kafka-port"), starter);
            CompletableFuture<RegistryProcess> registry = CompletableFuture.supplyAsync(() -> startChild(
                    () -> RegistryProcess.start(RegistryStorage.FILE, settings.registryPort(), settings.registryDirectory()),
                    "--registry-port"), starter);
            // Registered as soon as each is up, so that a failure of the other one stops it too.
            CompletableFuture<Void> brokerUp = broker.thenAccept(process -> supervise("Kafka broker", process));
            CompletableFuture<Void> registryUp = registry.thenAccept(process -> supervise("Schema registry", process));
            // Completes when both are up, or fails as soon as one of them fails.
            CompletableFuture<Void> bothUp = new CompletableFuture<>();
            List.of(brokerUp, registryUp).forEach(up -> up.exceptionally(failure -> {
                bothUp.completeExceptionally(failure);
                return null;
            }));
            CompletableFuture.allOf(brokerUp, registryUp).thenRun(() -> bothUp.complete(null));
            try {
                bothUp.join();
            } catch (CompletionException e) {
                // Fail fast: interrupt the other start (its child is stopped), or let close() find it registered.
                starter.shutdownNow();
                CompletableFuture.allOf(brokerUp.exceptionally(ignored -> null), registryUp.exceptionally(ignored -> null)).join();
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
            endpoints = new LocalEndpoints(broker.join().bootstrapServers(), registry.join().confluentApiUrl(),
                    settings.httpPort(), settings.streamsStateDirectory());
        } finally {
            starter.shutdown();
        }
    }

    /** Starts a child, adding to a port-in-use error the flag that changes the port. */
    private static <T> T startChild(Supplier<T> start, String portFlag) {
        try {
            return start.get();
        } catch (PortInUseException e) {
            throw new IllegalStateException(e.getMessage() + ": choose another port with " + portFlag, e);
        }
    }

    private static void requireFree(int port, String purpose, String portFlag) {
        if (port != 0) {
            startChild(() -> {
                LoopbackPorts.requireFree(port, purpose);
                return port;
            }, portFlag);
        }
    }

    /** Registers a started child: stopped by {@link #close()}, and a failure when it exits on its own. */
    private void supervise(String name, ServerProcess server) {
        register(name, server::stop);
        // close() stops it in order from now on; the child's own JVM-exit hook would stop it too early.
        server.detachFromJvmExit();
        server.onExit().thenAccept(code -> fail(name + " exited unexpectedly with code " + code + "; see its log " + server.logFile(), null));
    }

    private void provisionTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.bootstrapServers()))) {
            List<ProvisionedTopic> results = new TopicProvisioner(admin).create(ExchangeTopics.ALL, TopicLayout.LOCAL);
            long created = results.stream().filter(result -> result.outcome() == ProvisionedTopic.Outcome.CREATED).count();
            LOG.info("Topics: {} created, {} already there", created, results.size() - created);
            results.stream().filter(result -> result.outcome() == ProvisionedTopic.Outcome.DIFFERS)
                    .forEach(result -> LOG.warn("Topic {}", result.summary()));
        }
    }

    /** SPEC "interfaces": every subject BACKWARD compatible, unless a subject sets its own level. */
    private void requireBackwardCompatibility() {
        try (RestSchemaRegistryClient registry = new RestSchemaRegistryClient(endpoints.schemaRegistryUrl())) {
            registry.setDefaultCompatibility("BACKWARD");
        }
    }

    private void register(String name, Runnable stop) {
        boolean alreadyClosing;
        synchronized (this) {
            alreadyClosing = closing;
            if (!alreadyClosing) {
                running.push(new Part(name, stop));
            }
        }
        if (alreadyClosing) {
            // Closed while this part was starting (Ctrl-C during start): stop it right away.
            stopQuietly(new Part(name, stop));
            throw new IllegalStateException("dex local was stopped while starting");
        }
    }

    private void fail(String reason, Throwable cause) {
        synchronized (this) {
            if (closing || termination.isDone()) {
                return;
            }
            failure = reason;
        }
        if (cause == null) {
            LOG.error(reason);
        } else {
            LOG.error(reason, cause);
        }
        termination.complete(FAILED);
    }

    private static void stopQuietly(Part part) {
        try {
            part.stop().run();
            LOG.debug("Stopped {}", part.name());
        } catch (RuntimeException e) {
            LOG.error("Cannot stop {} cleanly", part.name(), e);
        }
    }

    private record Part(String name, Runnable stop) {
    }
}
