package dev.relive.runtime.internal.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

/**
 * {@code {{ child("row-" + t.id, "TaskRow", {"task": t}, sticky=false, tag="li") }}}: embeds a child view with its
 * own state and handlers, given the values of {@code props} (its {@code update} callback). A view name without a
 * package is looked up in the parent's package. {@code sticky} children survive live navigation to another view
 * that embeds the same id. The child is rendered inside an element of its own, a {@code div} unless {@code tag}
 * names another of {@link #TAGS} (an {@code li} in a list, a {@code tr} in a table: the child's template then
 * renders that element's content).
 */
final class ChildFunction implements Function {

    static final String RENDERER_VARIABLE = "__relive_children";
    /** The elements a child may be rendered in. */
    static final Set<String> TAGS = Set.of("div", "span", "li", "tr", "td", "th", "tbody", "section", "article",
            "aside", "header", "footer", "nav", "p", "dd", "dt", "figure");

    @Override
    public List<String> getArgumentNames() {
        return List.of("id", "view", "props", "sticky", "tag");
    }

    @Override
    public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
        Object renderer = context.getVariable(RENDERER_VARIABLE);
        Object id = args.get("id");
        Object view = args.get("view");
        Object props = args.get("props");
        if (!(renderer instanceof ChildRenderer children)) {
            throw new PebbleException(null, "child() is not available here", line, self.getName());
        }
        if (id == null || view == null) {
            throw new PebbleException(null, "child(id, view) needs an id and a view class name", line,
                    self.getName());
        }
        if (props != null && !(props instanceof Map<?, ?>)) {
            throw new PebbleException(null, "child(id, view, props): props must be a map, like {\"task\": t}", line,
                    self.getName());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        if (props instanceof Map<?, ?> map) {
            map.forEach((k, v) -> values.put(String.valueOf(k), v));
        }
        boolean sticky = Boolean.TRUE.equals(args.get("sticky"));
        Object tagArg = args.get("tag");
        String tag = tagArg == null ? "div" : tagArg.toString();
        if (!TAGS.contains(tag)) {
            throw new PebbleException(null, "child(..., tag=\"" + shorten(tag) + "\"): the tag must be one of "
                    + new TreeSet<>(TAGS), line, self.getName());
        }
        return new SafeString(children.render(id.toString(), view.toString(), values, sticky, tag));
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
