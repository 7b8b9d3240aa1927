package dev.relive.runtime.internal.session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.relive.api.LiveView;
import dev.relive.api.PageMeta;
import dev.relive.api.ViewSession;
import dev.relive.runtime.internal.registry.ViewRegistry;
import dev.relive.runtime.internal.registry.ViewType;
import dev.relive.runtime.internal.render.RenderException;
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
    private String route;
    private Map<String, String> params = Map.of();
    private VElement tree;
    private String title;
    private Map<String, String> meta = Map.of();
    private int renderDepth;
    /** The view whose template is being rendered: the parent of the children it embeds. */
    private Slot rendering;
    private String layout;
    private boolean layoutChanged;
    private String head = "";
    private volatile Set<String> templatesUsed = Set.of();

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

    /** Builds the root view for {@code type} and renders it; returns the inner HTML. */
    String mount(ViewType type, String route, Map<String, String> params) {
        this.route = route;
        this.params = Map.copyOf(params);
        LiveView view = type.objects().getService();
        Slot slot = new Slot(null, false, view, type.reference(), type.objects());
        try {
            view.mount(this.params, session);
        } catch (RuntimeException e) {
            slot.release();
            throw e;
        }
        root = slot;
        StringBuilder headHtml = new StringBuilder();
        tree = HtmlParser.parse(renderHtml(headHtml));
        head = headHtml.toString();
        layoutChanged = false;
        updateMeta();
        return HtmlWriter.writeInner(tree);
    }

    /** Live navigation: the new root replaces the old one; sticky children stay. */
    String navigate(ViewType type, String route, Map<String, String> params) {
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
        String before = layout;
        String html = mount(type, route, params);
        layoutChanged = !Objects.equals(before, layout);
        return html;
    }

    /** Renders the views as they are now and diffs against the last render. */
    Update render() {
        VElement next = HtmlParser.parse(renderHtml(null));
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

    /** The markup the root view's layout adds to the page's {@code <head>}, as of the last mount. */
    String head() {
        return head;
    }

    /** Whether the last live navigation changed the layout, so that the page's shell is no longer right. */
    boolean layoutChanged() {
        return layoutChanged;
    }

    /** Whether the last render read the template file {@code name} ({@code bundle!path}). */
    boolean usesTemplate(String name) {
        return templatesUsed.contains(name);
    }

    boolean mounted() {
        return root != null;
    }

    String route() {
        return route;
    }

    Map<String, String> params() {
        return params;
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

    private String renderHtml(StringBuilder headHtml) {
        synchronized (children) {
            for (Slot c : children.values()) {
                c.rendered = false;
            }
        }
        Set<String> used = new HashSet<>();
        rendering = root;
        String html = renderer.recordingUses(used, () -> {
            String content = renderer.render(root.view, this::renderChild);
            layout = renderer.layoutOf(root.view);
            return layout == null ? content
                    : renderer.renderLayout(layout, root.view, this::renderChild, content, Map.of(), headHtml);
        });
        templatesUsed = Set.copyOf(used);
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

    private String renderChild(String childId, String viewName, Map<String, Object> props, boolean sticky) {
        if (renderDepth >= MAX_CHILD_DEPTH) {
            throw new RenderException("child views nested deeper than " + MAX_CHILD_DEPTH, null);
        }
        Slot parent = rendering;
        String viewClass = viewName.indexOf('.') < 0 && parent != null
                ? parent.view.getClass().getPackageName() + "." + viewName : viewName;
        Slot slot = childFor(childId, viewClass, sticky);
        slot.rendered = true;
        slot.parent = parent;
        update(slot, props);
        renderDepth++;
        rendering = slot;
        try {
            String inner = renderer.render(slot.view, this::renderChild);
            return "<div rl-child=\"" + HtmlEscaper.attribute(childId) + "\" rl-view=\""
                    + HtmlEscaper.attribute(slot.view.getClass().getName()) + "\">" + inner + "</div>";
        } finally {
            renderDepth--;
            rendering = parent;
        }
    }

    /** Gives the child the values its parent passes, when they are not those it was last given. */
    private void update(Slot slot, Map<String, Object> props) {
        if (props.equals(slot.props)) {
            return;
        }
        slot.props = props;
        try {
            slot.view.update(java.util.Collections.unmodifiableMap(props));
        } catch (RuntimeException e) {
            slot.props = null;
            throw new RenderException("child '" + slot.childId + "' (" + slot.view.getClass().getName()
                    + ") threw in update: " + e, e);
        }
    }

    /** Runs the parent's {@code onChildMessage} for {@code child}, as the tab's next task. */
    private void sendToParent(Slot child, Object message) {
        session.push(() -> {
            Slot parent = child.parent;
            if (parent != null && contains(child) && contains(parent)) {
                parent.view.onChildMessage(child.childId, message);
            }
        });
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
        Slot mounted = slot;
        try {
            view.mount(params, new ChildViewSession(session, message -> sendToParent(mounted, message)));
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
