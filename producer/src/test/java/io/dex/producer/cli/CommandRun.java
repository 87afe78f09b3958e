package io.dex.producer.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * The outcome of running a command line in-process: exit code, standard output and error.
 *
 * @param exitCode what the command returned
 * @param out      its standard output
 * @param err      its standard error
 */
record CommandRun(int exitCode, String out, String err) {

    /** Runs {@code command} with {@code args}. */
    static CommandRun of(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(command)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }
}
