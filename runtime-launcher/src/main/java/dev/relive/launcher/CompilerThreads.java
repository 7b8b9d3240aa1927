package dev.relive.launcher;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Lowers the priority of the JVM's optimizing JIT compiler threads, C2's (and JVMCI's); Linux only: the threads are
 * found in {@code /proc/self/task} by name and given a niceness with {@code renice}, which a JVM cannot set for its
 * own threads.
 *
 * <p>In dev mode C2 compiles through the launch and for a minute or more after it (the Java compiler, bnd, the
 * pages), and on a small machine its threads take the cores the launch and the saves need: a save's compile, and the
 * JVM's class redefinition, which runs on a single thread while every other Java thread waits. Niced from the
 * launcher's start, they get what the rest leaves. C1's threads keep their priority: their compiles are short, and
 * they are what makes a save's new code fast (a redefined method starts interpreted). Compiler threads the JVM adds
 * later are started by a compiler thread of their kind and inherit its niceness.
 *
 * <p>A production launch gains the same way (C2's launch-time compiles are of code that runs once), but a server
 * under load needs its optimizing compiler: there the threads are niced only until {@code ready} and given the
 * process's own niceness back then, which Linux allows only with {@code CAP_SYS_NICE} or an {@code RLIMIT_NICE} that
 * reaches it ({@link #mayRaisePriorityTo}); a process that could not raise it again leaves them as they are. No
 * thread is ever given a higher priority than the process has.
 */
final class CompilerThreads {

    private static final Path SELF = Path.of("/proc/self");
    /** {@code CAP_SYS_NICE}'s bit in the capability sets of {@code /proc/self/status}. */
    private static final int CAP_SYS_NICE = 23;

    /** The thread lowering the priority until {@code ready}, or {@code null} when nothing is to be given back. */
    private final Thread lowering;
    /** Set by {@link #lowering} once {@code renice} succeeded. */
    private final AtomicBoolean lowered;
    /** The process's niceness, which the threads had before. */
    private final int base;

    private CompilerThreads(Thread lowering, AtomicBoolean lowered, int base) {
        this.lowering = lowering;
        this.lowered = lowered;
        this.base = base;
    }

    /**
     * Nices the compiler threads on a thread of its own; does nothing off Linux or when the process already runs at
     * {@code nice} or lower (a thread's priority is only ever lowered), nor, with {@code untilReady}, in a process
     * that could not give them their priority back ({@link #restoreInBackground}).
     */
    static CompilerThreads niceInBackground(int nice, boolean untilReady) {
        int base;
        try {
            base = niceness(SELF.resolve("stat"));
        } catch (IOException | RuntimeException e) {
            return new CompilerThreads(null, new AtomicBoolean(), 0); // not Linux
        }
        if (nice <= base || untilReady && !mayRaisePriorityTo(base)) {
            return new CompilerThreads(null, new AtomicBoolean(), base);
        }
        AtomicBoolean lowered = new AtomicBoolean();
        Thread thread = new Thread(() -> {
            String problem = nice(nice);
            lowered.set(problem == null);
            // asked for (dev, --jit-nice) it is worth a line; production's own attempt fails quietly (no renice)
            if (problem != null && !untilReady) {
                System.err.println("relive: the JIT's compiler threads keep their priority: " + problem);
            }
        }, "relive-jit-nice");
        thread.setDaemon(true);
        thread.start();
        return new CompilerThreads(untilReady ? thread : null, lowered, base);
    }

    /**
     * Gives the compiler threads the process's niceness back, if they were niced until {@code ready}, on a thread of
     * its own; a niceness for the whole run stays.
     */
    void restoreInBackground() {
        if (lowering == null) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                lowering.join();
            } catch (InterruptedException e) {
                return;
            }
            if (!lowered.get()) {
                return;
            }
            String problem = nice(base);
            if (problem != null) {
                System.err.println("relive: the JIT's compiler threads stay niced: " + problem);
            }
        }, "relive-jit-restore");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Whether this process may raise its threads' priority back to niceness {@code base} (Linux): with
     * {@code CAP_SYS_NICE} in its effective set, or a soft {@code RLIMIT_NICE} of {@code 20 - base} or more ("Max
     * nice priority" in {@code /proc/self/limits}).
     */
    static boolean mayRaisePriorityTo(int base) {
        try {
            return hasCapability(Files.readString(SELF.resolve("status")), CAP_SYS_NICE)
                    || niceLimit(Files.readString(SELF.resolve("limits"))) >= 20 - base;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The niceness in a {@code /proc/PID/stat} or {@code /proc/PID/task/TID/stat} file. */
    static int niceness(Path stat) throws IOException {
        String text = Files.readString(stat);
        // after "(name) " the state is field 3; the niceness is field 19
        return Integer.parseInt(text.substring(text.lastIndexOf(')') + 2).split(" ")[16]);
    }

    /** Whether the {@code CapEff} line of a {@code /proc/PID/status} text has capability {@code bit}. */
    static boolean hasCapability(String status, int bit) {
        for (String line : status.split("\n")) {
            if (line.startsWith("CapEff:")) {
                return new BigInteger(line.substring(7).strip(), 16).testBit(bit);
            }
        }
        return false;
    }

    /** The soft "Max nice priority" of a {@code /proc/PID/limits} text; unlimited as {@code Integer.MAX_VALUE}. */
    static int niceLimit(String limits) {
        for (String line : limits.split("\n")) {
            if (line.startsWith("Max nice priority")) {
                String soft = line.substring("Max nice priority".length()).strip().split("\s+")[0];
                return soft.equals("unlimited") ? Integer.MAX_VALUE : Integer.parseInt(soft);
            }
        }
        return 0;
    }

    /** Nices the compiler threads now; what went wrong, or {@code null}. */
    static String nice(int nice) {
        List<String> ids;
        try {
            ids = compilerThreadIds();
        } catch (IOException e) {
            return "cannot list the threads (" + e.getMessage() + ")";
        }
        if (ids.isEmpty()) {
            return null; // no C2 (-XX:TieredStopAtLevel=1, -Xint)
        }
        // without -n the niceness is absolute, in util-linux's renice and BusyBox's alike (POSIX's -n adds to it)
        List<String> command = new ArrayList<>(List.of("renice", Integer.toString(nice), "-p"));
        command.addAll(ids);
        try {
            Process renice = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(10, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
                return "renice did not finish";
            }
            return renice.exitValue() == 0 ? null : "renice exited with " + renice.exitValue();
        } catch (IOException e) {
            return "cannot run renice (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The ids of this process's C2 and JVMCI compiler threads, named "C2 CompilerThread0" and so on. */
    static List<String> compilerThreadIds() throws IOException {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(SELF.resolve("task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String name;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                } catch (IOException e) {
                    continue; // the thread ended
                }
                if ((name.startsWith("C2 ") || name.startsWith("JVMCI ")) && name.contains("Compiler")) {
                    ids.add(task.getFileName().toString());
                }
            }
        }
        return ids;
    }
}
