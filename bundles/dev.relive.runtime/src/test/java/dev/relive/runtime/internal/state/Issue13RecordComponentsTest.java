package dev.relive.runtime.internal.state;

import static dev.relive.runtime.internal.state.StateTransferTest.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A record kept in a view's state whose component was renamed: the old values are named as not carried (they were
 * emptied without a word), and {@code @CarriedFrom} on the component carries them as it does for a field.
 */
class Issue13RecordComponentsTest {

    static final String V1 = """
            package example.items;

            import java.util.*;

            public class ItemsView {
                public record Item(int id, String name, Detail detail) {}
                public static class Detail { String note = ""; }
                private List<Item> items = new ArrayList<>();
                private int count;
                public ItemsView() {
                    Detail d = new Detail();
                    d.note = "first note";
                    items.add(new Item(1, "Typed by user", d));
                    count = 7;
                }
            }
            """;
    static final String RENAMED = """
            package example.items;

            import java.util.*;

            public class ItemsView {
                public record Item(int id, String title, Detail detail) {}
                public static class Detail { String remark = ""; }
                private List<Item> items = new ArrayList<>();
                private int count;
            }
            """;
    static final String CARRIED = """
            package example.items;

            import java.util.*;
            import dev.relive.api.CarriedFrom;

            public class ItemsView {
                public record Item(int id, @CarriedFrom("name") String title, Detail detail) {}
                public static class Detail { @CarriedFrom("note") String remark = ""; }
                private List<Item> items = new ArrayList<>();
                private int count;
            }
            """;

    @TempDir
    static Path dir;
    private static URLClassLoader v1;
    private static URLClassLoader renamed;
    private static URLClassLoader carried;

    @BeforeAll
    static void compile() throws Exception {
        ClassLoader parent = Issue13RecordComponentsTest.class.getClassLoader();
        v1 = ClassVersions.compileAndLoad(dir, "v1", Map.of("example/items/ItemsView.java", V1), List.of(), parent);
        renamed = ClassVersions.compileAndLoad(dir, "renamed", Map.of("example/items/ItemsView.java", RENAMED),
                List.of(), parent);
        carried = ClassVersions.compileAndLoad(dir, "carried", Map.of("example/items/ItemsView.java", CARRIED),
                List.of(), parent);
    }

    @AfterAll
    static void close() throws Exception {
        v1.close();
        renamed.close();
        carried.close();
    }

    @Test
    void aRenamedComponentsValuesAreNamedAsNotCarried() throws Exception {
        Object neu = view(renamed);
        ObjectMapper mapper = StateMapper.create();

        Restoration result = StateRestorer.restore(StateSnapshot.capture(view(v1), mapper), neu, mapper, Set.of());

        assertThat(result.failure()).isEmpty();
        assertThat(get(neu, "count")).isEqualTo(7);
        Object item = ((List<?>) get(neu, "items")).get(0);
        assertThat(item.toString()).as("the rest of the record is carried").startsWith("Item[id=1, title=null, detail=");
        assertThat(result.dropped()).containsExactly("items: Detail.note", "items: Item.name");
    }

    @Test
    void carriedFromOnAComponentOrANestedFieldCarriesTheOldValue() throws Exception {
        Object neu = view(carried);
        ObjectMapper mapper = StateMapper.create();

        Restoration result = StateRestorer.restore(StateSnapshot.capture(view(v1), mapper), neu, mapper, Set.of());

        assertThat(result.failure()).isEmpty();
        Object item = ((List<?>) get(neu, "items")).get(0);
        assertThat(item.toString()).startsWith("Item[id=1, title=Typed by user, detail=");
        assertThat(get(item.getClass().getMethod("detail").invoke(item), "remark")).isEqualTo("first note");
        assertThat(result.dropped()).isEmpty();
    }

    private static Object view(ClassLoader loader) throws Exception {
        return loader.loadClass("example.items.ItemsView").getConstructor().newInstance();
    }
}
