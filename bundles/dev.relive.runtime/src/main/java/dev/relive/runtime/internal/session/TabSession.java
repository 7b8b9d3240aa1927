package dev.relive.runtime.internal.session;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import dev.relive.api.LiveView;
import dev.relive.api.PresenceDiff;
import dev.relive.api.ViewSession;
import dev.relive.api.User;
import dev.relive.runtime.internal.cluster.StoredViews;
import dev.relive.runtime.internal.invoke.FieldBinder;
import dev.relive.runtime.internal.invoke.HandlerInvoker;
import dev.relive.runtime.internal.invoke.InvocationException;
import dev.relive.runtime.internal.protocol.ErrorCode;
import dev.relive.runtime.internal.protocol.ServerFrames;
import dev.relive.api.NotFoundException;
import dev.relive.runtime.internal.registry.RouteMatch;
import dev.relive.runtime.internal.registry.ViewRegistry;
import dev.relive.runtime.internal.render.RenderException;
import dev.relive.runtime.internal.route.BadParamException;
import dev.relive.runtime.internal.render.TemplateRenderer;
import dev.relive.runtime.spi.ReloadReason;

/**
 * One browser tab: its {@link ViewTree}, the order its work runs in, and the frames that tell the browser what
 * changed. Every change to the views runs guarded: when it throws or its render fails, the views get their
 * {@link LastGoodState} back and the browser an error. View state is touched only by tasks on the session's
 * executor (or by a holder between {@link #hold()} and {@link #release()}).
 */
final class TabSession {

    private static final Logger LOG = LoggerFactory.getLogger(TabSession.class);

    private volatile String id;
    /** The key the tab's state is stored under in a cluster; its browser sends it back to resume. */
    private volatile String resumeKey;
    /** Captures and resumes the tab's state in a cluster; {@code null} for tabs made outside the framework. */
    private volatile ClusterTab cluster;
    private final BrowserChannel channel;
    private final SerialExecutor executor;
    private final HandlerInvoker invoker;
    private final FieldBinder binder;
    private final Messaging messaging;
    /** Subscriptions and presence entries held by the tab's views, against {@link Messaging#maxPerTab()}. */
    private final AtomicInteger topicBudget = new AtomicInteger();
    /** The signed-in user ({@code null}: nobody) and the CSRF token the tab's views see. */
    private volatile User user;
    private volatile String csrfToken = "";
    private final ViewTree tree;
    private final Ticks ticks;
    /** The instances Hot View Replacement took out of this tab's views, while threads still hold them. */
    private final RetiredViews retired;
    private long seq;
    /** Renders of the page so far (each event, push, tick or re-render), read by other threads. */
    private volatile long renders;
    private volatile boolean closed;
    /** The session's thread while it runs a change; the follow-ups below are that thread's only. */
    private volatile Thread changeThread;
    private static final int MAX_FOLLOW_UPS = 100;
    /** What the running change's handlers asked to run before its render (a child's message to its parent). */
    private final ArrayDeque<Runnable> followUps = new ArrayDeque<>();
    /** The root view's class, the lane of the worker budget this session's work queues in. */
    private volatile String viewClass = "";

    TabSession(String id, BrowserChannel channel, ViewWorkerBudget workers, ScheduledExecutorService timer,
            TemplateRenderer renderer, ViewRegistry registry, HandlerInvoker invoker, FieldBinder binder) {
        this(id, channel, workers, timer, renderer, registry, invoker, binder, Messaging.local());
    }

    TabSession(String id, BrowserChannel channel, ViewWorkerBudget workers, ScheduledExecutorService timer,
            TemplateRenderer renderer, ViewRegistry registry, HandlerInvoker invoker, FieldBinder binder,
            Messaging messaging) {
        this.id = id;
        this.messaging = messaging;
        this.channel = channel;
        this.executor = new SerialExecutor(workers.executor(() -> viewClass),
                t -> LOG.error("session {} task failed", id, t));
        this.invoker = invoker;
        this.binder = binder;
        this.tree = new ViewTree(renderer, registry, id, this::sessionFor, this::afterHandler);
        this.ticks = new Ticks(timer, this::submit, this::tick);
        this.retired = new RetiredViews(this::id, slot -> tree.slots().contains(slot));
    }

    String id() {
        return id;
    }

    /** Stream items remembered per container (see {@link ViewTree#rememberStreamItems}); set before the mount. */
    void rememberStreamItems(int limit) {
        tree.rememberStreamItems(limit);
    }

    String resumeKey() {
        return resumeKey;
    }

    /** The tab takes the session id and resume key of the tab it resumes (or of its own tab, again). */
    void resumeAs(String id, String resumeKey) {
        this.id = id;
        this.resumeKey = resumeKey;
    }

    /** The tab's state is written to a cluster's store under {@code resumeKey}, through {@code cluster}. */
    void joinCluster(ClusterTab cluster, String resumeKey) {
        this.cluster = cluster;
        this.resumeKey = resumeKey;
    }

    ClusterTab cluster() {
        return cluster;
    }

    boolean isConnected() {
        return channel.connected() && !closed;
    }

    boolean isClosed() {
        return closed;
    }

    Map<String, String> params() {
        return tree.params();
    }

    ViewTree tree() {
        return tree;
    }

    RetiredViews retired() {
        return retired;
    }

    /** Runs {@code change} guarded, then renders and sends the patch; returns whether it succeeded. */
    boolean runChange(Runnable change, String what) {
        return runGuarded(null, change, what);
    }

    /** Queues work for this session; it runs after everything queued before it. */
    void submit(Runnable task) {
        if (!closed) {
            executor.execute(task);
        }
    }

    /** Runs {@code change} (from a view's own thread) on the session, guarded, then sends the patch. */
    void push(Runnable change) {
        if (!isConnected()) {
            return;
        }
        executor.execute(() -> {
            if (!closed && tree.mounted()) {
                runGuarded(null, retired.forwarding(change), "push");
            }
        });
    }

    /**
     * Runs {@code task} (a child's message to its parent) as part of the change running now on the session's thread,
     * after its handler and before its render, so that the change's one patch carries both; from any other thread
     * (a view's own), or during a render, as the session's next task.
     */
    void afterHandler(Runnable task) {
        if (Thread.currentThread() == changeThread) {
            followUps.add(task);
        } else {
            push(task);
        }
    }

    /** Sends one frame unless the session is closed. */
    void send(String frame) {
        if (!closed) {
            channel.send(frame);
        }
    }

    /**
     * Sends one frame after the task running now on the session (a change and its patch), or after the tasks
     * queued so far when called from another thread.
     */
    void sendAfterChange(String frame) {
        submit(() -> send(frame));
    }

    void sendError(Long ref, ErrorCode code, String message, Throwable cause) {
        channel.error(ref, code, message, cause);
    }

    /** The signed-in user ({@code null}: nobody) and CSRF token its views see from the next mount on. */
    void identify(User user, String csrfToken) {
        this.user = user;
        this.csrfToken = csrfToken;
    }

    User user() {
        return user;
    }

    String csrfToken() {
        return csrfToken;
    }

    /** Mounts the root view for the page at {@code url} served by {@code match}; returns its inner HTML. */
    String mount(RouteMatch match, String url, Map<String, String> query) {
        return mount(match, url, query, null);
    }

    /** The same, the views given their {@code stored} state instead of a mount ({@code null}: mounted). */
    String mount(RouteMatch match, String url, Map<String, String> query, StoredViews stored) {
        viewClass = match.type().className();
        String html = tree.mount(match, url, query, stored);
        scheduleTicks();
        return html;
    }

    /** Live navigation: the new root replaces the old one; sticky children stay. */
    String navigate(RouteMatch match, String url, Map<String, String> query) {
        viewClass = match.type().className();
        String html = tree.navigate(match, url, query);
        scheduleTicks();
        return html;
    }

    /** The markup the root view's layout adds to the page's {@code <head>}. */
    String head() {
        return tree.head();
    }

    /** The URL changes within the root view; answers {@code ref} with the patch, or an error leaving it as it was. */
    void changeUrl(Long ref, RouteMatch match, String url, Map<String, String> query) {
        runGuarded(ref, () -> tree.changeUrl(match, url, query), "urlChanged");
    }

    /** Asks the browser to change its URL to {@code url} (it answers with a {@code url} frame). */
    void requestUrl(String url, boolean replace) {
        if (isConnected()) {
            send(ServerFrames.url(url, replace));
        }
    }

    /**
     * The frame that answers a mount or a live navigation ({@code ref}), with its {@code html} and the largest frame
     * the client may send.
     */
    String mountedFrame(Long ref, String html, String token, int maxFrameBytes) {
        ClusterTab c = cluster;
        return ServerFrames.mounted(new ServerFrames.Mounted(ref, id, tree.rootClassName(), tree.route(), seq, html,
                tree.title(), token), c != null && c.resumable() ? resumeKey : null, maxFrameBytes);
    }

    /** Runs handler {@code name}, then sends the patch (or ack) for {@code ref}. */
    void event(long ref, String child, String name, JsonNode params) {
        Slot slot = slotFor(ref, child);
        if (slot != null) {
            runGuarded(ref, () -> invoker.invoke(slot.view, name, params, slot.session), name);
        }
    }

    /** Sets a {@code @Bind} field, then sends the patch (or ack) for {@code ref}. */
    void model(long ref, String child, String field, JsonNode value) {
        Slot slot = slotFor(ref, child);
        if (slot != null) {
            runGuarded(ref, () -> binder.set(slot.view, field, value), "model " + field);
        }
    }

    /** Sends the whole current HTML (the client could not apply a patch). */
    void sendRender(Long ref) {
        tree.forgetStreamItems();
        seq++;
        channel.send(ServerFrames.render(ref, seq, tree.html()));
    }

    /**
     * Renders the views as they are now and sends the patches; a failed render is reported ({@code render_failed}),
     * not thrown, and returned; null when it rendered.
     */
    RuntimeException rerender() {
        if (closed || !tree.mounted()) {
            return null;
        }
        try {
            renderAndSend(null);
            return null;
        } catch (RuntimeException e) {
            if (e instanceof RenderException) {
                LOG.warn("session {}: {}", id, e.getMessage());
            } else if (channel.dev()) { // production logs it once, under its incident number
                LOG.warn("session {}: render failed", id, e);
            }
            sendError(null, ErrorCode.RENDER_FAILED, e.getMessage(), e);
            return e;
        }
    }

    void reload(ReloadReason reason) {
        send(ServerFrames.reload(reason, null));
    }

    /** A reload about {@code view}'s state, which a dev page names (production frames name no class). */
    void reload(ReloadReason reason, String view) {
        send(ServerFrames.reload(reason, channel.dev() ? view : null));
    }

    /** Unmounts every view and gives the instances back. Idempotent. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        tree.slots().forEach(slot -> slot.topics.close()); // presence entries go now, even while the tab is held
        executor.execute(tree::unmountAll);
    }

    /** The runtime is going away (stopped or reconfigured): tell the browser to reconnect, then unmount. */
    void shutdown() {
        if (!closed) {
            channel.close(1012, "service restart");
        }
        close();
    }

    void hold() throws InterruptedException {
        executor.hold();
    }

    void release() {
        executor.release();
    }

    /** Held by another thread (HVR swapping the session's views). */
    boolean held() {
        return executor.held();
    }

    /** Tasks (events, pushes, ticks) waiting for their turn. */
    int queued() {
        return executor.queued();
    }

    /** How many times the page has been rendered and its patches sent; changes only on the session's turn. */
    long renders() {
        return renders;
    }

    /** Since when an event or other task has waited for its turn; see {@link SerialExecutor#waitingSince()}. */
    OptionalLong waitingSince() {
        return executor.waitingSince();
    }

    /** One of the session's views (root or child) is an instance of the service {@code reference}. */
    boolean shows(ServiceReference<?> reference) {
        return tree.slots().stream().anyMatch(slot -> reference.equals(slot.reference));
    }

    /** One of the session's views is an instance of a class of {@code bundle}. */
    boolean showsViewOf(Bundle bundle) {
        return tree.slots().stream().anyMatch(slot -> bundle.equals(FrameworkUtil.getBundle(slot.view.getClass())));
    }

    /** Queues a message of {@code topic} for the view in {@code slot}: delivered in order with events, then a render. */
    private void deliver(Slot slot, String topic, Object message) {
        submit(() -> {
            if (!closed && tree.contains(slot)) {
                runGuarded(null, () -> receive(slot.view, topic, message), "message on " + topic);
            }
        });
    }

    private static void receive(LiveView view, String topic, Object message) {
        if (message instanceof PresenceDiff diff) {
            view.presenceChanged(topic, diff);
        } else {
            view.message(topic, message);
        }
    }

    private ViewSession sessionFor(Slot slot, Consumer<Object> toParent) {
        slot.topics = new SlotTopics(messaging, id, topicBudget, (topic, message) -> deliver(slot, topic, message));
        return new TabViewSession(this, slot.topics, toParent);
    }

    private void tick(Slot slot) {
        if (!closed && tree.contains(slot)) {
            runGuarded(null, slot.view::tick, "tick");
        }
    }

    /**
     * Runs {@code change} on the view state; on success renders and sends a patch (or an ack for {@code ref}); on
     * failure puts the fields back as they were and reports the error, so the view keeps its last good state.
     */
    private boolean runGuarded(Long ref, Runnable change, String what) {
        LastGoodState before = LastGoodState.of(tree.slots());
        followUps.clear();
        changeThread = Thread.currentThread();
        try {
            change.run();
            runFollowUps();
            changeThread = null;
            renderAndSend(ref);
            ClusterTab c = cluster;
            if (c != null) {
                c.changed();
            }
            return true;
        } catch (InvocationException e) {
            restore(before);
            if (e.code() == ErrorCode.HANDLER_FAILED && channel.dev()) { // production: under its incident number
                LOG.warn("session {}: {}", id, e.getMessage(), e.getCause());
            }
            sendError(ref, e.code(), e.getMessage(), e.getCause());
        } catch (BadParamException e) {
            restore(before);
            sendError(ref, ErrorCode.BAD_PARAMS, e.getMessage(), null);
        } catch (NotFoundException e) {
            restore(before);
            sendError(ref, ErrorCode.UNKNOWN_ROUTE, "not found: " + e.getMessage(), null);
        } catch (RenderException e) {
            restore(before);
            LOG.warn("session {}: {}", id, e.getMessage());
            sendError(ref, ErrorCode.RENDER_FAILED, e.getMessage(), e);
        } catch (RuntimeException e) {
            restore(before);
            if (channel.dev()) { // production logs it once, under its incident number
                LOG.warn("session {}: {} failed", id, what, e);
            }
            sendError(ref, ErrorCode.HANDLER_FAILED, what + " threw " + e, e);
        } finally {
            changeThread = null;
            followUps.clear();
        }
        return false;
    }

    /** Runs the follow-ups of the change, and those they add, up to {@value #MAX_FOLLOW_UPS}. */
    private void runFollowUps() {
        int run = 0;
        for (Runnable next = followUps.poll(); next != null; next = followUps.poll()) {
            if (++run > MAX_FOLLOW_UPS) {
                throw new IllegalStateException("more than " + MAX_FOLLOW_UPS + " messages from child views to "
                        + "their parents in one change: do parents and children keep answering each other?");
            }
            next.run();
        }
    }

    /**
     * Puts the views' fields back; the children are given their parent's values again at the next render, since
     * those of the failed render may have reached them.
     */
    private void restore(LastGoodState before) {
        before.restore();
        tree.forgetChildProps();
    }

    private void renderAndSend(Long ref) {
        ViewTree.Update update = tree.render();
        renders++;
        if (update.isEmpty()) {
            if (ref != null) {
                channel.send(ServerFrames.ack(ref, seq));
            }
        } else {
            seq++;
            channel.send(ServerFrames.patch(seq, ref, update.patches(), update.title(), update.meta()));
        }
        scheduleTicks();
    }

    private void scheduleTicks() {
        if (isConnected()) {
            ticks.schedule(tree.slots());
        }
    }

    private Slot slotFor(long ref, String child) {
        Slot slot = tree.slot(child);
        if (slot == null && child != null) {
            sendError(ref, ErrorCode.UNKNOWN_CHILD, "no child view '" + child + "'", null);
        }
        return slot;
    }
}
