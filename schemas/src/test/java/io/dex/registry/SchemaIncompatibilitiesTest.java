package io.dex.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SchemaIncompatibilities names the field that breaks")
class SchemaIncompatibilitiesTest {

    private static final Schema WRITER = parse("""
            {"type": "record", "name": "R", "fields": [
              {"name": "a", "type": "string"},
              {"name": "n", "type": {"type": "record", "name": "N", "fields": [
                {"name": "x", "type": {"type": "array", "items": "int"}},
                {"name": "m", "type": {"type": "map", "values": "long"}}]}},
              {"name": "e", "type": {"type": "enum", "name": "E", "symbols": ["A", "B"]}},
              {"name": "u", "type": ["null", {"type": "record", "name": "U", "fields": [{"name": "y", "type": "long"}]}]}]}""");

    @Test
    @DisplayName("nested fields, array items, map values, enums, unions and missing defaults each get a path")
    void paths() {
        Schema reader = parse("""
                {"type": "record", "name": "R", "fields": [
                  {"name": "a", "type": "long"},
                  {"name": "n", "type": {"type": "record", "name": "N", "fields": [
                    {"name": "x", "type": {"type": "array", "items": "string"}},
                    {"name": "m", "type": {"type": "map", "values": "int"}}]}},
                  {"name": "e", "type": {"type": "enum", "name": "E", "symbols": ["A"]}},
                  {"name": "u", "type": ["null", {"type": "record", "name": "U", "fields": [{"name": "y", "type": "int"}]}]},
                  {"name": "z", "type": "int"}]}""");

        assertThat(SchemaIncompatibilities.between(reader, WRITER)).containsExactlyInAnyOrder(
                "field 'a': reader type: LONG not compatible with writer type: STRING (TYPE_MISMATCH)",
                "field 'n.x[]': reader type: STRING not compatible with writer type: INT (TYPE_MISMATCH)",
                "field 'n.m{}': reader type: INT not compatible with writer type: LONG (TYPE_MISMATCH)",
                "field 'e': [B] (MISSING_ENUM_SYMBOLS)",
                "field 'u': reader union lacking writer type: RECORD (MISSING_UNION_BRANCH)",
                "field 'z': new field has no default value, so data written without it cannot be read (READER_FIELD_MISSING_DEFAULT_VALUE)");
    }

    @Test
    @DisplayName("a renamed record is named itself")
    void renamedRecord() {
        Schema reader = parse(WRITER.toString().replace("\"name\":\"R\"", "\"name\":\"Renamed\""));

        assertThat(SchemaIncompatibilities.between(reader, WRITER)).singleElement().asString()
                .startsWith("record Renamed: ").endsWith("(NAME_MISMATCH)");
    }

    @Test
    @DisplayName("an identical schema has no incompatibility")
    void identical() {
        assertThat(SchemaIncompatibilities.between(WRITER, WRITER)).isEmpty();
    }

    private static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }
}
