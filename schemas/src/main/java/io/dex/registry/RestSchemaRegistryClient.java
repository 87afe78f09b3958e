package io.dex.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A client of the Confluent Schema Registry REST API (Confluent, Apicurio under
 * {@code /apis/ccompat/v7}, Karapace, Redpanda). Ids of registered schemas and schemas by id are
 * cached forever: the registry never changes them. Requests that fail for a passing reason are
 * retried as the {@link RetryPolicy} says. Every failure is a {@link SchemaRegistryException}
 * naming the subject, id or URL concerned; an incompatible schema's message says which field breaks.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Confluent error code of an unknown subject (an unknown schema under a known subject is 40403). */
    private static final int SUBJECT_NOT_FOUND = 40401;

    private final String baseUrl;
    private final RetryPolicy retry;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();

    /** A client of the registry at {@code baseUrl} (e.g. {@code http://127.0.0.1:8081/apis/ccompat/v7}) with {@link RetryPolicy#DEFAULT}. */
    public RestSchemaRegistryClient(String baseUrl) {
        this(baseUrl, RetryPolicy.DEFAULT);
    }

    /** A client of the registry at {@code baseUrl} retrying as {@code retry} says. */
    public RestSchemaRegistryClient(String baseUrl, RetryPolicy retry) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.retry = retry;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** The Confluent API base URL this client talks to. */
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema.toString());
        Integer cached = ids.get(key);
        if (cached != null) {
            return cached;
        }
        Answer answer = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
        if (answer.status() == 409) {
            answer = afterConflict(subject, schema, answer);
        }
        return remember(key, schema, idIn(answer.expectOk("Cannot register " + schema.getFullName() + " under subject " + subject)));
    }

    /**
     * A 409 is either a real incompatibility or a lost race: Apicurio refuses the second of two
     * concurrent first registrations of a subject ("artifact already exists"), as happens when
     * several Streams instances start together. A race is settled by looking the schema up, or by
     * registering again now that the subject exists; only a second refusal is an incompatibility.
     */
    private Answer afterConflict(String subject, Schema schema, Answer refusal) {
        Answer lookup = send("POST", "/subjects/" + encode(subject), schemaBody(schema));
        if (lookup.status() == 200) {
            return lookup;
        }
        Answer retried = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
        if (retried.status() == 409) {
            throw new SchemaRegistryException(409, incompatibility(subject, schema, refusal));
        }
        return retried;
    }

    @Override
    public int idOf(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema.toString());
        Integer cached = ids.get(key);
        if (cached != null) {
            return cached;
        }
        Answer answer = send("POST", "/subjects/" + encode(subject), schemaBody(schema));
        if (answer.status() == 404) {
            throw new SchemaRegistryException(404, answer.errorCode() == SUBJECT_NOT_FOUND
                    ? "Subject " + subject + " is unknown to the registry at " + baseUrl + ", so " + schema.getFullName() + " is not registered"
                    : "Schema " + schema.getFullName() + " is not registered under subject " + subject + " (it differs from every registered version)");
        }
        return remember(key, schema, idIn(answer.expectOk("Cannot look up " + schema.getFullName() + " under subject " + subject)));
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemas.get(id);
        if (cached != null) {
            return cached;
        }
        Answer answer = send("GET", "/schemas/ids/" + id, null);
        if (answer.status() == 404) {
            throw new SchemaRegistryException(404, "No schema with id " + id + " in the registry at " + baseUrl
                    + " (records written against another registry, or a registry that lost its data?)");
        }
        JsonNode body = answer.expectOk("Cannot fetch schema id " + id);
        Schema schema = parse(body.path("schema").asText(), "schema id " + id);
        schemas.putIfAbsent(id, schema);
        return schema;
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        Answer answer = send("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest", schemaBody(schema));
        if (answer.status() == 404) {
            return true; // No version yet: anything may be registered.
        }
        return answer.expectOk("Cannot check " + schema.getFullName() + " against subject " + subject)
                .path("is_compatible").asBoolean();
    }

    @Override
    public void setCompatibility(String subject, String level) {
        send("PUT", "/config/" + encode(subject), compatibilityBody(level)).expectOk("Cannot set compatibility " + level + " on subject " + subject);
    }

    @Override
    public void setDefaultCompatibility(String level) {
        send("PUT", "/config", compatibilityBody(level)).expectOk("Cannot set the default compatibility " + level);
    }

    @Override
    public List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        send("GET", "/subjects", null).expectOk("Cannot list subjects").forEach(node -> subjects.add(node.asText()));
        return List.copyOf(subjects);
    }

    @Override
    public void close() {
        // java.net.http.HttpClient releases its connections when unreachable (it is AutoCloseable from Java 21 only).
    }

    private int remember(SubjectSchema key, Schema schema, int id) {
        ids.putIfAbsent(key, id);
        schemas.putIfAbsent(id, schema);
        return id;
    }

    /** The registry's 409 explained locally: which field of the new schema breaks which registered version. */
    private String incompatibility(String subject, Schema schema, Answer refusal) {
        String intro = "Schema " + schema.getFullName() + " is incompatible with subject " + subject;
        Answer latest = send("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
        if (latest.status() != 200) {
            return intro + ": " + refusal.message();
        }
        JsonNode body = latest.body();
        Schema registered = parse(body.path("schema").asText(), "the latest version of subject " + subject);
        String version = "version " + body.path("version").asInt() + " (id " + body.path("id").asInt() + ")";
        List<String> problems = SchemaIncompatibilities.between(schema, registered);
        if (!problems.isEmpty()) {
            return intro + ": new readers cannot read data written with " + version + ": " + String.join("; ", problems);
        }
        problems = SchemaIncompatibilities.between(registered, schema);
        if (!problems.isEmpty()) {
            return intro + ": readers of " + version + " cannot read data written with the new schema: " + String.join("; ", problems);
        }
        return intro + " (checked against versions before the latest): " + refusal.message();
    }

    private Answer send(String method, String path, String body) {
        URI uri = URI.create(baseUrl + path);
        long start = System.nanoTime();
        long deadline = start + retry.totalTimeout().toNanos();
        int attempt = 0;
        while (true) {
            attempt++;
            String failure;
            IOException cause = null;
            Answer answer = null;
            try {
                answer = attempt(method, uri, body, Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1)));
                if (!answer.passingFailure()) {
                    return answer;
                }
                failure = "HTTP " + answer.status() + ": " + answer.message();
            } catch (IOException e) {
                cause = e;
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            Duration backoff = retry.backoffAfter(attempt);
            if (attempt >= retry.maxAttempts() || System.nanoTime() + backoff.toNanos() - deadline > 0) {
                String message = method + " " + uri + " failed after " + attempt + " attempt" + (attempt == 1 ? "" : "s") + " in "
                        + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms: " + failure;
                throw answer == null
                        ? new SchemaRegistryException(0, "Schema registry at " + baseUrl + " is unreachable: " + message, cause)
                        : new SchemaRegistryException(answer.status(), "Schema registry at " + baseUrl + " keeps failing: " + message);
            }
            sleep(backoff);
        }
    }

    private Answer attempt(String method, URI uri, String body, Duration timeout) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", CONTENT_TYPE + ", application/json")
                .header("Content-Type", CONTENT_TYPE)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(method + " " + uri, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(0, "Interrupted during " + method + " " + uri, e);
        }
    }

    private String compatibilityBody(String level) {
        return json.createObjectNode().put("compatibility", level).toString();
    }

    private String schemaBody(Schema schema) {
        return json.createObjectNode().put("schema", schema.toString()).toString();
    }

    private static int idIn(JsonNode body) {
        return body.path("id").asInt();
    }

    private static Schema parse(String text, String what) {
        try {
            return new Schema.Parser().parse(text);
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException(200, "The registry returned an unreadable Avro schema for " + what + ": " + e.getMessage(), e);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(0, "Interrupted while waiting to retry a schema registry request", e);
        }
    }

    private record SubjectSchema(String subject, String schema) {
    }

    /** One HTTP answer of the registry. */
    private final class Answer {

        private final String request;
        private final int status;
        private final String text;

        Answer(String request, int status, String text) {
            this.request = request;
            this.status = status;
            this.text = text;
        }

        int status() {
            return status;
        }

        /** 5xx and 429 may pass: the registry is restarting or shedding load. */
        boolean passingFailure() {
            return status >= 500 || status == 429;
        }

        JsonNode body() {
            try {
                return json.readTree(text);
            } catch (JsonProcessingException e) {
                throw new SchemaRegistryException(status, request + " answered HTTP " + status + " with a body that is not JSON: " + abbreviated());
            }
        }

        /** The Confluent {@code error_code}, or 0 when the body has none. */
        int errorCode() {
            try {
                return json.readTree(text).path("error_code").asInt();
            } catch (JsonProcessingException e) {
                return 0;
            }
        }

        /** The registry's own explanation: the Confluent {@code message}, else the body. */
        String message() {
            try {
                JsonNode message = json.readTree(text).path("message");
                return message.isMissingNode() ? abbreviated() : message.asText();
            } catch (JsonProcessingException e) {
                return abbreviated();
            }
        }

        /** The JSON body of a 200, else a {@link SchemaRegistryException} starting with {@code what}. */
        JsonNode expectOk(String what) {
            if (status / 100 == 2) {
                return body();
            }
            String reason = switch (status) {
                case 422 -> "the registry finds the schema invalid";
                case 404 -> "not found";
                case 401, 403 -> "the registry refused the credentials";
                default -> "HTTP " + status;
            };
            throw new SchemaRegistryException(status, what + ": " + reason + " (" + request + " answered " + status + ": " + message() + ")");
        }

        private String abbreviated() {
            return text.length() <= 500 ? text : text.substring(0, 500) + "...";
        }
    }
}
