package dev.relive.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Without a terminal, reads Gogo commands line by line from standard input and prints their output. End of input
 * leaves the runtime running. Gogo's API lives in a bundle, so it is called reflectively.
 */
final class ConsoleBridge implements Runnable {

    private static final String PROCESSOR = "org.apache.felix.service.command.CommandProcessor";

    private final BundleContext context;
    private final PrintStream out;
    private final PrintStream err;

    private ConsoleBridge(BundleContext context, PrintStream out, PrintStream err) {
        this.context = context;
        this.out = out;
        this.err = err;
    }

    /**
     * @param out the process's standard output as it was before Gogo replaced {@code System.out} by its own stream,
     *        which sends what a command's thread prints to the command's session: a session writing to that stream
     *        would print into itself, and a command that prints (a synchronous bundle listener, a log line) would
     *        overflow the stack
     * @param err likewise, standard error
     */
    static void startIfHeadless(BundleContext context, PrintStream out, PrintStream err) {
        if (System.console() != null) {
            return;
        }
        Thread t = new Thread(new ConsoleBridge(context, out, err), "relive-console");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void run() {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, PROCESSOR, null);
        tracker.open(true);
        try {
            Object processor = tracker.waitForService(300_000);
            if (processor == null) {
                System.err.println("relive: no Gogo command processor; console commands are not available");
                return;
            }
            InputStream empty = InputStream.nullInputStream();
            Object session = processor.getClass().getMethod("createSession", InputStream.class, OutputStream.class,
                    OutputStream.class).invoke(processor, empty, out, err);
            Method execute = session.getClass().getMethod("execute", CharSequence.class);
            Method format = findFormat(session);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    runLine(session, execute, format, line.trim());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ReflectiveOperationException e) {
            System.err.println("relive: the Gogo console is not available: " + e);
        } catch (IOException | IllegalStateException e) {
            // the framework is stopping, or stdin is gone
        } finally {
            tracker.close();
        }
    }

    private static void runLine(Object session, Method execute, Method format, String line) {
        try {
            Object result = execute.invoke(session, line);
            if (result != null) {
                Object text = format == null ? result : format.invoke(session, result, 0);
                System.out.println(text);
            }
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e;
            while (cause instanceof java.lang.reflect.InvocationTargetException && cause.getCause() != null) {
                cause = cause.getCause(); // the session's, then the command method's
            }
            System.out.println("gogo: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (ReflectiveOperationException e) {
            System.out.println("gogo: " + e);
        }
        System.out.flush();
    }

    private static Method findFormat(Object session) {
        try {
            return session.getClass().getMethod("format", Object.class, int.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
