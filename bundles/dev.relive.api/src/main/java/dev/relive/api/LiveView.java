package dev.relive.api;

import java.time.Duration;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A live view: server-side state rendered to HTML, updated in the browser by patches.
 *
 * <p>A view is registered as a prototype-scope Declarative Services component providing {@code LiveView}
 * and, for a page of its own, a route ({@link LiveViewRoute}). The runtime creates one instance per browser tab
 * (and per embedded child view). Its state is its instance fields; the template sees every instance field by
 * name, and the view itself as {@code view}.
 *
 * <p>Threading: the runtime calls {@link #mount}, event handlers, {@link #tick}, {@link #template},
 * {@link #pageMeta}, {@link #message}, {@link #presenceChanged} and code passed to {@link ViewSession#push} one at a time, in arrival order, never
 * concurrently, so a view needs no locking for its own fields. Other threads must not touch its fields:
 * they go through {@link ViewSession#push}.
 *
 * <p>Lifecycle: {@code mount} runs once per connection, before the first render. Under Hot View
 * Replacement the instance is replaced by one of the new class, its fields carried over, and {@code mount} is
 * not run again. {@link #unmount} runs when the tab goes away or navigates to another view.
 */
@ConsumerType
public abstract class LiveView {

    /** {@link #layout()} for a view that renders inside no layout, only the page shell. */
    public static final String NO_LAYOUT = "";

    /**
     * Called once when a browser connects (and for the server-side render of the page). {@code params} holds
     * the query parameters of the page's URL and the parameters of its route ({@code id} of {@code /tasks/{id}}).
     * {@link RouteParam} and {@link QueryParam} fields are already set.
     */
    public void mount(Map<String, String> params, ViewSession session) {
    }

    /**
     * Called after {@link #mount} and after every change of the page's URL within this view (an {@code rl-patch}
     * link, {@link ViewSession#pushUrl}, the browser's back and forward), with {@link RouteParam} and
     * {@link QueryParam} fields set from the new URL and {@link ViewSession#url()} returning it. The instance
     * stays: nothing is re-mounted. When it throws, the fields and the browser's URL stay as they were.
     */
    public void urlChanged(ViewSession session) {
    }

    /**
     * The template text, rendered by Pebble with auto-escaping. Return {@code null} (the default) to use the
     * template file {@code <SimpleClassName>.peb} next to the class in the bundle.
     */
    public String template() {
        return null;
    }

    /**
     * The layout this view renders inside when it is the page's view: a template name resolved like an
     * {@code include} in the view's template ({@code layout.peb}, {@code /web/layout.peb}, or
     * {@code @uikit/layout.peb} from a bundle sharing its templates). {@code null} (the default) takes the
     * layout its bundle names in the manifest header {@code Relive-Layout}, or none; {@link #NO_LAYOUT} asks
     * for none. The layout shows the view where it writes {@code {{ content }}}.
     */
    public String layout() {
        return null;
    }

    /**
     * Called on a child view with the values its parent passes in the template
     * ({@code child("row-" + t.id, "TaskRow", {"task": t})}): after {@link #mount}, before the first render, and
     * before every render in which the parent passes values that are not {@code equals} to the last ones. Pass
     * immutable values (records, strings, numbers): a value changed in place compares equal to itself.
     */
    public void update(Map<String, Object> props) {
    }

    /**
     * Called on a parent view when child {@code childId} calls {@link ViewSession#sendToParent}: when the child's
     * handler returns, in the same change, whose one render shows both views' changes.
     */
    public void onChildMessage(String childId, Object message) {
    }

    /** Title and meta tags of the page; read after every event, so they may follow the state. */
    public PageMeta pageMeta() {
        return PageMeta.NONE;
    }

    /**
     * How often {@link #tick} runs, or {@code null} for never. Read after every render, so a view may change
     * its interval; a running timer picks up the new value.
     */
    public Duration tickInterval() {
        return null;
    }

    /** Runs every {@link #tickInterval()}, serialized with events. */
    public void tick() {
    }

    /** Called when the view leaves the page (tab closed, navigation to another view). */
    public void unmount() {
    }

    /**
     * A message published on a topic this view subscribed to ({@link ViewSession#subscribe}), serialized with
     * events; a render follows. Presence changes of the topic go to {@link #presenceChanged} instead.
     */
    public void message(String topic, Object message) {
    }

    /** Entries joined or left the presence of a topic this view subscribed to; serialized with events. */
    public void presenceChanged(String topic, PresenceDiff diff) {
    }
}
