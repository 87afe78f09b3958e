package io.dex.cli;

/**
 * The exit code every {@code dex} command uses for an invalid command line (an unknown option, a
 * missing or malformed value). It is sysexits' {@code EX_USAGE}, apart from the small codes the
 * commands give their own outcomes ({@code dex publish}: 1 invalid input, 2 unreachable, 3 failed part-way).
 */
public final class CommandLineExit {

    /** The exit code of an invalid command line ({@code EX_USAGE}). */
    public static final int INVALID_COMMAND_LINE = 64;

    /** The line of the help's "Exit codes:" list that explains {@link #INVALID_COMMAND_LINE}. */
    public static final String INVALID_COMMAND_LINE_HELP = INVALID_COMMAND_LINE + ":invalid command line";

    private CommandLineExit() {
    }
}
