package dev.relive.runtime.internal.vdom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.api.LiveStream;

/**
 * Random runs of stream changes, hidden containers and full renders: a browser that applies the patches the memory
 * sends (keys for items it has) ends with the same items, in the same order, with the same HTML, as one that gets
 * every item in full.
 */
class Issue13StreamMemoryPropertyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Item(String key, int version) {
        String html() {
            return "<li rl-key=\"" + key + "\">" + key + " v" + version + "</li>";
        }
    }

    @Test
    void keysNeverLeaveTheBrowserWithOtherItemsThanHtmlWould() throws Exception {
        Random random = new Random(1313);
        for (int run = 0; run < 300; run++) {
            run(random, random.nextInt(4) == 0 ? 1 + random.nextInt(6) : StreamMemory.DEFAULT_LIMIT);
        }
    }

    private void run(Random random, int limit) throws Exception {
        LiveStream<Item> rows = LiveStream.create();
        StreamMemory memory = new StreamMemory(limit);
        Browser withKeys = new Browser();
        Browser inFull = new Browser();
        Map<String, Integer> versions = new LinkedHashMap<>();
        for (int i = 0; i < 3 + random.nextInt(8); i++) {
            change(random, rows, versions);
        }
        List<LiveStream.Change<Item>> first = rows.takeChanges();
        StreamItems.Taken mounted = StreamItems.take(page(first, true), (c, n) -> first, true);
        memory.mounted(mounted.containers());
        withKeys.show(mounted);
        inFull.show(mounted);
        boolean shown = true;
        for (int round = 0; round < 40; round++) {
            int what = random.nextInt(20);
            if (what == 0) {
                memory.clear(); // a full render the browser asked for: it keeps its items
                continue;
            }
            if (what == 1) {
                shown = !shown; // a tab hidden (the browser's container goes) or shown again (a new, empty one)
                if (!shown) {
                    withKeys.items.clear();
                    inFull.items.clear();
                }
            }
            boolean recreated = what == 2 && shown; // the container's parent replaced: a new, empty container
            if (recreated) {
                withKeys.items.clear();
                inFull.items.clear();
            }
            int changes = random.nextInt(6);
            for (int i = 0; i < changes; i++) {
                change(random, rows, versions);
            }
            List<LiveStream.Change<Item>> taken = rows.takeChanges();
            if (!shown) {
                StreamItems.Taken none = StreamItems.take(VElement.of("p"), (c, n) -> List.of(), false);
                assertThat(memory.patches(none.containers(), List.of())).isEmpty();
                continue;
            }
            StreamItems.Taken t = StreamItems.take(page(taken, false), (c, n) -> taken, false);
            List<Patch> diff = what == 1 ? List.of(new Patch.Insert(List.of(), 0, "<ul rl-stream=\"rows\"></ul>"))
                    : recreated ? List.of(new Patch.Replace(List.of(0), "<ul rl-stream=\"rows\"></ul>")) : List.of();
            withKeys.apply(JSON.readTree(PatchJson.toJson(memory.patches(t.containers(), diff))));
            inFull.apply(JSON.readTree(PatchJson.toJson(t.patches())));
            assertThat(withKeys.toString()).as("limit %d, round %d", limit, round).isEqualTo(inFull.toString());
        }
    }

    private static void change(Random random, LiveStream<Item> rows, Map<String, Integer> versions) {
        String key = "k" + random.nextInt(12);
        int version = random.nextInt(10) < 7 ? versions.getOrDefault(key, 0) : random.nextInt(3);
        switch (random.nextInt(8)) {
            case 0 -> rows.delete(key);
            case 1 -> {
                rows.reset();
                List<String> keys = new ArrayList<>(versions.keySet());
                java.util.Collections.shuffle(keys, random);
                for (String k : keys.subList(0, random.nextInt(keys.size() + 1))) {
                    rows.append(new Item(k, random.nextInt(10) < 8 ? versions.get(k) : random.nextInt(3)));
                }
                return;
            }
            case 2 -> rows.prepend(new Item(key, version));
            case 3 -> rows.insert(random.nextInt(6), new Item(key, version));
            default -> rows.append(new Item(key, version));
        }
        versions.put(key, version);
    }

    /** The page as the template would render it: the container holds the items inserted, in order. */
    private static VElement page(List<LiveStream.Change<Item>> changes, boolean first) {
        StringBuilder html = new StringBuilder("<ul rl-stream=\"rows\">");
        for (LiveStream.Change<Item> c : changes) {
            if (c instanceof LiveStream.Insert<Item> insert) {
                html.append(insert.item().html());
            }
        }
        return HtmlParser.parse(html.append("</ul>").toString());
    }

    /** The browser's items of the container, as `stream.js` applies stream patches: key to HTML, in order. */
    private static final class Browser {
        final List<String[]> items = new ArrayList<>();

        void show(StreamItems.Taken mounted) {
            items.clear();
            for (VNode n : ((VElement) mounted.first().childArray()[0]).childArray()) {
                VElement e = (VElement) n;
                items.add(new String[] {e.key(), HtmlWriter.write(e)});
            }
        }

        void apply(JsonNode patches) {
            for (JsonNode patch : patches) {
                if (!"stream".equals(patch.path("op").asText())) {
                    continue;
                }
                Map<String, String> removed = new LinkedHashMap<>();
                for (JsonNode c : patch.path("changes")) {
                    if (c.path("reset").asBoolean()) {
                        items.forEach(i -> removed.put(i[0], i[1]));
                        items.clear();
                    } else if (c.has("delete")) {
                        String key = c.path("delete").asText();
                        items.removeIf(i -> i[0].equals(key));
                        removed.remove(key);
                    } else if (c.has("keys")) {
                        int at = c.path("at").asInt();
                        int i = 0;
                        for (JsonNode k : c.path("keys")) {
                            String key = k.asText();
                            if (index(key) < 0) {
                                String html = removed.remove(key);
                                assertThat(html).as("the browser has %s", key).isNotNull();
                                place(new String[] {key, html}, at < 0 ? -1 : at + i);
                            }
                            i++;
                        }
                    } else {
                        String html = c.path("html").asText();
                        String key = html.substring(html.indexOf("rl-key=\"") + 8, html.indexOf("\">"));
                        int shown = index(key);
                        if (shown >= 0) {
                            items.set(shown, new String[] {key, html});
                        } else {
                            removed.remove(key);
                            place(new String[] {key, html}, c.path("at").asInt());
                        }
                    }
                }
            }
        }

        private int index(String key) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i)[0].equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        private void place(String[] item, int at) {
            items.add(at < 0 || at > items.size() ? items.size() : at, item);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Browser b && toString().equals(b.toString());
        }

        @Override
        public int hashCode() {
            return toString().hashCode();
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            items.forEach(i -> s.append(i[0]).append('=').append(i[1]).append(' '));
            return s.toString();
        }
    }
}
