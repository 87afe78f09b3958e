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

    /** Runs {@code command} against the given cluster and registry, with further {@code args}. */
    static CommandRun against(Object command, String bootstrapServers, String registryUrl, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--bootstrap-servers";
        all[1] = bootstrapServers;
        all[2] = "--schema-registry-url";
        all[3] = registryUrl;
        System.arraycopy(args, 0, all, 4, args.length);
        return of(command, all);
    }

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
