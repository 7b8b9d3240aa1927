package dev.relive.runtime.internal.session;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.relive.api.LiveView;
import dev.relive.api.PageMeta;
import dev.relive.api.ViewSession;
import dev.relive.runtime.internal.registry.RouteMatch;
import dev.relive.runtime.internal.registry.ViewRegistry;
import dev.relive.runtime.internal.registry.ViewType;
import dev.relive.runtime.internal.render.RenderException;
import dev.relive.runtime.internal.route.UrlFields;
import dev.relive.runtime.internal.render.TemplateRenderer;
import dev.relive.runtime.internal.vdom.Differ;
import dev.relive.runtime.internal.vdom.HtmlEscaper;
import dev.relive.runtime.internal.vdom.HtmlParser;
import dev.relive.runtime.internal.vdom.HtmlWriter;
import dev.relive.runtime.internal.vdom.Patch;
import dev.relive.runtime.internal.vdom.VElement;

/**
 * The views of one tab and the tree the browser shows: the root view and its child views, mounted, rendered and
 * diffed against what was last rendered, with the page's title and meta. Only the session's tasks (or a holder of
 * the session) call it; {@link #slots()} may be read from any thread.
 */
final class ViewTree {

    private static final Logger LOG = LoggerFactory.getLogger(ViewTree.class);
    private static final int MAX_CHILD_DEPTH = 8;

    private final TemplateRenderer renderer;
    private final ViewRegistry registry;
    private final ViewSession session;
    private volatile Slot root;
    private final Map<String, Slot> children = new LinkedHashMap<>();
    private final Flash flash = new Flash();
    private PageLocation location = PageLocation.NONE;
    private VElement tree;
    private String title;
    private Map<String, String> meta = Map.of();
    private int renderDepth;

    /** {@code session}: what the tree's views are mounted with. */
    ViewTree(TemplateRenderer renderer, ViewRegistry registry, ViewSession session) {
        this.renderer = renderer;
        this.registry = registry;
        this.session = session;
    }

    /**
     * What changed in a render: the patches, and the title and meta when they changed (else {@code null}).
     */
    record Update(List<Patch> patches, String title, Map<String, String> meta) {
        boolean isEmpty() {
            return patches.isEmpty() && title == null && meta == null;
        }
    }

    /**
     * Builds the root view for the page at {@code url} (path and query, served by {@code match}) and renders it;
     * returns the inner HTML.
     */
    String mount(RouteMatch match, String url, Map<String, String> query) {
        ViewType type = match.type();
        location = PageLocation.of(url, type.route(), match.params(), query);
        LiveView view = type.objects().getService();
        Slot slot = new Slot(null, false, view, type.reference(), type.objects());
        try {
            UrlFields.apply(view, match.params(), query);
            view.mount(location.params(), session);
            view.urlChanged(session);
        } catch (RuntimeException e) {
            slot.release();
            throw e;
        }
        root = slot;
        tree = HtmlParser.parse(renderHtml());
        updateMeta();
        return HtmlWriter.writeInner(tree);
    }

    /**
     * The page's URL changes to {@code url} within the root view ({@code match} names the root's type): its URL
     * fields are set and {@code urlChanged} runs. When that throws, the URL stays as it was (the caller restores the
     * fields).
     */
    void changeUrl(RouteMatch match, String url, Map<String, String> query) {
        PageLocation before = location;
        try {
            location = PageLocation.of(url, before.route(), match.params(), query);
            UrlFields.apply(root.view, match.params(), query);
            root.view.urlChanged(session);
        } catch (RuntimeException e) {
            location = before;
            throw e;
        }
    }

    /** The root view's class name is {@code className}. */
    boolean shows(String className) {
        Slot r = root;
        return r != null && (className.equals(r.reference.getProperty("component.name"))
                || className.equals(r.view.getClass().getName()));
    }

    Flash flash() {
        return flash;
    }

    /** Live navigation: the new root replaces the old one; sticky children stay. */
    String navigate(RouteMatch match, String url, Map<String, String> query) {
        flash.navigated();
        unmount(root);
        synchronized (children) {
            children.values().removeIf(c -> {
                if (!c.sticky) {
                    unmount(c);
                    return true;
                }
                return false;
            });
        }
        root = null;
        return mount(match, url, query);
    }

    /** Renders the views as they are now and diffs against the last render. */
    Update render() {
        VElement next = HtmlParser.parse(renderHtml());
        List<Patch> patches = Differ.diff(tree, next);
        String oldTitle = title;
        Map<String, String> oldMeta = meta;
        updateMeta();
        tree = next;
        return new Update(patches, Objects.equals(oldTitle, title) ? null : title, oldMeta.equals(meta) ? null : meta);
    }

    /** The inner HTML of the last render. */
    String html() {
        return HtmlWriter.writeInner(tree);
    }

    boolean mounted() {
        return root != null;
    }

    /** The path of the page's current URL. */
    String route() {
        return location.path();
    }

    Map<String, String> params() {
        return location.params();
    }

    /** The route of the root view, as declared ({@code /tasks/{id}}). */
    String routePattern() {
        return location.route();
    }

    /** Path and query of the page's current URL. */
    String url() {
        return location.url();
    }

    String title() {
        return title;
    }

    String rootClassName() {
        Slot r = root;
        return r == null ? null : r.view.getClass().getName();
    }

    /** The root's slot when {@code childId} is null, else the child's; {@code null} when there is none. */
    Slot slot(String childId) {
        if (childId == null) {
            return root;
        }
        synchronized (children) {
            return children.get(childId);
        }
    }

    /** The root and the children, root first; empty before the mount. */
    List<Slot> slots() {
        List<Slot> list = new ArrayList<>();
        Slot r = root;
        if (r != null) {
            list.add(r);
        }
        synchronized (children) {
            list.addAll(children.values());
        }
        return list;
    }

    /** Whether {@code slot} is still on the page. */
    boolean contains(Slot slot) {
        synchronized (children) {
            return slot == root || children.containsValue(slot);
        }
    }

    /** Unmounts every view and gives the instances back. */
    void unmountAll() {
        synchronized (children) {
            children.values().forEach(this::unmount);
            children.clear();
        }
        if (root != null) {
            unmount(root);
            root = null;
        }
    }

    private String renderHtml() {
        synchronized (children) {
            for (Slot c : children.values()) {
                c.rendered = false;
            }
        }
        String html = flash.html() + renderer.render(root.view, this::renderChild);
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
        Slot slot = childFor(childId, viewClass, sticky);
        slot.rendered = true;
        renderDepth++;
        try {
            String inner = renderer.render(slot.view, this::renderChild);
            return "<div rl-child=\"" + HtmlEscaper.attribute(childId) + "\" rl-view=\""
                    + HtmlEscaper.attribute(slot.view.getClass().getName()) + "\">" + inner + "</div>";
        } finally {
            renderDepth--;
        }
    }

    /** The child {@code childId} if it shows {@code viewClass}, else a newly mounted one in its place. */
    private Slot childFor(String childId, String viewClass, boolean sticky) {
        Slot slot = slot(childId);
        if (slot != null && (slot.view.getClass().getName().equals(viewClass)
                || slot.reference.getProperty("component.name").equals(viewClass))) {
            return slot;
        }
        if (slot != null) {
            unmount(slot);
            synchronized (children) {
                children.remove(childId);
            }
        }
        ViewType type = registry.byClassName(viewClass)
                .orElseThrow(() -> new RenderException("no view " + viewClass + " for child '" + childId + "'", null));
        LiveView view = type.objects().getService();
        slot = new Slot(childId, sticky, view, type.reference(), type.objects());
        try {
            view.mount(location.params(), session);
        } catch (RuntimeException e) {
            slot.release();
            throw new RenderException("child '" + childId + "' (" + viewClass + ") failed to mount: " + e, e);
        }
        synchronized (children) {
            children.put(childId, slot);
        }
        return slot;
    }

    private void updateMeta() {
        PageMeta pm = root.view.pageMeta();
        if (pm == null) {
            pm = PageMeta.NONE;
        }
        title = pm.title() != null ? pm.title() : root.view.getClass().getSimpleName();
        meta = pm.meta();
    }

    private void unmount(Slot slot) {
        try {
            slot.view.unmount();
        } catch (RuntimeException e) {
            LOG.warn("session {}: unmount of {} threw", session.id(), slot.view.getClass().getName(), e);
        }
        slot.release();
    }
}
