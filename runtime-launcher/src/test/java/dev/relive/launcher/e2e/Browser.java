package dev.relive.launcher.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The machine's own headless Chromium, driven through its ChromeDriver, with helpers for live views: wait until the
 * page's view is mounted, wait for an element's text, run JavaScript, read the browser console.
 *
 * <p>Only the system binaries are used ({@value #DEFAULT_CHROMIUM}, {@value #DEFAULT_CHROMEDRIVER}, or the system
 * properties {@code relive.e2e.chromium} / {@code relive.e2e.chromedriver}): Selenium Manager never runs, nothing is
 * downloaded. A missing binary is an {@link AssertionError}, so the end-to-end tests fail rather than skip.
 */
public final class Browser implements AutoCloseable {

    static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";
    static final String DEFAULT_CHROMEDRIVER = "/usr/bin/chromedriver";
    /**
     * How long the helpers wait for the page to get somewhere: an answer, a patch, a page load, on a machine that may
     * be busy. A wait that passes costs only its own time, so the margin is wide.
     */
    public static final Duration WAIT = Duration.ofSeconds(30);
    /** How long {@link #waitForSwap} waits: a save is built, the bundle updated and the pages patched. */
    public static final Duration SWAP = Duration.ofSeconds(120);

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    private final List<String> console = new ArrayList<>();
    private boolean closed;

    private Browser(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a headless Chromium with a fresh profile, 1280x900. */
    public static Browser start() throws IOException {
        Path chromium = executable("relive.e2e.chromium", DEFAULT_CHROMIUM, "chromium");
        Path chromedriver = executable("relive.e2e.chromedriver", DEFAULT_CHROMEDRIVER, "chromium-driver");
        System.setProperty("webdriver.chrome.driver", chromedriver.toString());
        Path profile = Files.createTempDirectory("relive-e2e-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--window-size=1280,900",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withLogOutput(java.io.OutputStream.nullOutputStream())
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(90));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
            Browser browser = new Browser(service, driver, profile);
            // a run cut short (no close by the test extension) leaves no ChromeDriver or Chromium behind
            Runtime.getRuntime().addShutdownHook(new Thread(browser::close, "browser-reaper"));
            return browser;
        } catch (WebDriverException e) {
            service.stop();
            deleteTree(profile);
            throw new AssertionError("could not start " + chromium + " through " + chromedriver + ": " + e.getMessage(),
                    e);
        }
    }

    private static Path executable(String property, String fallback, String debianPackage) {
        Path path = Path.of(System.getProperty(property, fallback));
        if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
            throw new AssertionError("the end-to-end tests need " + path + " (Debian package " + debianPackage
                    + ", or set -D" + property + "=...); it is missing");
        }
        return path;
    }

    public ChromeDriver driver() {
        return driver;
    }

    // ---- pages and tabs ----

    /** Loads {@code url} in the current tab and waits until its live view is mounted. */
    public void open(String url) {
        driver.get(url);
        waitForLive();
    }

    /** Opens a new tab, loads {@code url} there and waits until its view is mounted; returns the tab's handle. */
    public String openTab(String url) {
        driver.switchTo().newWindow(WindowType.TAB);
        open(url);
        return driver.getWindowHandle();
    }

    /** Switches to the tab {@code handle}. */
    public void switchTo(String handle) {
        driver.switchTo().window(handle);
    }

    /** Closes every tab but one, which shows {@code about:blank}. */
    public void reset() {
        List<String> handles = new ArrayList<>(driver.getWindowHandles());
        for (int i = 1; i < handles.size(); i++) {
            driver.switchTo().window(handles.get(i));
            driver.close();
        }
        driver.switchTo().window(handles.get(0));
        driver.get("about:blank");
    }

    /** The path of the current tab's URL. */
    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    // ---- the live view ----

    /** Waits until the page's view is mounted over an open socket and nothing is in flight. */
    public void waitForLive() {
        waitUntil("the live view is mounted on " + driver.getCurrentUrl(), () -> Boolean.TRUE.equals(js(
                "return !!(window.Relive && window.Relive.view && window.Relive.view.mounted"
                        + " && !window.Relive.view.tokenStale && window.Relive.state === 'open')")));
        waitForIdle();
    }

    /** Waits until no event is in flight (no element carries {@code rl-loading}). */
    public void waitForIdle() {
        waitUntil("no event in flight", () -> Boolean.TRUE.equals(js(
                "return document.querySelector('[rl-loading]') === null")));
    }

    /**
     * Counts, from now on, the {@code relive:hvr-applied} events of the current page (the client dispatches one when
     * new code is live in its session); read with {@link #hvrApplied()}. On a dev page, waits first until the client's
     * HVR module (loaded after the view starts) listens for the frames, so that no swap from now on goes unseen.
     */
    public void installHvrProbe() {
        waitForHvrClient();
        js("if (!window.__reliveHvr) { window.__reliveHvr = { count: 0, last: null };"
                + " document.addEventListener('relive:hvr-applied', function (e) {"
                + " window.__reliveHvr.count++; window.__reliveHvr.last = e.detail; }); }");
    }

    /**
     * Records, from now on, every HVR toast the current page shows, as {@code role: text}: a toast goes after 3 s,
     * which a busy machine may take between two WebDriver calls. Read with {@link #toasts()}.
     */
    public void recordToasts() {
        js("window.__reliveToasts = []; new MutationObserver(function (records) { records.forEach(function (r) {"
                + " r.addedNodes.forEach(function (n) { if (n.nodeType === 1 && n.hasAttribute('data-relive-toast'))"
                + " window.__reliveToasts.push(n.getAttribute('role') + ': ' + n.textContent); }); }); })"
                + ".observe(document.body, { childList: true });");
    }

    /** The toasts the page showed since {@link #recordToasts()}. */
    @SuppressWarnings("unchecked")
    public List<String> toasts() {
        return (List<String>) js("return window.__reliveToasts.slice()");
    }

    /** On a dev page, waits until the client's HVR module (loaded after the view starts) handles HVR frames. */
    public void waitForHvrClient() {
        waitUntil("the HVR client listens on " + driver.getCurrentUrl(), () -> Boolean.TRUE.equals(js(
                "return !document.querySelector('meta[name=relive-dev][content=true]')"
                        + " || !!(window.Relive && window.Relive.view && window.Relive.view.listeners"
                        + " && window.Relive.view.listeners.has('hvr-applied'))")));
    }

    /** How many {@code relive:hvr-applied} events the current page saw since {@link #installHvrProbe()}. */
    public long hvrApplied() {
        return jsLong("return window.__reliveHvr ? window.__reliveHvr.count : -1");
    }

    /**
     * Asks the server for the whole HTML of the view and waits until the browser has morphed to it. (Uses the
     * client's internal {@code View._requestRender}, as the client does when a patch does not apply.)
     */
    public void requestRender() {
        Object before = js("return window.Relive.view.seq");
        js("window.Relive.view._requestRender()");
        waitUntil("a full render arrives", () -> !Objects.equals(before, js("return window.Relive.view.seq"))
                && Long.valueOf(0).equals(js("return window.Relive.view.renderRef")));
    }

    // ---- elements ----

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public boolean exists(String css) {
        return !findAll(css).isEmpty();
    }

    /** The text of the element {@code css}, as the user sees it. */
    public String text(String css) {
        return find(css).getText();
    }

    /** The DOM property {@code name} of the element {@code css} (e.g. {@code value}, {@code checked}). */
    public String property(String css, String name) {
        return find(css).getDomProperty(name);
    }

    /** Clicks the element {@code css} as a user would (it gets focus). */
    public void click(String css) {
        find(css).click();
    }

    /** Clicks {@code css}, then waits until {@code textCss} reads {@code expected}. */
    public void clickAndWait(String css, String textCss, String expected) {
        click(css);
        waitForText(textCss, expected);
    }

    /** Waits until the element {@code css} exists and its text is {@code expected}. */
    public void waitForText(String css, String expected) {
        waitForText(css, expected::equals, "'" + expected + "'");
    }

    /** Waits until the element {@code css} exists and its text matches {@code test}. */
    public String waitForText(String css, Predicate<String> test, String what) {
        String[] last = { null };
        waitUntil(() -> css + " reads " + what + " (last seen: " + (last[0] == null ? "no element" : "'" + last[0]
                + "'") + ")", WAIT, () -> {
                    try {
                        last[0] = text(css);
                        return test.test(last[0]);
                    } catch (NoSuchElementException | StaleElementReferenceException e) {
                        last[0] = null;
                        return false;
                    }
                });
        return last[0];
    }

    /** Waits until the DOM property {@code name} of {@code css} is {@code expected}. */
    public void waitForProperty(String css, String name, String expected) {
        String[] last = { null };
        waitUntil(() -> css + "." + name + " is '" + expected + "' (last seen: '" + last[0] + "')", WAIT, () -> {
            try {
                last[0] = property(css, name);
                return expected.equals(last[0]);
            } catch (NoSuchElementException | StaleElementReferenceException e) {
                return false;
            }
        });
    }

    /** Waits until {@code condition} holds, for at most {@link #WAIT}. */
    public void waitUntil(String description, Supplier<Boolean> condition) {
        waitUntil(() -> description, WAIT, condition);
    }

    /**
     * Waits until {@code condition} holds, for at most {@link #SWAP}: for what follows a save of a source file (the
     * build, the bundle update, the patches), which takes seconds on an idle machine and many more on a busy one.
     */
    public void waitForSwap(String description, Supplier<Boolean> condition) {
        waitUntil(() -> description, SWAP, condition);
    }

    private void waitUntil(Supplier<String> description, Duration timeout, Supplier<Boolean> condition) {
        try {
            new WebDriverWait(driver, timeout, Duration.ofMillis(50)).ignoring(StaleElementReferenceException.class)
                    .until(d -> condition.get());
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting until "
                    + description.get(), e);
        }
    }

    /** Waits {@code ms} milliseconds: for the checks that something does NOT happen. */
    public void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // ---- JavaScript ----

    /** Runs {@code script} (a function body: use {@code return}) in the page, with {@code arguments}. */
    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** {@link #js} for a number. */
    public long jsLong(String script, Object... args) {
        Object v = js(script, args);
        if (!(v instanceof Number n)) {
            throw new AssertionError("expected a number from `" + script + "`, got " + v);
        }
        return Math.round(n.doubleValue());
    }

    /** The id of the focused element, or an empty string. */
    public String focusedId() {
        return String.valueOf(js("return document.activeElement ? document.activeElement.id : ''"));
    }

    /** {@code [selectionStart, selectionEnd]} of the text field {@code css}. */
    public List<Long> selection(String css) {
        @SuppressWarnings("unchecked")
        List<Object> sel = (List<Object>) js("var e = document.querySelector(arguments[0]);"
                + " return [e.selectionStart, e.selectionEnd];", css);
        return sel.stream().map(o -> ((Number) o).longValue()).toList();
    }

    /** The window's vertical scroll offset. */
    public long scrollY() {
        return jsLong("return Math.round(window.scrollY)");
    }

    // ---- console and screenshots ----

    /** Every console line of the browser so far (all tabs), as {@code LEVEL message}. */
    public synchronized List<String> console() {
        try {
            for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
                console.add(e.getLevel() + " " + e.getMessage());
            }
        } catch (WebDriverException e) {
            console.add("(console not readable: " + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        return List.copyOf(console);
    }

    /** Console lines since {@code mark} (a size of {@link #console()}). */
    public List<String> consoleSince(int mark) {
        List<String> all = console();
        return all.subList(Math.min(mark, all.size()), all.size());
    }

    /** Console lines that tell of a problem: uncaught errors and the client's own warnings ({@code Relive: ...}). */
    public List<String> problemsSince(int mark) {
        return consoleSince(mark).stream()
                .filter(l -> l.contains("Uncaught") || l.contains("Relive:") || l.contains("TypeError")
                        || l.contains("ReferenceError"))
                .toList();
    }

    /** Saves a PNG of the current tab's viewport. */
    public void screenshot(Path png) throws IOException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.move(shot.toPath(), png, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Handles of the open tabs. */
    public List<String> tabs() {
        return new ArrayList<>(driver.getWindowHandles());
    }

    /** Title, URL and a short state of every open tab, for failure reports. */
    public String describeTabs() {
        StringBuilder out = new StringBuilder();
        String current = driver.getWindowHandle();
        for (String h : tabs()) {
            try {
                driver.switchTo().window(h);
                out.append(h.equals(current) ? "* " : "  ").append(driver.getCurrentUrl()).append("  title=")
                        .append(driver.getTitle()).append("  state=")
                        .append(js("return window.Relive ? window.Relive.state + ' mounted=' + window.Relive.view.mounted"
                                + " + ' seq=' + window.Relive.view.seq : 'no client'"))
                        .append('\n');
            } catch (WebDriverException e) {
                out.append("  ").append(h).append(": ").append(e.getMessage().lines().findFirst().orElse(""))
                        .append('\n');
            }
        }
        driver.switchTo().window(current);
        return out.toString();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            driver.quit();
        } catch (WebDriverException e) {
            // already gone
        } finally {
            service.stop();
            deleteTree(profile);
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a file the browser still holds: left for the OS to clean
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }

    /** For failure reports: the values of a few DOM properties of the current page. */
    public Map<String, Object> snapshot() {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) js("return {url: location.href, title: document.title,"
                + " focused: document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : null,"
                + " scrollY: window.scrollY}");
        return m;
    }
}
