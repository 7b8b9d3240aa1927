package dev.relive.hvr.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.osgi.service.component.annotations.Component;

/**
 * What Hot View Replacement has done, for {@code hvr:status} and the tests: per bundle the last build, per view
 * class the version and last outcome. Thread-safe.
 */
@Component(service = HvrStatus.class)
public class HvrStatus {

    /** The last build of one bundle project. {@code phases} in milliseconds, in the order they ran. */
    public record Build(String bundle, boolean ok, String summary, Instant at, Map<String, Long> phases) {
    }

    /** The swap history of one view class. */
    public record View(String className, int version, String lastOutcome, Instant at) {
    }

    /** How the outcome of a view whose page did not render with the new code begins. */
    public static final String RENDER_FAILED = "render failed: ";

    private volatile boolean enabled;
    private volatile boolean watching;
    private volatile List<Path> watched = List.of();
    private volatile String unavailable;
    private volatile String compiler;
    private volatile String warmUp = "not started";
    private final Map<String, Build> builds = new ConcurrentHashMap<>();
    private final Map<String, View> views = new ConcurrentHashMap<>();
    /** This run of the runtime, as pages that poll {@link #changes()} tell it from the next one. */
    private final String run = Long.toHexString(ThreadLocalRandom.current().nextLong());
    private long changes;
    private long lastChange;

    public void configured(boolean enabled, boolean watching, List<Path> watched) {
        this.enabled = enabled;
        this.watching = watching;
        this.watched = List.copyOf(watched);
    }

    /** Why the watcher or compiler could not start, or {@code null}. */
    public String unavailable() {
        return unavailable;
    }

    public void unavailable(String reason) {
        this.unavailable = reason;
    }

    /** The compiler in use (e.g. {@code ecj 3.46.100}), or {@code null} before the watcher started. */
    public String compiler() {
        return compiler;
    }

    public void compiler(String name) {
        this.compiler = name;
    }

    /**
     * Where the warm-up stands: {@code not started}, {@code running (...)} or {@code ended: <why>, ...}; a line of
     * {@code hvr:status}.
     */
    public String warmUp() {
        return warmUp;
    }

    public void warmUp(String state) {
        this.warmUp = state;
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean watching() {
        return watching;
    }

    public List<Path> watched() {
        return watched;
    }

    public void built(Build build) {
        builds.put(build.bundle(), build);
    }

    public Map<String, Build> builds() {
        return new TreeMap<>(builds);
    }

    /** Records a swap of {@code className}; returns the new version (1 for the first swap). */
    public int swapped(String className, String outcome) {
        View v = views.merge(className, new View(className, 1, outcome, Instant.now()),
                (old, n) -> new View(className, old.version() + 1, outcome, n.at()));
        return v.version();
    }

    /** Records an outcome that did not change the code in use (a fallback, a failed build). */
    public void outcome(String className, String outcome) {
        views.merge(className, new View(className, 0, outcome, Instant.now()),
                (old, n) -> new View(className, old.version(), outcome, n.at()));
    }

    /**
     * The page showing {@code className} is being rendered again: an outcome saying its render failed no longer holds
     * (a render that fails again records it again).
     */
    public void renderingAgain(String className) {
        views.computeIfPresent(className, (name, old) -> old.lastOutcome().startsWith(RENDER_FAILED)
                ? new View(name, old.version(), "rendered again", Instant.now()) : old);
    }

    public int version(String className) {
        View v = views.get(className);
        return v == null ? 0 : v.version();
    }

    public Map<String, View> views() {
        return new TreeMap<>(views);
    }

    /** What HVR changed in this run: how much, and when last; what a page that could not be shown polls. */
    public record Changes(String run, long count, long lastMillis) {
    }

    /** A template save was applied, or a bundle started or went: what a page shows may have changed. */
    public synchronized void changed() {
        changes++;
        lastChange = System.currentTimeMillis();
    }

    public synchronized Changes changes() {
        return new Changes(run, changes, lastChange);
    }
}
