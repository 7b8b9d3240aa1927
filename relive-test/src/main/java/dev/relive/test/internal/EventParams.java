package dev.relive.test.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code params} the browser client sends for an element's event, read from the rendered HTML. */
public final class EventParams {

    private static final String VALUE_PREFIX = "rl-value-";

    private EventParams() {
    }

    /** {@code rl-value-NAME} attributes, {@code NAME} in camel case ({@code user-id} is {@code userId}). */
    public static ObjectNode values(Element element) {
        ObjectNode params = SocketConnection.JSON.createObjectNode();
        for (Attribute a : element.attributes()) {
            if (a.getKey().startsWith(VALUE_PREFIX)) {
                params.put(camelCase(a.getKey().substring(VALUE_PREFIX.length())), a.getValue());
            }
        }
        return params;
    }

    /** The control's value as the client sends it: {@code checked} for a checkbox, an array for a multi-select. */
    public static JsonNode controlValue(Element control) {
        if (isCheckbox(control)) {
            return SocketConnection.JSON.getNodeFactory().booleanNode(control.hasAttr("checked"));
        }
        if (control.tagName().equals("select") && control.hasAttr("multiple")) {
            ArrayNode values = SocketConnection.JSON.createArrayNode();
            control.select("option[selected]").forEach(o -> values.add(o.val()));
            return values;
        }
        return SocketConnection.JSON.getNodeFactory().textNode(value(control));
    }

    /** A form's successful controls by name, repeated names as arrays, as the client's form reading gives them. */
    public static ObjectNode formFields(Element form) {
        Map<String, ArrayNode> fields = new LinkedHashMap<>();
        for (Element control : form.select("input[name], select[name], textarea[name]")) {
            if (control.hasAttr("disabled")) {
                continue;
            }
            String type = control.attr("type").toLowerCase();
            if ((type.equals("checkbox") || type.equals("radio")) && !control.hasAttr("checked")) {
                continue;
            }
            if (type.equals("submit") || type.equals("button") || type.equals("reset")) {
                continue;
            }
            ArrayNode values = fields.computeIfAbsent(control.attr("name"),
                    n -> SocketConnection.JSON.createArrayNode());
            if (control.tagName().equals("select")) {
                control.select("option[selected]").forEach(o -> values.add(o.val()));
            } else if (type.equals("checkbox") || type.equals("radio")) {
                values.add(control.hasAttr("value") ? control.attr("value") : "on");
            } else {
                values.add(value(control));
            }
        }
        ObjectNode params = SocketConnection.JSON.createObjectNode();
        fields.forEach((name, values) -> params.set(name, values.size() == 1 ? values.get(0) : values));
        return params;
    }

    /** Sets what a user's input leaves in the control: its value, its checked state, its selected options. */
    public static void setValue(Element control, String value) {
        if (isCheckbox(control)) {
            control.attr("checked", Boolean.parseBoolean(value));
        } else if (control.tagName().equals("input") && control.attr("type").equalsIgnoreCase("radio")) {
            Element scope = control.closest("form");
            for (Element other : (scope == null ? control.root() : scope).select("input[type=radio]")) {
                if (other.attr("name").equals(control.attr("name"))) {
                    other.attr("checked", false);
                }
            }
            control.attr("checked", Boolean.parseBoolean(value));
        } else if (control.tagName().equals("select")) {
            for (Element option : control.select("option")) {
                option.attr("selected", option.val().equals(value));
            }
        } else if (control.tagName().equals("textarea")) {
            control.text(value);
        } else {
            control.attr("value", value);
        }
    }

    static boolean isCheckbox(Element control) {
        return control.tagName().equals("input") && control.attr("type").equalsIgnoreCase("checkbox");
    }

    private static String value(Element control) {
        if (control.tagName().equals("select")) {
            Element selected = control.selectFirst("option[selected]");
            selected = selected == null ? control.selectFirst("option") : selected;
            return selected == null ? "" : selected.val();
        }
        return control.tagName().equals("textarea") ? control.wholeText() : control.attr("value");
    }

    private static String camelCase(String name) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
