package io.dex.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.avro.SchemaParser;

/**
 * The build's schema compatibility gate: every contract in {@value #CURRENT} must be BACKWARD
 * compatible with its last released version in {@value #RELEASED} (readers with the new schema
 * read data written with the released one), and no released contract may disappear. Contracts are
 * matched by full record name, so a file may move. New contracts pass. Run by the build in
 * {@code process-classes} with the module directory as argument; it fails the build by throwing,
 * naming every offending file and field.
 */
public final class ReleaseCompatibilityGate {

    /** Where the current contracts are, relative to the module. */
    public static final String CURRENT = "src/main/avro";

    /** Where the last released version of each contract is kept, relative to the module. */
    public static final String RELEASED = "src/released/avro";

    private ReleaseCompatibilityGate() {
    }

    /** Checks the module directory {@code args[0]}; throws an {@link IllegalStateException} listing the violations. */
    public static void main(String[] args) {
        Path module = Path.of(args[0]);
        List<String> violations = violations(module);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("Schema changes incompatible with the released contracts in " + RELEASED + ":"
                    + System.lineSeparator() + "  - " + String.join(System.lineSeparator() + "  - ", violations));
        }
        System.out.println("Schema compatibility gate: " + contracts(module, RELEASED).size()
                + " released contracts, all current versions BACKWARD compatible");
    }

    /** One message per violation in the module directory {@code module}; empty when the gate passes. */
    public static List<String> violations(Path module) {
        Map<String, Contract> current = contracts(module, CURRENT);
        List<String> violations = new ArrayList<>();
        contracts(module, RELEASED).forEach((name, released) -> {
            Contract now = current.get(name);
            if (now == null) {
                violations.add(name + " (released as " + released.file() + ") is missing from " + CURRENT
                        + ": consumers still read it; keep it, deprecated if need be");
                return;
            }
            for (String problem : SchemaIncompatibilities.between(now.schema(), released.schema())) {
                violations.add(now.file() + " is not BACKWARD compatible with its released version " + released.file() + ": " + problem);
            }
        });
        return violations;
    }

    /**
     * The contracts under {@code directory} of {@code module} by full name (empty when the directory
     * does not exist). The files of a directory are parsed together, so a contract may use a type
     * another file defines.
     */
    private static Map<String, Contract> contracts(Path module, String directory) {
        Map<String, Contract> contracts = new TreeMap<>();
        Path root = module.resolve(directory);
        if (!Files.isDirectory(root)) {
            return contracts;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(file -> file.toString().endsWith(".avsc")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the contracts in " + root, e);
        }
        SchemaParser parser = new SchemaParser();
        Map<Path, SchemaParser.ParseResult> parsed = new LinkedHashMap<>();
        files.forEach(file -> parsed.put(file, parse(parser, file, module)));
        parsed.forEach((file, result) -> {
            Contract contract = new Contract(Path.of(directory).resolve(root.relativize(file)), resolve(parser, result, file, module));
            Contract clash = contracts.put(contract.schema().getFullName(), contract);
            if (clash != null) {
                throw new IllegalStateException(clash.file() + " and " + contract.file() + " both define " + contract.schema().getFullName());
            }
        });
        return contracts;
    }

    private static SchemaParser.ParseResult parse(SchemaParser parser, Path file, Path module) {
        try {
            return parser.parse(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + module.relativize(file), e);
        } catch (SchemaParseException e) {
            throw new IllegalStateException(module.relativize(file) + " is not a valid Avro schema: " + e.getMessage(), e);
        }
    }

    private static Schema resolve(SchemaParser parser, SchemaParser.ParseResult result, Path file, Path module) {
        try {
            return parser.resolve(result);
        } catch (SchemaParseException e) {
            throw new IllegalStateException(module.relativize(file) + " is not a valid Avro schema: " + e.getMessage(), e);
        }
    }

    private record Contract(Path file, Schema schema) {
    }
}
