package dev.relive.examples.list;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;
import dev.relive.api.PageMeta;

/**
 * A table of 500 keyed rows ({@code rl-key}), sorted by the column buttons and filtered while typing. Sorting moves
 * the browser's rows instead of rewriting them, and the window keeps its scroll position through every patch.
 */
@LiveViewRoute("/list")
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class ListView extends LiveView {

    /** One person of the table. */
    public record Row(int id, String name, String city, int score, boolean starred) {
        Row withStarred(boolean s) {
            return new Row(id, name, city, score, s);
        }
    }

    static final int ROWS = 500;

    private static final String[] FIRST = { "Ada", "Alan", "Barbara", "Claude", "Dennis", "Donald", "Edsger", "Frances",
        "Grace", "Hedy", "Ivan", "John", "Ken", "Leslie", "Linus", "Margaret", "Niklaus", "Radia", "Rasmus", "Shafi",
        "Sophie", "Tim", "Tony", "Whitfield", "Yukihiro" };
    private static final String[] LAST = { "Allen", "Backus", "Cerf", "Dijkstra", "Engelbart", "Floyd", "Goldberg",
        "Hamilton", "Hopper", "Iverson", "Kay", "Knuth", "Lamport", "Liskov", "Lovelace", "McCarthy", "Perlman",
        "Ritchie", "Thompson", "Wirth" };
    private static final String[] CITIES = { "Amsterdam", "Berlin", "Boston", "Cambridge", "Helsinki", "Kyoto", "Lisbon",
        "London", "Oslo", "Paris", "Toronto", "Zurich" };

    private List<Row> rows = new ArrayList<>();
    /** The rows the table shows: filtered, then sorted. */
    private List<Row> shown = List.of();
    private String sortKey = "id";
    private boolean ascending = true;
    private String filter = "";
    private int starred;
    private final List<String> columns = List.of("id", "name", "city", "score");

    public ListView() {
        Random random = new Random(20_240_601);
        List<String> names = new ArrayList<>();
        for (String f : FIRST) {
            for (String l : LAST) {
                names.add(f + " " + l);
            }
        }
        Collections.shuffle(names, random);
        for (int i = 0; i < ROWS; i++) {
            rows.add(new Row(i + 1, names.get(i), CITIES[random.nextInt(CITIES.length)], random.nextInt(1000), false));
        }
        refresh();
    }

    @EventHandler
    public void sort(String by) {
        if (!columns.contains(by)) {
            return;
        }
        if (by.equals(sortKey)) {
            ascending = !ascending;
        } else {
            sortKey = by;
            ascending = true;
        }
        refresh();
    }

    @EventHandler("filter")
    public void filterBy(String value) {
        filter = value == null ? "" : value;
        refresh();
    }

    @EventHandler
    public void star(int id) {
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.id() == id) {
                rows.set(i, r.withStarred(!r.starred()));
            }
        }
        refresh();
    }

    @Override
    public PageMeta pageMeta() {
        return PageMeta.title("List: " + shown.size() + " of " + rows.size());
    }

    private void refresh() {
        String needle = filter.strip().toLowerCase(Locale.ROOT);
        Comparator<Row> order = switch (sortKey) {
            case "name" -> Comparator.comparing(Row::name);
            case "city" -> Comparator.comparing(Row::city);
            case "score" -> Comparator.comparingInt(Row::score);
            default -> Comparator.comparingInt(Row::id);
        };
        order = order.thenComparingInt(Row::id);
        if (!ascending) {
            order = order.reversed();
        }
        shown = rows.stream()
                .filter(r -> needle.isEmpty() || r.name().toLowerCase(Locale.ROOT).contains(needle)
                        || r.city().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(order)
                .toList();
        starred = (int) rows.stream().filter(Row::starred).count();
    }
}
