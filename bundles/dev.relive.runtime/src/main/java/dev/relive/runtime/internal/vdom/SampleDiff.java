package dev.relive.runtime.internal.vdom;

import java.util.List;

/**
 * A page rendered twice with the changes renders make (text, attributes, an element inserted around a form, a keyed
 * list reordered, an element removed), diffed once when the runtime prepares its first socket: the first event of
 * the first session, and the first render after a save, then find the parser and the differ loaded and linked
 * instead of loading them while the user waits.
 */
public final class SampleDiff {

    static final String BEFORE = """
            <h1 class="title">Tasks <small>3</small></h1>
            <form id="add" rl-submit="add"><input id="text" name="text" value="milk"><button>Add</button></form>
            <ul id="tasks"><li rl-key="1">bread</li><li rl-key="2">eggs</li><li rl-key="3">tea</li></ul>
            <p class="note">saved</p>
            """;
    static final String AFTER = """
            <h1 class="title done">Tasks <small>4</small></h1>
            <section class="card"><form id="add" rl-submit="add"><input id="text" name="text" value="">\
            <button disabled>Add</button></form></section>
            <ul id="tasks"><li rl-key="3">tea</li><li rl-key="1">bread</li><li rl-key="4">milk</li>\
            <li rl-key="2">eggs</li></ul>
            """;

    private SampleDiff() {
    }

    /** The patches from the sample page's first render to its second. */
    public static List<Patch> patches() {
        VElement before = HtmlParser.parse(BEFORE);
        VElement after = HtmlParser.parseUnshared(AFTER);
        return Differ.diffSharing(before, after);
    }
}
