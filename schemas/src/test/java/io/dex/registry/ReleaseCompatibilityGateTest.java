package io.dex.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("ReleaseCompatibilityGate, run on a copy of this module's contracts")
class ReleaseCompatibilityGateTest {

    private static final String DECIMAL = "{\"type\": \"bytes\", \"logicalType\": \"decimal\", \"precision\": 20, \"scale\": 4}";

    @TempDir
    Path module;

    private Path trade;

    @BeforeEach
    void copyContracts() throws IOException {
        copy(Path.of(ReleaseCompatibilityGate.CURRENT), module.resolve(ReleaseCompatibilityGate.CURRENT));
        copy(Path.of(ReleaseCompatibilityGate.RELEASED), module.resolve(ReleaseCompatibilityGate.RELEASED));
        trade = module.resolve(ReleaseCompatibilityGate.CURRENT).resolve("events/TradeEvent.avsc");
    }

    @Test
    @DisplayName("the contracts as they are pass, and every one of them has a released version")
    void currentContractsPass() throws IOException {
        assertThat(ReleaseCompatibilityGate.violations(Path.of(""))).isEmpty();
        try (Stream<Path> released = Files.walk(Path.of(ReleaseCompatibilityGate.RELEASED))) {
            assertThat(released.filter(file -> file.toString().endsWith(".avsc"))).hasSize(14);
        }
    }

    @Test
    @DisplayName("a changed field type fails the gate, naming the file and the field")
    void changedTypeFails() throws IOException {
        edit(trade, "{\"name\": \"amount\", \"type\": " + DECIMAL, "{\"name\": \"amount\", \"type\": \"long\"");

        assertThat(ReleaseCompatibilityGate.violations(module)).containsExactly(
                "src/main/avro/events/TradeEvent.avsc is not BACKWARD compatible with its released version "
                        + "src/released/avro/events/TradeEvent.avsc: field 'amount': reader type: LONG not compatible "
                        + "with writer type: BYTES (TYPE_MISMATCH)");
        assertThatThrownBy(() -> ReleaseCompatibilityGate.main(new String[] {module.toString()}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TradeEvent.avsc is not BACKWARD compatible")
                .hasMessageContaining("field 'amount'");
    }

    @Test
    @DisplayName("a narrowed number in one file and a new field without default in another both fail")
    void narrowedTypeAndRequiredFieldFail() throws IOException {
        Path deadLetter = module.resolve(ReleaseCompatibilityGate.CURRENT).resolve("pipeline/DeadLetter.avsc");
        edit(deadLetter, "{\"name\": \"sourceOffset\", \"type\": \"long\"", "{\"name\": \"sourceOffset\", \"type\": \"int\"");
        edit(trade, "{\"name\": \"currency\", \"type\": \"string\",", "{\"name\": \"channel\", \"type\": \"string\"}, {\"name\": \"currency\", \"type\": \"string\",");

        assertThat(ReleaseCompatibilityGate.violations(module)).hasSize(2)
                .anySatisfy(v -> assertThat(v).startsWith("src/main/avro/pipeline/DeadLetter.avsc")
                        .contains("field 'sourceOffset': reader type: INT not compatible with writer type: LONG"))
                .anySatisfy(v -> assertThat(v).startsWith("src/main/avro/events/TradeEvent.avsc")
                        .contains("field 'channel': new field has no default value"));
    }

    @Test
    @DisplayName("a new optional field with a default, a new enum symbol, and a removed one (enums have a default), pass")
    void compatibleChangesPass() throws IOException {
        edit(trade, "{\"name\": \"currency\", \"type\": \"string\",",
                "{\"name\": \"channel\", \"type\": [\"null\", \"string\"], \"default\": null}, {\"name\": \"currency\", \"type\": \"string\",");
        edit(module.resolve(ReleaseCompatibilityGate.CURRENT).resolve("pipeline/DeadLetter.avsc"), "\"SELF_TRADE\", ", "\"SANCTIONED\", ");

        assertThat(ReleaseCompatibilityGate.violations(module)).isEmpty();
        ReleaseCompatibilityGate.main(new String[] {module.toString()});
    }

    @Test
    @DisplayName("a new contract without a released version passes; a released contract that disappears fails")
    void newAndRemovedContracts() throws IOException {
        Path fxRate = module.resolve(ReleaseCompatibilityGate.CURRENT).resolve("events/FxRate.avsc");
        Files.writeString(fxRate.resolveSibling("Settlement.avsc"), Files.readString(fxRate).replace("\"FxRate\"", "\"Settlement\""));
        assertThat(ReleaseCompatibilityGate.violations(module)).isEmpty();

        Files.delete(fxRate);

        assertThat(ReleaseCompatibilityGate.violations(module)).containsExactly(
                "io.dex.schema.FxRate (released as src/released/avro/events/FxRate.avsc) is missing from src/main/avro: "
                        + "consumers still read it; keep it, deprecated if need be");
    }

    @Test
    @DisplayName("a contract that moves to another file is still checked against its released version")
    void movedContract() throws IOException {
        Path moved = trade.resolveSibling("moved/TradeEvent.avsc");
        Files.createDirectories(moved.getParent());
        Files.move(trade, moved);
        edit(moved, "{\"name\": \"amount\", \"type\": " + DECIMAL, "{\"name\": \"amount\", \"type\": \"boolean\"");

        assertThat(ReleaseCompatibilityGate.violations(module)).singleElement().asString()
                .startsWith("src/main/avro/events/moved/TradeEvent.avsc is not BACKWARD compatible");
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).as("%s contains the text to edit", file.getFileName()).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
