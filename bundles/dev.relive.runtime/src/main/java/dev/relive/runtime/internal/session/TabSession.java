package dev.relive.runtime.internal.session;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.relive.api.LiveView;
import dev.relive.api.PageMeta;
import dev.relive.api.ViewSession;
import dev.relive.runtime.internal.invoke.InvocationException;
import dev.relive.runtime.internal.registry.ViewType;
import dev.relive.runtime.internal.render.RenderException;
import dev.relive.runtime.internal.state.StateFields;
import dev.relive.runtime.internal.vdom.Differ;
import dev.relive.runtime.internal.vdom.HtmlParser;
import dev.relive.runtime.internal.vdom.HtmlWriter;
import dev.relive.runtime.internal.vdom.Patch;
import dev.relive.runtime.internal.vdom.VElement;
import dev.relive.runtime.spi.LiveSession;
import dev.relive.runtime.spi.ViewSlot;

/**
 * One browser tab: its root view and child views, the tree the browser shows, and everything that changes them.
 * All state is touched only by tasks on {@link #executor} (or by a holder between {@link #hold()} and
 * {@link #release()}).
 */
public final class TabSession implements ViewSession, LiveSession {

    private static final Logger LOG = LoggerFactory.getLogger(TabSession.class);
    private static final int MAX_CHILD_DEPTH = 8;

    private final String id;
    private final Sessions sessions;
    private final Connection connection;
    private final SerialExecutor executor;
    private Slot root;
    private final Map<String, Slot> children = new LinkedHashMap<>();
    private String route;
    private Map<String, String> params = Map.of();
    private VElement tree;
    private long seq;
    private String title;
    private Map<String, String> meta = Map.of();
    private volatile boolean closed;
    private int renderDepth;

    TabSession(String id, Sessions sessions, Connection connection) {
        this.id = id;
        this.sessions = sessions;
        this.connection = connection;
        this.executor = new SerialExecutor(sessions.workers().pool(), t -> LOG.error("session {} task failed", id, t));
    }

    // ---- ViewSession (the API views see) ----

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean isConnected() {
        return connection != null && !closed;
    }

    @Override
    public Map<String, String> params() {
        return params;
    }

    @Override
    public void push(Runnable change) {
        if (!isConnected()) {
            return;
        }
        executor.execute(() -> {
            if (closed || root == null) {
                return;
            }
            runGuarded(null, change::run, "push");
        });
    }

    @Override
    public void navigate(String url) {
        if (isConnected()) {
            ObjectNode f = sessions.frames().object("navigate").put("url", url);
            connection.send(sessions.frames().text(f));
        }
    }

    @Override
    public void redirect(String url) {
        if (isConnected()) {
            connection.send(sessions.frames().text(sessions.frames().object("redirect").put("url", url)));
        }
    }

    // ---- what the socket calls ----

    /** Queues work for this session; it runs after everything queued before it. */
    void submit(Runnable task) {
        if (!closed) {
            executor.execute(task);
        }
    }

    boolean mounted() {
        return root != null;
    }

    /** Builds the root view for {@code type} and renders it; returns the inner HTML. */
    String mount(ViewType type, String route, Map<String, String> params) {
        this.route = route;
        this.params = Map.copyOf(params);
        LiveView view = type.objects().getService();
        Slot slot = new Slot(null, false, view, type.reference(), type.objects());
        try {
            view.mount(this.params, this);
        } catch (RuntimeException e) {
            slot.release();
            throw e;
        }
        root = slot;
        String html = renderHtml();
        tree = HtmlParser.parse(html);
        html = HtmlWriter.writeInner(tree);
        updateMeta();
        scheduleTicks();
        return html;
    }

    /** Live navigation: the new root replaces the old one; sticky children stay. */
    String navigate(ViewType type, String route, Map<String, String> params) {
        Slot old = root;
        unmount(old);
        children.values().removeIf(c -> {
            if (!c.sticky) {
                unmount(c);
                return true;
            }
            return false;
        });
        root = null;
        return mount(type, route, params);
    }

    String route() {
        return route;
    }

    long seq() {
        return seq;
    }

    String title() {
        return title;
    }

    String rootClassName() {
        return root == null ? null : root.view.getClass().getName();
    }

    /** Runs handler {@code name}, then sends the patch (or ack) for {@code ref}. */
    void event(long ref, String child, String name, JsonNode params) {
        Slot slot = slotFor(ref, child);
        if (slot != null) {
            runGuarded(ref, () -> sessions.invoker().invoke(slot.view, name, params, this), name);
        }
    }

    /** Sets a {@code @Bind} field, then sends the patch (or ack) for {@code ref}. */
    void model(long ref, String child, String field, JsonNode value) {
        Slot slot = slotFor(ref, child);
        if (slot != null) {
            runGuarded(ref, () -> sessions.binder().set(slot.view, field, value), "model " + field);
        }
    }

    /** Sends the whole current HTML (the client could not apply a patch). */
    void sendRender(Long ref) {
        seq++;
        connection.send(sessions.frames().render(ref, seq, HtmlWriter.writeInner(tree)));
    }

    /** Unmounts every view and gives the instances back. Idempotent. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        executor.execute(() -> {
            children.values().forEach(this::unmount);
            children.clear();
            if (root != null) {
                unmount(root);
                root = null;
            }
        });
    }

    /** The runtime is going away (stopped or reconfigured): tell the browser to reconnect, then unmount. */
    void shutdown() {
        if (connection != null && !closed) {
            connection.close(1012, "service restart");
        }
        close();
    }

    boolean isClosed() {
        return closed;
    }

    public void sendError(Long ref, String code, String message, Throwable cause) {
        String detail = sessions.settings().dev() && cause != null ? stackTrace(cause) : null;
        connection.send(sessions.frames().error(ref, code, message, detail));
    }

    // ---- LiveSession (the SPI dev tooling sees) ----

    @Override
    public List<ViewSlot> slots() {
        List<ViewSlot> list = new ArrayList<>();
        Slot r = root;
        if (r != null) {
            list.add(new ViewSlot(null, r.view, r.reference));
        }
        synchronized (children) {
            for (Slot c : children.values()) {
                list.add(new ViewSlot(c.childId, c.view, c.reference));
            }
        }
        return list;
    }

    @Override
    public void hold() throws InterruptedException {
        executor.hold();
    }

    @Override
    public void release() {
        executor.release();
    }

    /** Held by another thread (HVR swapping the session's views). */
    boolean held() {
        return executor.held();
    }

    /** One of the session's views (root or child) is an instance of the service {@code reference}. */
    boolean shows(ServiceReference<?> reference) {
        for (ViewSlot slot : slots()) {
            if (reference.equals(slot.reference())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public LiveView create(ServiceReference<LiveView> reference) {
        ServiceObjects<LiveView> objects = sessions.context().getServiceObjects(reference);
        if (objects == null) {
            throw new IllegalStateException("service " + reference + " is gone");
        }
        LiveView view = objects.getService();
        if (view == null) {
            throw new IllegalStateException("service " + reference + " gave no instance");
        }
        return view;
    }

    @Override
    public void discard(LiveView instance, ServiceReference<LiveView> reference) {
        ServiceObjects<LiveView> objects = sessions.context().getServiceObjects(reference);
        if (objects != null) {
            try {
                objects.ungetService(instance);
            } catch (RuntimeException e) {
                // already gone
            }
        }
    }

    @Override
    public void replace(ViewSlot slot, LiveView instance, ServiceReference<LiveView> reference) {
        Slot target = slot.childId() == null ? root : children.get(slot.childId());
        if (target == null) {
            throw new IllegalArgumentException("no view at " + slot.childId());
        }
        ServiceObjects<LiveView> oldObjects = target.objects;
        LiveView oldView = target.view;
        target.view = instance;
        target.reference = reference;
        target.objects = sessions.context().getServiceObjects(reference);
        try {
            oldObjects.ungetService(oldView);
        } catch (RuntimeException e) {
            // the old service is gone with its bundle revision
        }
    }

    @Override
    public void rerender(Map<String, Object> after) {
        if (closed || root == null) {
            return;
        }
        try {
            renderAndSend(null);
        } catch (RuntimeException e) {
            sendError(null, "render_failed", e.getMessage(), e);
        }
        if (after != null) {
            send(after);
        }
    }

    @Override
    public void send(Map<String, Object> frame) {
        if (!closed) {
            connection.send(sessions.frames().text(frame));
        }
    }

    @Override
    public void reload(String reason) {
        if (!closed) {
            connection.send(sessions.frames().reload(reason));
        }
    }

    // ---- rendering ----

    /**
     * Runs {@code change} on the view state; on success renders and sends a patch (or an ack for {@code ref}); on
     * failure puts the fields back as they were and reports the error, so the view keeps its last good state.
     */
    private void runGuarded(Long ref, Runnable change, String what) {
        Map<Slot, Object[]> before = saveFields();
        try {
            change.run();
            renderAndSend(ref);
        } catch (InvocationException e) {
            restoreFields(before);
            if ("handler_failed".equals(e.code())) {
                LOG.warn("session {}: {}", id, e.getMessage(), e.getCause());
            }
            sendError(ref, e.code(), e.getMessage(), e.getCause());
        } catch (RenderException e) {
            restoreFields(before);
            LOG.warn("session {}: {}", id, e.getMessage());
            sendError(ref, "render_failed", e.getMessage(), e);
        } catch (RuntimeException e) {
            restoreFields(before);
            LOG.warn("session {}: {} failed", id, what, e);
            sendError(ref, "handler_failed", what + " threw " + e, e);
        }
    }

    private void renderAndSend(Long ref) {
        String html = renderHtml();
        VElement next = HtmlParser.parse(html);
        List<Patch> patches = Differ.diff(tree, next);
        String oldTitle = title;
        Map<String, String> oldMeta = meta;
        updateMeta();
        String newTitle = java.util.Objects.equals(oldTitle, title) ? null : title;
        Map<String, String> newMeta = oldMeta.equals(meta) ? null : meta;
        tree = next;
        if (patches.isEmpty() && newTitle == null && newMeta == null) {
            if (ref != null) {
                connection.send(sessions.frames().ack(ref, seq));
            }
        } else {
            seq++;
            connection.send(sessions.frames().patch(seq, ref, patches, newTitle, newMeta));
        }
        scheduleTicks();
    }

    private String renderHtml() {
        for (Slot c : children.values()) {
            c.rendered = false;
        }
        String html = sessions.renderer().render(root.view, this::renderChild);
        synchronized (children) {
            for (Iterator<Slot> it = children.values().iterator(); it.hasNext();) {
                Slot c = it.next();
                if (!c.rendered) {
                    unmount(c);
                    it.remove();
                }
            }
        }
        return html;
    }

    private String renderChild(String childId, String viewClass, boolean sticky) {
        if (renderDepth >= MAX_CHILD_DEPTH) {
            throw new RenderException("child views nested deeper than " + MAX_CHILD_DEPTH, null);
        }
        Slot slot = children.get(childId);
        if (slot != null && !slot.view.getClass().getName().equals(viewClass)
                && !slot.reference.getProperty("component.name").equals(viewClass)) {
            unmount(slot);
            synchronized (children) {
                children.remove(childId);
            }
            slot = null;
        }
        if (slot == null) {
            ViewType type = sessions.registry().byClassName(viewClass)
                    .orElseThrow(() -> new RenderException("no view " + viewClass + " for child '" + childId + "'",
                            null));
            LiveView view = type.objects().getService();
            slot = new Slot(childId, sticky, view, type.reference(), type.objects());
            try {
                view.mount(params, this);
            } catch (RuntimeException e) {
                slot.release();
                throw new RenderException("child '" + childId + "' (" + viewClass + ") failed to mount: " + e, e);
            }
            synchronized (children) {
                children.put(childId, slot);
            }
        }
        slot.rendered = true;
        renderDepth++;
        try {
            String inner = sessions.renderer().render(slot.view, this::renderChild);
            return "<div rl-child=\"" + dev.relive.runtime.internal.web.Html.escape(childId) + "\" rl-view=\""
                    + dev.relive.runtime.internal.web.Html.escape(slot.view.getClass().getName()) + "\">" + inner
                    + "</div>";
        } finally {
            renderDepth--;
        }
    }

    private void updateMeta() {
        PageMeta pm = root.view.pageMeta();
        if (pm == null) {
            pm = PageMeta.NONE;
        }
        title = pm.title() != null ? pm.title() : root.view.getClass().getSimpleName();
        meta = pm.meta();
    }

    private Slot slotFor(long ref, String child) {
        if (child == null) {
            return root;
        }
        Slot slot = children.get(child);
        if (slot == null) {
            sendError(ref, "unknown_child", "no child view '" + child + "'", null);
        }
        return slot;
    }

    private void unmount(Slot slot) {
        try {
            slot.view.unmount();
        } catch (RuntimeException e) {
            LOG.warn("session {}: unmount of {} threw", id, slot.view.getClass().getName(), e);
        }
        slot.release();
    }

    // ---- ticks ----

    private void scheduleTicks() {
        if (!isConnected()) {
            return;
        }
        scheduleTick(root);
        for (Slot c : children.values()) {
            scheduleTick(c);
        }
    }

    private void scheduleTick(Slot slot) {
        Duration interval;
        try {
            interval = slot.view.tickInterval();
        } catch (RuntimeException e) {
            interval = null;
        }
        if (java.util.Objects.equals(interval, slot.tickInterval)) {
            return;
        }
        if (slot.tick != null) {
            slot.tick.cancel(false);
            slot.tick = null;
        }
        slot.tickInterval = interval;
        if (interval == null || interval.isZero() || interval.isNegative()) {
            return;
        }
        long ms = Math.max(10, interval.toMillis());
        slot.tick = sessions.workers().timer().scheduleWithFixedDelay(() -> {
            if (slot.tickQueued.compareAndSet(false, true)) {
                submit(() -> {
                    slot.tickQueued.set(false);
                    if (!closed && (slot == root || children.containsValue(slot))) {
                        runGuarded(null, slot.view::tick, "tick");
                    }
                });
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    // ---- last good state ----

    private Map<Slot, Object[]> saveFields() {
        Map<Slot, Object[]> saved = new LinkedHashMap<>();
        save(root, saved);
        for (Slot c : children.values()) {
            save(c, saved);
        }
        return saved;
    }

    private static void save(Slot slot, Map<Slot, Object[]> saved) {
        List<Field> fields = StateFields.of(slot.view.getClass());
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = fields.get(i).get(slot.view);
            } catch (IllegalAccessException e) {
                values[i] = null;
            }
        }
        saved.put(slot, values);
    }

    private void restoreFields(Map<Slot, Object[]> saved) {
        saved.forEach((slot, values) -> {
            List<Field> fields = StateFields.of(slot.view.getClass());
            for (int i = 0; i < values.length && i < fields.size(); i++) {
                Field f = fields.get(i);
                if (!java.lang.reflect.Modifier.isFinal(f.getModifiers())) {
                    try {
                        f.set(slot.view, values[i]);
                    } catch (IllegalAccessException | IllegalArgumentException e) {
                        // leave it
                    }
                }
            }
        });
    }

    private static String stackTrace(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        String s = w.toString();
        return s.length() > 8000 ? s.substring(0, 8000) : s;
    }
}
