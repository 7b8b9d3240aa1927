package dev.relive.test.internal;

import org.jsoup.nodes.Element;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The client frames the browser client sends for an element's {@code rl-*} bindings, built from the jsoup copy of
 * the page: which handler, which child view, and which parameters ({@code rl-value-*}, the control's value, the
 * form's fields). {@code null} where the browser would send nothing.
 */
public final class EventFrames {

    private EventFrames() {
    }

    public static ObjectNode frame(String type) {
        return SocketConnection.JSON.createObjectNode().put("type", type);
    }

    /** An {@code event} for {@code handler} on {@code el} (in a child view of {@code root} when it is in one). */
    public static ObjectNode event(Element root, Element el, String handler, ObjectNode params) {
        ObjectNode frame = frame("event").put("handler", handler);
        frame.set("params", params);
        Element child = el == null ? null : el.closest("[rl-child]");
        if (child != null && root.equals(child.closest("[rl-root]"))) {
            frame.put("child", child.attr("rl-child"));
        }
        return frame;
    }

    /** The {@code model} frame of an {@code rl-model} field. */
    public static ObjectNode model(Element el, String value) {
        ObjectNode frame = frame("model").put("field", el.attr("rl-model")).put("value", value);
        Element child = el.closest("[rl-child]");
        if (child != null) {
            frame.put("child", child.attr("rl-child"));
        }
        return frame;
    }

    /** The event of the nearest element binding {@code attribute}: the field itself, a fieldset, its form. */
    public static ObjectNode bound(Element root, Element el, String attribute) {
        Element owner = el.closest("[" + attribute + "]");
        if (owner == null) {
            return null;
        }
        if (owner.tagName().equals("form") && owner != el) {
            return event(root, owner, owner.attr(attribute), EventParams.formFields(owner));
        }
        ObjectNode params = EventParams.values(owner);
        params.set("value", EventParams.controlValue(el));
        return event(root, owner, owner.attr(attribute), params);
    }

    /** The event {@code attribute} names on {@code el}, with the control's value. */
    public static ObjectNode valueEvent(Element root, Element el, String attribute) {
        if (!el.hasAttr(attribute)) {
            throw new AssertionError("element has no " + attribute + ": " + el);
        }
        ObjectNode params = EventParams.values(el);
        params.set("value", EventParams.controlValue(el));
        return event(root, el, el.attr(attribute), params);
    }

    /** The {@code rl-submit} event of {@code form} with its fields. */
    public static ObjectNode submit(Element root, Element form) {
        ObjectNode params = EventParams.values(form);
        params.setAll(EventParams.formFields(form));
        return event(root, form, form.attr("rl-submit"), params);
    }

    /** A key event, unless the element's {@code rl-key-filter} names another key. */
    public static ObjectNode key(Element root, Element el, String attribute, String key) {
        if (!el.hasAttr(attribute)) {
            throw new AssertionError(el + " has no " + attribute);
        }
        String filter = el.attr("rl-key-filter");
        if (!filter.isEmpty() && !filter.equals(key)) {
            return null;
        }
        ObjectNode params = EventParams.values(el);
        params.put("key", key);
        return event(root, el, el.attr(attribute), params);
    }
}
