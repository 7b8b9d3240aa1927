package dev.relive.runtime.internal.vdom;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;

/**
 * One patch operation of the wire protocol (docs/protocol.md, "Patch operations"). Serialized by Jackson
 * exactly as on the wire: {@code op} first, then {@code path}, then the op's other fields in the protocol's
 * order, e.g. {@code {"op":"text","path":[1,1,0],"text":"6"}}.
 *
 * <p>{@code path} lists child indexes over childNodes from the view root; for {@code insert}, {@code move} and
 * {@code reparent} it is the parent's path.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "op")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Patch.Text.class, name = "text"),
        @JsonSubTypes.Type(value = Patch.Attr.class, name = "attr"),
        @JsonSubTypes.Type(value = Patch.RemoveAttr.class, name = "rmattr"),
        @JsonSubTypes.Type(value = Patch.Insert.class, name = "insert"),
        @JsonSubTypes.Type(value = Patch.Remove.class, name = "remove"),
        @JsonSubTypes.Type(value = Patch.Replace.class, name = "replace"),
        @JsonSubTypes.Type(value = Patch.Move.class, name = "move"),
        @JsonSubTypes.Type(value = Patch.Reparent.class, name = "reparent"),
        @JsonSubTypes.Type(value = Patch.Stream.class, name = "stream")
})
public sealed interface Patch {

    /** The node addressed, or for insert/move the parent. Unmodifiable. */
    List<Integer> path();

    /** The protocol's name of the operation. */
    String op();

    /** Set the data of the text node at {@code path}. */
    @JsonPropertyOrder({"path", "text"})
    record Text(List<Integer> path, String text) implements Patch {
        public Text {
            path = List.copyOf(path);
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String op() {
            return "text";
        }
    }

    /** Set attribute {@code name} of the element at {@code path} to {@code value}. */
    @JsonPropertyOrder({"path", "name", "value"})
    record Attr(List<Integer> path, String name, String value) implements Patch {
        public Attr {
            path = List.copyOf(path);
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String op() {
            return "attr";
        }
    }

    /** Remove attribute {@code name} of the element at {@code path}. */
    @JsonPropertyOrder({"path", "name"})
    record RemoveAttr(List<Integer> path, String name) implements Patch {
        public RemoveAttr {
            path = List.copyOf(path);
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String op() {
            return "rmattr";
        }
    }

    /** Parse {@code html} (one node) and insert it as child {@code index} of the element at {@code path}. */
    @JsonPropertyOrder({"path", "index", "html"})
    record Insert(List<Integer> path, int index, String html) implements Patch {
        public Insert {
            path = List.copyOf(path);
            Objects.requireNonNull(html, "html");
        }

        @Override
        public String op() {
            return "insert";
        }
    }

    /** Remove the node at {@code path}. */
    @JsonPropertyOrder({"path"})
    record Remove(List<Integer> path) implements Patch {
        public Remove {
            path = List.copyOf(path);
        }

        @Override
        public String op() {
            return "remove";
        }
    }

    /** Replace the node at {@code path} by the one node {@code html} parses to. */
    @JsonPropertyOrder({"path", "html"})
    record Replace(List<Integer> path, String html) implements Patch {
        public Replace {
            path = List.copyOf(path);
            Objects.requireNonNull(html, "html");
        }

        @Override
        public String op() {
            return "replace";
        }
    }

    /** Take child {@code from} of the element at {@code path} out, then insert it so it becomes child {@code to}. */
    @JsonPropertyOrder({"path", "from", "to"})
    record Move(List<Integer> path, int from, int to) implements Patch {
        public Move {
            path = List.copyOf(path);
        }

        @Override
        public String op() {
            return "move";
        }
    }

    /**
     * Take the node at {@code from} out and insert it as child {@code index} of the element at {@code path}. Both
     * paths are resolved before the node is taken out; {@code index} counts the parent's children without it.
     * {@code path} must not lead into the node.
     */
    @JsonPropertyOrder({"path", "index", "from"})
    record Reparent(List<Integer> path, int index, List<Integer> from) implements Patch {
        public Reparent {
            path = List.copyOf(path);
            from = List.copyOf(from);
        }

        @Override
        public String op() {
            return "reparent";
        }
    }

    /**
     * Change the items of the stream container at {@code path} (an element with {@code rl-stream}), whose children
     * the server does not keep: each change in order.
     */
    @JsonPropertyOrder({"path", "changes"})
    record Stream(List<Integer> path, List<StreamChange> changes) implements Patch {
        public Stream {
            path = List.copyOf(path);
            changes = List.copyOf(changes);
        }

        @Override
        public String op() {
            return "stream";
        }
    }

    /**
     * One change of a {@link Stream}: {@code {"reset":true}} removes every item, {@code {"delete":"k"}} the item
     * with {@code rl-key} k, {@code {"at":n,"html":"..."}} puts the one element {@code html} parses to in place of
     * the item with its key, or else at index {@code n} among the items ({@code -1} or past the end: appended).
     * {@code {"at":n,"keys":["k",...]}} does the same with the browser's own item of each key, as the server last
     * sent it (shown, or taken out by a reset earlier in the patch), the i-th at {@code n + i} ({@code -1}: each
     * appended).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"reset", "delete", "at", "html", "keys"})
    record StreamChange(Boolean reset, String delete, Integer at, String html, List<String> keys) {
        public StreamChange {
            keys = keys == null ? null : List.copyOf(keys);
        }

        public static StreamChange resetAll() {
            return new StreamChange(Boolean.TRUE, null, null, null, null);
        }

        public static StreamChange deleteKey(String key) {
            return new StreamChange(null, key, null, null, null);
        }

        public static StreamChange insert(int at, String html) {
            return new StreamChange(null, null, at, html, null);
        }

        public static StreamChange move(int at, List<String> keys) {
            return new StreamChange(null, null, at, null, keys);
        }
    }
}
