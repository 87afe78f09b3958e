package io.dex.embedded;

import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs the main class of a child JVM and ends that JVM, cleanly (shutdown hooks run), as soon as
 * its parent is gone. Shutdown hooks stop the children when dex exits normally, but a {@code kill -9}
 * of dex runs none: the broker or registry would live on, holding their ports and data files, and the
 * next {@code dex local} on the same data directory could not start.
 *
 * <p>The child notices within {@value #CHECK_INTERVAL_MILLIS} ms that it has been re-parented (to
 * init or a sub-reaper). Build the command with {@link #javaCommand}.
 */
public final class OrphanGuard {

    /** How often the child checks its parent. */
    static final long CHECK_INTERVAL_MILLIS = 500;

    /** The system property carrying the parent's pid (read in the child, so a parent dying during startup is noticed too). */
    static final String PARENT_PID_PROPERTY = "dex.parent.pid";

    private OrphanGuard() {
    }

    /**
     * The {@code java} command that runs {@code mainClass} in a child JVM guarded by this class.
     *
     * @param jvmOptions options such as {@code -Xmx512m} and {@code -Dkey=value}
     * @param classpath  the child's classpath (this class's location is appended)
     * @param mainClass  the child's real main class
     * @param arguments  the arguments of {@code mainClass}
     */
    public static List<String> javaCommand(List<String> jvmOptions, String classpath, String mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>();
        // A session of its own: a Ctrl-C in dex's terminal reaches dex alone, which stops its parts in order.
        newSessionLauncher().ifPresent(command::add);
        command.add(ChildProcess.javaLauncher());
        command.addAll(jvmOptions);
        command.add("-D" + PARENT_PID_PROPERTY + "=" + ProcessHandle.current().pid());
        command.add("-cp");
        command.add(classpath + java.io.File.pathSeparator + ownLocation());
        command.add(OrphanGuard.class.getName());
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }

    /**
     * Watches the parent in a daemon thread, then runs {@code args[0]}'s main with the remaining
     * arguments.
     */
    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: OrphanGuard MAIN_CLASS [ARGUMENT...]");
        }
        long parentPid = Long.getLong(PARENT_PID_PROPERTY,
                ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L));
        Thread watch = new Thread(() -> exitWhenOrphaned(parentPid), "orphan-guard");
        watch.setDaemon(true);
        watch.start();
        try {
            Class.forName(args[0]).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void exitWhenOrphaned(long parentPid) {
        while (ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == parentPid) {
            try {
                Thread.sleep(CHECK_INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
        System.err.println("Parent process " + parentPid + " is gone; shutting down");
        System.exit(0);
    }

    /** {@code setsid} (util-linux) when the PATH has it; it replaces itself with the command, keeping the pid. */
    private static Optional<String> newSessionLauncher() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, "setsid"))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst();
    }

    private static Path ownLocation() {
        try {
            return Path.of(OrphanGuard.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the classes of " + OrphanGuard.class.getName(), e);
        }
    }
}
