package dev.relive.runtime.internal.session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;


import dev.relive.api.LiveView;
import dev.relive.api.PageMeta;
import dev.relive.api.ViewSession;
import dev.relive.runtime.internal.cluster.StoredViews;
import dev.relive.runtime.internal.registry.RouteMatch;
import dev.relive.runtime.internal.registry.ViewRegistry;
import dev.relive.runtime.internal.registry.ViewType;
import dev.relive.runtime.internal.render.RenderException;
import dev.relive.runtime.internal.route.UrlFields;
import dev.relive.runtime.internal.render.TemplateRenderer;
import dev.relive.runtime.internal.vdom.Differ;
import dev.relive.runtime.internal.vdom.HtmlParser;
import dev.relive.runtime.internal.vdom.HtmlWriter;
import dev.relive.runtime.internal.vdom.Patch;
import dev.relive.runtime.internal.vdom.SharedStrings;
import dev.relive.runtime.internal.vdom.SharedSubtrees;
import dev.relive.runtime.internal.vdom.StreamItems;
import dev.relive.runtime.internal.vdom.StreamMemory;
import dev.relive.runtime.internal.vdom.VElement;

/**
 * The views of one tab and the tree the browser shows: the root view and its child views, mounted, rendered and
 * diffed against what was last rendered, with the page's title and meta. Only the session's tasks (or a holder of
 * the session) call it; {@link #slots()} may be read from any thread.
 */
final class ViewTree {

    private final TemplateRenderer renderer;
    private final BiFunction<Slot, Consumer<Object>, ViewSession> sessions;
    private final String sessionId;
    private volatile Slot root;
    private final ChildViews children;
    private final Flash flash = new Flash();
    private PageLocation location = PageLocation.NONE;
    private VElement tree;
    private String title;
    private Map<String, String> meta = Map.of();
    private String layout;
    private boolean layoutChanged;
    private String head = "";
    private volatile Set<String> templatesUsed = Set.of();
    private StreamMemory streams = new StreamMemory(StreamMemory.DEFAULT_LIMIT);

    /**
     * {@code sessions}: makes the session a new slot's view is mounted with, given its way to message its parent
     * (and sets up the slot's topics); {@code tasks}: queues a task of the tab (a child's message to its parent runs
     * as one).
     */
    ViewTree(TemplateRenderer renderer, ViewRegistry registry, String sessionId,
            BiFunction<Slot, Consumer<Object>, ViewSession> sessions, Consumer<Runnable> tasks) {
        this.renderer = renderer;
        this.sessionId = sessionId;
        this.sessions = sessions;
        this.children = new ChildViews(renderer, registry, sessionId, sessions, tasks, () -> location.params(),
                this::contains);
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
        return mount(match, url, query, null);
    }

    /**
     * The same, every view that has a {@code stored} state given it instead of a mount (the page's own view must
     * have one); {@code null}: all mounted.
     */
    String mount(RouteMatch match, String url, Map<String, String> query, StoredViews stored) {
        ViewType type = match.type();
        location = PageLocation.of(url, type.route(), match.params(), query);
        LiveView view = type.objects().getService();
        Slot slot = new Slot(null, false, view, type.reference(), type.objects());
        slot.session = sessions.apply(slot, message -> { }); // the page's own view has no parent
        try {
            if (stored != null) {
                stored.restore(null, view, type.reference(), slot.session);
            } else {
                UrlFields.apply(view, match.params(), query);
                view.mount(location.params(), slot.session);
                view.urlChanged(slot.session);
            }
        } catch (RuntimeException e) {
            slot.release();
            throw e;
        }
        root = slot;
        StringBuilder headHtml = new StringBuilder();
        children.resuming(stored);
        String html;
        try {
            html = renderHtml(headHtml);
        } finally {
            children.resuming(null);
        }
        head = SharedStrings.share(headHtml.toString());
        layoutChanged = false;
        if (!StreamItems.mayHoldStreams(html)) {
            // keyed elements keep where they came from, for the next render's parse to take those unchanged
            VElement parsed = HtmlParser.parseReusing(html, null, true).root();
            forgetStreams();
            streams.clear();
            tree = SharedSubtrees.shareWithin(parsed);
            updateMeta();
            return HtmlWriter.writeInner(tree);
        }
        StreamItems.Taken taken = takeStreams(HtmlParser.parse(html), true);
        forgetStreams();
        streams.mounted(taken.containers());
        // shared once the stream items are out: they are not kept, and the shared table must not pin them
        tree = SharedSubtrees.shareWithin(taken.kept());
        updateMeta();
        return HtmlWriter.writeInner(taken.first());
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
            root.view.urlChanged(root.session);
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
        root.unmount(sessionId);
        children.removeNonSticky();
        root = null;
        String before = layout;
        String html = mount(match, url, query);
        layoutChanged = !Objects.equals(before, layout);
        return html;
    }

    /** Renders the views as they are now and diffs against the last render. */
    Update render() {
        String html = renderHtml(null);
        // the diff gives the new tree the last one's equal nodes and shares the rest's strings: no need to at parse
        VElement next;
        List<Patch> patches;
        if (StreamItems.mayHoldStreams(html)) {
            StreamItems.Taken taken = takeStreams(HtmlParser.parseUnshared(html), false);
            next = taken.kept();
            patches = new ArrayList<>(Differ.diffSharing(tree, next));
            patches.addAll(streams.patches(taken.containers(), patches));
        } else {
            // keyed elements whose markup did not change are taken from the last tree instead of parsed again
            HtmlParser.Reparsed reparsed = HtmlParser.parseReusing(html, tree, false);
            next = reparsed.root();
            patches = Differ.diffSharing(tree, reparsed);
            streams.clear();
        }
        forgetStreams();
        String oldTitle = title;
        Map<String, String> oldMeta = meta;
        updateMeta();
        tree = next;
        return new Update(patches, Objects.equals(oldTitle, title) ? null : title, oldMeta.equals(meta) ? null : meta);
    }

    /**
     * The stream items of the views' {@link dev.relive.api.LiveStream} fields taken out of {@code rendered}.
     */
    private StreamItems.Taken takeStreams(VElement rendered, boolean first) {
        StreamItems.Taken taken;
        try {
            taken = StreamItems.take(rendered, (childId, name) -> {
                Slot slot = slot(childId);
                if (slot == null) {
                    throw new RenderException("rl-stream '" + name + "' in an unknown child view " + childId, null);
                }
                return ViewStreams.take(slot.view, name);
            }, first);
        } catch (IllegalStateException e) {
            throw new RenderException(e.getMessage(), e);
        }
        return taken;
    }

    /** Forgets the changes of streams whose container the render did not show. */
    private void forgetStreams() {
        ViewStreams.forget(root.view);
        for (Slot c : children.all()) {
            ViewStreams.forget(c.view);
        }
    }

    /** The inner HTML of the last render: stream containers are empty. */
    String html() {
        return HtmlWriter.writeInner(tree);
    }

    /** The browser's stream items are no longer known (it missed a patch): later renders send items in full. */
    void forgetStreamItems() {
        streams.clear();
    }

    /**
     * At most {@code limit} items per stream container are remembered by key and HTML, so that one sent again
     * unchanged goes as its key (0: none). Set before the first mount.
     */
    void rememberStreamItems(int limit) {
        streams = new StreamMemory(limit);
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

    /** The children get their parent's values at the next render, equal or not to the last ones. */
    void forgetChildProps() {
        children.forgetProps();
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
        return childId == null ? root : children.get(childId);
    }

    /** The root and the children, root first; empty before the mount. */
    List<Slot> slots() {
        List<Slot> list = new ArrayList<>();
        Slot r = root;
        if (r != null) {
            list.add(r);
        }
        list.addAll(children.all());
        return list;
    }

    /** Whether {@code slot} is still on the page. */
    boolean contains(Slot slot) {
        return slot == root || children.contains(slot);
    }

    /** Unmounts every view and gives the instances back. */
    void unmountAll() {
        children.unmountAll();
        if (root != null) {
            root.unmount(sessionId);
            root = null;
        }
    }

    private String renderHtml(StringBuilder headHtml) {
        Set<String> used = new HashSet<>();
        children.beginRender(root);
        boolean rendered = false;
        try {
            String html = renderer.recordingUses(used, () -> {
                String content = renderer.render(root.view, children::render);
                layout = SharedStrings.share(renderer.layoutOf(root.view));
                return layout == null ? flash.html() + content
                        : renderer.renderLayout(layout, root.view, children::render, content,
                                Map.of("flash", flash.html()), headHtml);
            });
            rendered = true;
            children.endRender();
            return html;
        } finally {
            // after a failed render, also what it read up to where it failed (a missing include among them), so
            // that a save of any of those renders the page again
            Set<String> names = new HashSet<>(rendered ? Set.of() : templatesUsed);
            for (String name : used) {
                names.add(SharedStrings.share(name));
            }
            templatesUsed = Set.copyOf(names);
        }
    }

    private void updateMeta() {
        PageMeta pm = root.view.pageMeta();
        if (pm == null) {
            pm = PageMeta.NONE;
        }
        title = SharedStrings.share(pm.title() != null ? pm.title() : root.view.getClass().getSimpleName());
        meta = pm.meta();
    }
}
