package dev.relive.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
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

    private ConsoleBridge(BundleContext context) {
        this.context = context;
    }

    static void startIfHeadless(BundleContext context) {
        if (System.console() != null) {
            return;
        }
        Thread t = new Thread(new ConsoleBridge(context), "relive-console");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void run() {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, PROCESSOR, null);
        tracker.open(true);
        try {
            Object processor = tracker.waitForService(30_000);
            if (processor == null) {
                System.err.println("relive: no Gogo command processor; console commands are not available");
                return;
            }
            InputStream empty = InputStream.nullInputStream();
            Object session = processor.getClass().getMethod("createSession", InputStream.class, OutputStream.class,
                    OutputStream.class).invoke(processor, empty, System.out, System.err);
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
            Throwable cause = e.getCause() == null ? e : e.getCause();
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
