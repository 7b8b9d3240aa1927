package dev.relive.launcher.e2e;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs end-to-end tests against one {@link LiveServer} and one {@link Browser}, both started on first use and shared
 * by every test class of the run (they are stopped when the run ends). Test methods, constructors and
 * {@code @BeforeAll} methods get them as parameters.
 *
 * <p>Before each test the browser is back to a single blank tab. When a test fails, a screenshot of every open tab
 * and a log (the browser console, the tabs, the launcher's output) are saved as
 * {@code target/e2e-failures/<TestClass>.<method>.png} (plus {@code -tab2.png}, ... for further tabs) and
 * {@code .log}.
 */
public final class E2EExtension implements ParameterResolver, BeforeEachCallback, AfterTestExecutionCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(E2EExtension.class);

    /** Where failure screenshots and logs go. */
    public static Path failureDir() {
        return targetDir().resolve("e2e-failures");
    }

    /** The module's {@code target/} folder (next to {@code relive.jar}). */
    public static Path targetDir() {
        String jar = System.getProperty("relive.jar");
        return (jar != null ? Path.of(jar).toAbsolutePath().getParent() : Path.of("target").toAbsolutePath());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Browser.class || type == LiveServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        try {
            return type == Browser.class ? browser(context) : server(context);
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new ParameterResolutionException("could not start " + type.getSimpleName() + ": " + e, e);
        }
    }

    /** The run's server, started on first use. */
    static LiveServer server(ExtensionContext context) throws Exception {
        ExtensionContext.Store store = context.getRoot().getStore(NS);
        LiveServer server = store.get(LiveServer.class, LiveServer.class);
        if (server == null) {
            server = LiveServer.start();
            store.put(LiveServer.class, server);
        }
        return server;
    }

    /** The run's browser, started on first use. */
    static Browser browser(ExtensionContext context) throws IOException {
        ExtensionContext.Store store = context.getRoot().getStore(NS);
        Browser browser = store.get(Browser.class, Browser.class);
        if (browser == null) {
            browser = Browser.start();
            store.put(Browser.class, browser);
        }
        return browser;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Browser browser = context.getRoot().getStore(NS).get(Browser.class, Browser.class);
        if (browser != null) {
            browser.reset();
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws Exception {
        Throwable failure = context.getExecutionException().orElse(null);
        if (failure == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        Path dir = failureDir();
        Files.createDirectories(dir);
        StringBuilder log = new StringBuilder();
        log.append("test: ").append(context.getDisplayName()).append(" (").append(name).append(")\n\nfailure:\n")
                .append(stackTrace(failure)).append('\n');
        Browser browser = context.getRoot().getStore(NS).get(Browser.class, Browser.class);
        if (browser != null) {
            try {
                log.append("tabs:\n").append(browser.describeTabs()).append('\n');
                List<String> tabs = browser.tabs();
                String current = browser.driver().getWindowHandle();
                browser.screenshot(dir.resolve(name + ".png"));
                int n = 1;
                for (String tab : tabs) {
                    if (!tab.equals(current)) {
                        browser.switchTo(tab);
                        browser.screenshot(dir.resolve(name + "-tab" + (++n) + ".png"));
                    }
                }
                browser.switchTo(current);
                log.append("focused/scroll: ").append(browser.snapshot()).append("\n\n");
            } catch (RuntimeException | IOException e) {
                log.append("(screenshot failed: ").append(e).append(")\n");
            }
            log.append("browser console:\n");
            for (String line : browser.console()) {
                log.append("  ").append(line).append('\n');
            }
        } else {
            log.append("(no browser was started)\n");
        }
        LiveServer server = context.getRoot().getStore(NS).get(LiveServer.class, LiveServer.class);
        if (server != null) {
            log.append("\nlauncher stdout:\n").append(tail(server.launcher().stdout()))
                    .append("\n\nlauncher stderr:\n").append(tail(server.launcher().stderr())).append('\n');
        }
        Files.writeString(dir.resolve(name + ".log"), log);
    }

    private static String tail(String text) {
        return text.length() > 20_000 ? "..." + text.substring(text.length() - 20_000) : text;
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
