package dev.relive.examples.list;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveStream;
import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;
import dev.relive.api.PageMeta;
import dev.relive.api.ViewSession;

/**
 * A table of keyed rows on a {@link LiveStream}: 500 people at first, 1,000 more per click up to 10,000, sorted by
 * the column buttons, filtered while typing, starred and deleted one by one. The rows are rendered once and live
 * only in the browser: the session keeps the sort, the filter and the ids starred and deleted, so its memory does
 * not grow with the rows. Sorting re-sends the rows in the new order (the browser moves the ones it has), and the
 * window keeps its scroll position through every patch.
 */
@LiveViewRoute("/list")
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class ListView extends LiveView {

    /** One row of the table. */
    public record Row(int id, String name, String city, int score, boolean starred) {
    }

    static final int FIRST_ROWS = 500;
    static final int BATCH = 1_000;

    private final LiveStream<Row> rows = LiveStream.create();
    private final List<String> columns = List.of("id", "name", "city", "score");
    private final Set<Integer> starredIds = new HashSet<>();
    private final Set<Integer> deletedIds = new HashSet<>();
    private int loaded = FIRST_ROWS;
    private int shownCount;
    private String sortKey = "id";
    private boolean ascending = true;
    private String filter = "";
    private int starred;
    /** The rows loaded and not deleted. */
    private int available = FIRST_ROWS;
    private final int total = People.COUNT;

    @Override
    public void mount(Map<String, String> params, ViewSession session) {
        resend();
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
        resend();
    }

    @EventHandler("filter")
    public void filterBy(String value) {
        filter = value == null ? "" : value;
        resend();
    }

    /** Loads the next {@link #BATCH} people: appended when sorted by id, else the rows are re-sent in order. */
    @EventHandler
    public void more() {
        int from = loaded;
        loaded = Math.min(total, loaded + BATCH);
        available += loaded - from;
        if (!sortKey.equals("id") || !ascending) {
            resend();
            return;
        }
        List<Row> added = matching(People.first(loaded).subList(from, loaded).stream()).toList();
        rows.appendAll(added);
        shownCount += added.size();
    }

    @EventHandler
    public void star(int id) {
        if (!isShown(id)) {
            return;
        }
        if (!starredIds.remove(id)) {
            starredIds.add(id);
        }
        starred = starredIds.size();
        rows.append(row(People.byId(id))); // the browser replaces the row with this key where it is
    }

    @EventHandler
    public void delete(int id) {
        if (!isShown(id) || !deletedIds.add(id)) {
            return;
        }
        starredIds.remove(id);
        starred = starredIds.size();
        shownCount--;
        available--;
        rows.delete(String.valueOf(id));
    }

    @Override
    public PageMeta pageMeta() {
        return PageMeta.title("List: " + shownCount + " of " + available);
    }

    private boolean isShown(int id) {
        return id >= 1 && id <= loaded && !deletedIds.contains(id)
                && matching(Stream.of(People.byId(id))).findAny().isPresent();
    }

    /** Sends every row the table shows again, in order: the browser keeps the rows it has and moves them. */
    private void resend() {
        Comparator<People.Person> order = switch (sortKey) {
            case "name" -> Comparator.comparing(People.Person::name);
            case "city" -> Comparator.comparing(People.Person::city);
            case "score" -> Comparator.comparingInt(People.Person::score);
            default -> Comparator.comparingInt(People.Person::id);
        };
        order = order.thenComparingInt(People.Person::id);
        List<Row> shown = matching(People.first(loaded).stream().sorted(ascending ? order : order.reversed())).toList();
        rows.reset().appendAll(shown);
        shownCount = shown.size();
    }

    private Stream<Row> matching(Stream<People.Person> people) {
        String needle = filter.strip().toLowerCase(Locale.ROOT);
        return people.filter(p -> !deletedIds.contains(p.id()))
                .filter(p -> needle.isEmpty() || p.name().toLowerCase(Locale.ROOT).contains(needle)
                        || p.city().toLowerCase(Locale.ROOT).contains(needle))
                .map(this::row);
    }

    private Row row(People.Person p) {
        return new Row(p.id(), p.name(), p.city(), p.score(), starredIds.contains(p.id()));
    }
}
