package dev.relive.test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.relive.api.LiveView;
import dev.relive.api.PageMeta;
import dev.relive.runtime.internal.invoke.FieldBinder;
import dev.relive.runtime.internal.invoke.HandlerInvoker;
import dev.relive.runtime.internal.invoke.InvocationException;
import dev.relive.runtime.internal.protocol.ErrorCode;
import dev.relive.runtime.internal.render.RenderException;
import dev.relive.runtime.internal.render.TemplateRenderer;
import dev.relive.runtime.internal.route.UrlFields;
import dev.relive.test.internal.EmbeddedRuntime;
import dev.relive.test.internal.EventParams;
import dev.relive.test.internal.FixtureSession;

/**
 * Light mode: a view instance under test without OSGi, a runtime or a socket. Its template is rendered by the
 * runtime's own renderer (Pebble, auto-escaped, every field by name, the view as {@code view}); handlers are called
 * by the names the template binds, with parameters converted as the runtime converts them.
 *
 * <pre>{@code
 * ViewFixture<CounterView> counter = ViewFixture.mount(new CounterView());
 * counter.click("#inc");
 * assertThat(counter.text("#count")).isEqualTo("1");
 * }</pre>
 *
 * <p>Unlike the runtime, a handler that throws leaves the fields as the handler left them; child views render as
 * their empty {@code rl-child} element; {@code session.push} runs at once. Threading: one thread at a time.
 */
public final class ViewFixture<V extends LiveView> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TemplateRenderer RENDERER;

    static {
        EmbeddedRuntime.quietLogging();
        RENDERER = new TemplateRenderer();
    }

    private final V view;
    private final FixtureSession session;
    private final HandlerInvoker handlers = new HandlerInvoker(JSON);
    private final FieldBinder binder = new FieldBinder(JSON);

    private ViewFixture(V view, FixtureSession session) {
        this.view = view;
        this.session = session;
    }

    /** Mounts {@code view} with no query parameters. */
    public static <V extends LiveView> ViewFixture<V> mount(V view) {
        return mount(view, Map.of());
    }

    /** Makes the view with its no-argument constructor, as DS does, and mounts it with no query parameters. */
    public static <V extends LiveView> ViewFixture<V> mount(Class<V> viewClass) {
        try {
            return mount(viewClass.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(viewClass + " has no usable no-argument constructor", e);
        }
    }

    /**
     * Mounts {@code view} as a page with these parameters would: its {@code @RouteParam} and {@code @QueryParam}
     * fields are set from {@code params} (route and query parameters alike), then {@code mount} and
     * {@code urlChanged} run.
     */
    public static <V extends LiveView> ViewFixture<V> mount(V view, Map<String, String> params) {
        FixtureSession session = new FixtureSession(params);
        UrlFields.apply(view, params, params);
        view.mount(session.params(), session);
        view.urlChanged(session);
        return new ViewFixture<>(view, session);
    }

    /** The view instance, e.g. to call a handler directly. */
    public V view() {
        return view;
    }

    /**
     * The view's HTML as its template renders it now.
     *
     * @throws LiveError {@code render_failed}, as the runtime would answer, when the template does not parse or its
     *         render throws; the message says where
     */
    public String render() {
        try {
            return RENDERER.render(view, (id, viewClass, props, sticky, tag) -> "<" + tag + " rl-child=\"" + id
                    + "\" rl-view=\"" + viewClass + "\"></" + tag + ">");
        } catch (RenderException e) {
            LiveError error = new LiveError(ErrorCode.RENDER_FAILED.wireName(), e.getMessage(), null);
            error.initCause(e);
            throw error;
        }
    }

    /** The rendered HTML, parsed, under a {@code <div rl-root>}. */
    public Element html() {
        Element root = Jsoup.parseBodyFragment("<div rl-root></div>").selectFirst("[rl-root]");
        root.html(render());
        return root;
    }

    public Elements select(String selector) {
        return html().select(selector);
    }

    /** The text of the element matching {@code selector} in a fresh render. */
    public String text(String selector) {
        return one(html(), selector).text();
    }

    /** Runs the {@code rl-click} handler of the element matching {@code selector}, with its {@code rl-value-*}. */
    public ViewFixture<V> click(String selector) {
        Element el = one(html(), selector);
        return call(attribute(el, "rl-click"), EventParams.values(el));
    }

    /**
     * Types {@code value} into a field, as a browser would: an {@code rl-model} field sets the view's {@code @Bind}
     * field it names (converted as the runtime converts it); then the field's {@code rl-input} handler, or its
     * form's, runs with the field's value, when there is one. A field with neither is refused.
     *
     * @throws LiveError with the code the runtime would answer ({@code unknown_field}, {@code bad_params}, ...)
     */
    public ViewFixture<V> fill(String selector, String value) {
        Element el = one(html(), selector);
        EventParams.setValue(el, value);
        Element owner = el.closest("[rl-input]");
        if (el.hasAttr("rl-model")) {
            try {
                binder.set(view, el.attr("rl-model"), JSON.getNodeFactory().textNode(value));
            } catch (InvocationException e) {
                throw liveError(e);
            }
            if (owner == null) {
                return this;
            }
        }
        if (owner == null) {
            throw new AssertionError("element has no rl-model or rl-input (nor has its form): " + el);
        }
        if (owner.tagName().equals("form") && owner != el) {
            return call(owner.attr("rl-input"), EventParams.formFields(owner));
        }
        ObjectNode params = EventParams.values(owner);
        params.set("value", EventParams.controlValue(el));
        return call(owner.attr("rl-input"), params);
    }

    /** Runs the {@code rl-change} handler of a control with {@code value}, as a browser's change would. */
    public ViewFixture<V> change(String selector, String value) {
        Element el = one(html(), selector);
        EventParams.setValue(el, value);
        ObjectNode params = EventParams.values(el);
        params.set("value", EventParams.controlValue(el));
        return call(attribute(el, "rl-change"), params);
    }

    /** Runs the {@code rl-submit} handler of the form matching {@code selector} with {@code fields}. */
    public ViewFixture<V> submit(String selector, Map<String, ?> fields) {
        Element form = one(html(), selector);
        ObjectNode params = EventParams.formFields(form);
        params.setAll((ObjectNode) JSON.valueToTree(fields));
        return call(attribute(form, "rl-submit"), params);
    }

    /**
     * Calls the {@code @EventHandler} named {@code handler} with {@code params}.
     *
     * @throws LiveError with the code the runtime would answer ({@code unknown_handler}, {@code bad_params},
     *     {@code handler_failed})
     */
    public ViewFixture<V> call(String handler, Map<String, ?> params) {
        return call(handler, (JsonNode) JSON.valueToTree(params));
    }

    /** Runs the view's {@code tick()} {@code times} times, as its timer would. */
    public ViewFixture<V> tick(int times) {
        for (int i = 0; i < times; i++) {
            view.tick();
        }
        return this;
    }

    public PageMeta pageMeta() {
        return view.pageMeta();
    }

    /** Live navigations the view asked for ({@code session.navigate}), in order. */
    public List<String> navigations() {
        return session.navigations();
    }

    /** Events the view pushed to the page's hooks ({@code session.pushEvent}), in order. */
    public List<PushedEvent> pushedEvents() {
        return session.pushedEvents();
    }

    /** Selectors the view asked the browser to focus ({@code session.focus}), in order. */
    public List<String> focusRequests() {
        return session.focused();
    }

    /** Where the view redirected ({@code session.redirect}), if it did. */
    public Optional<String> redirectedTo() {
        return Optional.ofNullable(session.redirect());
    }

    private ViewFixture<V> call(String handler, JsonNode params) {
        try {
            handlers.invoke(view, handler, params, session);
        } catch (InvocationException e) {
            throw liveError(e);
        }
        return this;
    }

    private static LiveError liveError(InvocationException e) {
        LiveError error = new LiveError(e.code().wireName(), e.getMessage(), null);
        error.initCause(e.getCause());
        return error;
    }

    private static String attribute(Element el, String name) {
        if (!el.hasAttr(name)) {
            throw new AssertionError("element has no " + name + ": " + el);
        }
        return el.attr(name);
    }

    private static Element one(Element root, String selector) {
        Element el = root.selectFirst(selector);
        if (el == null) {
            throw new AssertionError("no element matches " + selector + " in:\n" + root.html());
        }
        return el;
    }
}
