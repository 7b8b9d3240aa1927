package dev.relive.runtime.internal.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.runtime.cluster.SessionStateStore;
import dev.relive.runtime.internal.config.RuntimeSettings;
import dev.relive.runtime.internal.state.StateMapper;
import dev.relive.runtime.internal.swap.InjectedFields;

/**
 * Writes the state of changed tabs to the cluster's {@link SessionStateStore}, behind their events: a changed tab is
 * marked dirty, and one scheduler thread writes each dirty tab at most once per {@code cluster_state_write_delay_ms}:
 * the capture runs on the tab's executor (after the events queued before it), the store's {@code put} on the
 * scheduler. A state that cannot be stored removes the tab's entry (it would resume stale) and is logged once per
 * view class. Without a store, {@link #changed} returns at once and no thread exists.
 */
@Component(service = StateWriter.class)
public class StateWriter {

    private static final Logger LOG = LoggerFactory.getLogger(StateWriter.class);
    /** A mapper caches serializers per view class: renewed now and then so that old bundle revisions can go. */
    private static final long MAPPER_LIFETIME_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final long delayNanos;
    private final Duration ttl;
    private final TabStateCodec codec;
    private final Function<ServiceReference<?>, Set<String>> injected;
    /** The injected fields by view service, looked up once per service (the lookup builds SCR's DTOs). */
    private final Map<ServiceReference<?>, Set<String>> injectedByService =
            Collections.synchronizedMap(new WeakHashMap<>());
    private final Map<String, Dirty> tabs = new ConcurrentHashMap<>();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private volatile SessionStateStore store;
    /** This member is stopping: tabs whose sockets close now are resumed elsewhere, so no entry is removed. */
    private volatile boolean retiring;
    private volatile ScheduledExecutorService scheduler;
    /** Made on first use, not at activation (Jackson is not loaded before the launch's first page), then renewed. */
    private volatile ObjectMapper mapper;
    private volatile long mapperMade;

    private BundleContext context;
    private SynchronousBundleListener frameworkStop;

    @Activate
    public StateWriter(@Reference RuntimeSettings settings, @Reference ServiceComponentRuntime scr,
            BundleContext context) {
        this(settings.clusterStateWriteDelayMs(), settings.clusterStateTtlSeconds(), settings.clusterStateMaxBytes(),
                InjectedFields.lookup(scr));
        // the framework's stop begins with the system bundle STOPPING, before any bundle (Jetty's included) stops and
        // closes sockets: the moment to write every changed tab while the store and the tabs still work
        this.context = context;
        this.frameworkStop = event -> {
            if (event.getType() == BundleEvent.STOPPING && event.getBundle().getBundleId() == 0) {
                retire(Duration.ofSeconds(5));
            }
        };
        context.addBundleListener(frameworkStop);
    }

    public StateWriter(long delayMs, long ttlSeconds, int maxBytes,
            Function<ServiceReference<?>, Set<String>> injected) {
        this.delayNanos = TimeUnit.MILLISECONDS.toNanos(delayMs);
        this.ttl = Duration.ofSeconds(ttlSeconds);
        this.codec = new TabStateCodec(maxBytes);
        this.injected = injected;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public synchronized void setStore(SessionStateStore store) {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "relive-state-writer");
                t.setDaemon(true);
                return t;
            });
        }
        this.store = store;
    }

    public synchronized void unsetStore(SessionStateStore gone) {
        if (store == gone) {
            store = null;
            tabs.clear();
        }
    }

    @Deactivate
    public synchronized void stop() {
        if (context != null) {
            try {
                context.removeBundleListener(frameworkStop);
            } catch (IllegalStateException e) {
                // the bundle is already stopping
            }
        }
        store = null;
        if (scheduler != null) {
            scheduler.shutdown();
        }
    }

    /** Whether a store is there: tabs are written and resumed. */
    public boolean active() {
        return store != null;
    }

    /** {@code tab} changed: its state is written within the delay. Any thread. */
    public void changed(StatefulTab tab) {
        if (store == null) {
            return;
        }
        Dirty dirty = tabs.computeIfAbsent(tab.resumeKey(), k -> new Dirty(tab));
        if (dirty.tab == tab && dirty.scheduled.compareAndSet(false, true)) {
            long wait = dirty.written ? Math.max(0, dirty.lastWrite + delayNanos - System.nanoTime()) : 0;
            scheduleQuietly(() -> write(dirty), wait);
        }
    }

    /** The sessions of this member serve (again): closed tabs take their entries along. */
    public void serve() {
        retiring = false;
    }

    /**
     * This member is stopping gracefully (a restart, a rolling upgrade): every tab changed since its last write is
     * written now, on its executor, waiting at most {@code max} for all of them; from now on no entry is removed, as
     * the sockets the stop closes look like tabs their browsers closed. Their browsers reconnect to another member
     * and resume there.
     */
    public void retire(Duration max) {
        SessionStateStore s = store;
        retiring = true;
        if (s == null) {
            return;
        }
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (Dirty dirty : tabs.values()) {
            // a write under way counts as not written: its put may still wait on the scheduler, which the stop ends
            if (dirty.tab.isClosed() || (dirty.written && !dirty.scheduled.get() && !dirty.inFlight)) {
                continue;
            }
            CompletableFuture<Void> done = new CompletableFuture<>();
            writes.add(done);
            dirty.tab.submit(() -> {
                try {
                    long version = ++dirty.captured;
                    byte[] bytes = encode(dirty.tab);
                    if (bytes != null) {
                        store(s, dirty, version, bytes);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Cluster state not stored at the stop: the store failed: {}", e.toString());
                } finally {
                    done.complete(null);
                }
            });
        }
        try {
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("Cluster state: {} of {} changed tabs not written within {} s of the stop",
                    writes.stream().filter(w -> !w.isDone()).count(), writes.size(), max.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code tab}'s connection dropped and the tab is about to close: its changes not written yet are written now,
     * captured on its executor before the close's unmount, as its browser may resume it here or on another member.
     * Call before closing the tab.
     */
    public void dropping(StatefulTab tab) {
        SessionStateStore s = store;
        Dirty dirty = tabs.get(tab.resumeKey());
        if (s == null || dirty == null || dirty.tab != tab
                || (dirty.written && !dirty.scheduled.get() && !dirty.inFlight)) {
            return;
        }
        tab.submit(() -> {
            long version = ++dirty.captured;
            byte[] bytes = encode(tab);
            if (bytes != null) {
                scheduleQuietly(() -> store(s, dirty, version, bytes), 0);
            }
        });
    }

    /** {@code tab} ended; {@code forGood}: closed by its browser or signed out (its entry goes), not dropped. */
    public void closed(StatefulTab tab, boolean forGood) {
        SessionStateStore s = store;
        tabs.computeIfPresent(tab.resumeKey(), (k, d) -> d.tab == tab ? null : d);
        if (s != null && forGood && !retiring) {
            scheduleQuietly(() -> s.remove(tab.resumeKey()), 0);
        }
    }

    /** The live tab of this member written under {@code resumeKey}, if there is one. */
    public Optional<StatefulTab> liveTab(String resumeKey) {
        Dirty dirty = tabs.get(resumeKey);
        return dirty == null ? Optional.empty() : Optional.of(dirty.tab);
    }

    /** The state stored under {@code resumeKey}, when a store has one of the current format. Blocks on the store. */
    public Optional<TabState> read(String resumeKey) {
        SessionStateStore s = store;
        if (s == null || resumeKey == null) {
            return Optional.empty();
        }
        return s.get(resumeKey).flatMap(codec::decode);
    }

    /** The mapper restores and captures use now. */
    public ObjectMapper mapper() {
        ObjectMapper m = mapper;
        if (m == null || System.nanoTime() - mapperMade > MAPPER_LIFETIME_NANOS) {
            m = StateMapper.create();
            mapperMade = System.nanoTime();
            mapper = m;
        }
        return m;
    }

    public Set<String> injected(ServiceReference<?> reference) {
        return injectedByService.computeIfAbsent(reference, injected);
    }

    private void write(Dirty dirty) {
        StatefulTab tab = dirty.tab;
        // the interval counts from here: changes from now on are written by the next write, a delay later
        dirty.lastWrite = System.nanoTime();
        dirty.written = true;
        dirty.inFlight = true;
        dirty.scheduled.set(false);
        if (tab.isClosed() || tabs.get(tab.resumeKey()) != dirty) {
            dirty.inFlight = false;
            return;
        }
        tab.submit(() -> {
            long version = ++dirty.captured;
            byte[] bytes = encode(tab);
            if (bytes == null) {
                dirty.inFlight = false;
                return;
            }
            scheduleQuietly(() -> put(dirty, version, bytes), 0);
        });
    }

    /**
     * The tab's state as stored, or null when it cannot be stored: then its entry goes (it would resume stale) and
     * the view class is logged once. On the tab's executor.
     */
    private byte[] encode(StatefulTab tab) {
        try {
            return codec.encode(tab.capture(mapper(), this::injected));
        } catch (UnstorableStateException e) {
            refuse(tab, e.viewClass(), e.getMessage(), null);
        } catch (RuntimeException | StackOverflowError e) {
            // a value Jackson cannot walk (a cycle it recursed into) is as unstorable as one it refused
            refuse(tab, tab.viewClass(), e.toString(), null);
        }
        return null;
    }

    private void put(Dirty dirty, long version, byte[] bytes) {
        SessionStateStore s = store;
        try {
            if (s != null && tabs.get(dirty.tab.resumeKey()) == dirty) {
                store(s, dirty, version, bytes);
            }
        } catch (RuntimeException e) {
            LOG.warn("Cluster state not stored: the store failed: {}", e.toString());
        } finally {
            dirty.inFlight = false;
        }
    }

    /**
     * Puts a capture of {@code dirty}'s tab unless a later one is stored already: the scheduler's writes and the
     * stop's may race for the same tab, and the older state must not land last.
     */
    private void store(SessionStateStore s, Dirty dirty, long version, byte[] bytes) {
        synchronized (dirty) {
            if (version > dirty.stored) {
                s.put(dirty.tab.resumeKey(), bytes, ttl);
                dirty.stored = version;
            }
        }
    }

    private void refuse(StatefulTab tab, String viewClass, String reason, Throwable cause) {
        if (reported.add(viewClass)) {
            LOG.warn("Cluster state not stored: {}: {}", viewClass, reason, cause);
        }
        SessionStateStore s = store;
        if (s != null) {
            scheduleQuietly(() -> s.remove(tab.resumeKey()), 0);
        }
    }

    private void scheduleQuietly(Runnable task, long delay) {
        ScheduledExecutorService s = scheduler;
        if (s == null) {
            return;
        }
        try {
            s.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("Cluster state store failed: {}", e.toString());
                }
            }, delay, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // stopping
        }
    }

    /** A tab known to have changed since its last write, with its write scheduled or not. */
    private static final class Dirty {
        final StatefulTab tab;
        final AtomicBoolean scheduled = new AtomicBoolean();
        volatile long lastWrite;
        volatile boolean written;
        /** A write has begun (its capture queued or its put pending) and has not ended. */
        volatile boolean inFlight;
        /** The number of the last capture, counted on the tab's executor, so in the order of its events. */
        volatile long captured;
        /** The number of the capture the store holds; guarded by the {@code Dirty}. */
        long stored;

        Dirty(StatefulTab tab) {
            this.tab = tab;
        }
    }
}
