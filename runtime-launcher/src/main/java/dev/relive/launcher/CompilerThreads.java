package dev.relive.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 */
final class CompilerThreads {

    private static final Path TASKS = Path.of("/proc/self/task");

    private CompilerThreads() {
    }

    /** Nices the compiler threads on a thread of its own; does nothing for {@code nice} 0 or off Linux. */
    static void niceInBackground(int nice) {
        if (nice <= 0 || !Files.isDirectory(TASKS)) {
            return;
        }
        Thread thread = new Thread(() -> {
            String problem = nice(nice);
            if (problem != null) {
                System.err.println("relive: the JIT's compiler threads keep their priority: " + problem);
            }
        }, "relive-jit-nice");
        thread.setDaemon(true);
        thread.start();
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
        List<String> command = new ArrayList<>(List.of("renice", "-n", Integer.toString(nice), "-p"));
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
        try (Stream<Path> tasks = Files.list(TASKS)) {
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
