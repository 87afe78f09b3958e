package io.dex.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SharedSchemaRegistry")
class SharedSchemaRegistryTest {

    @Test
    @DisplayName("starts one registry per JVM, on 127.0.0.1, answering the Confluent API")
    void oneRegistryPerJvm() throws Exception {
        String url = SharedSchemaRegistry.url();

        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/apis/ccompat/v7");
        assertThat(SharedSchemaRegistry.url()).isEqualTo(url);
        assertThat(SharedSchemaRegistry.registry().logFile().toString()).startsWith(System.getProperty("java.io.tmpdir"));
        HttpResponse<String> subjects = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url + "/subjects")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(subjects.statusCode()).isEqualTo(200);
    }
}
