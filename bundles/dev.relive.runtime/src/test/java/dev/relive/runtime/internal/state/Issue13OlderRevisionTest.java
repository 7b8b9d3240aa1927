package dev.relive.runtime.internal.state;

import static dev.relive.runtime.internal.state.StateTransferTest.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
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
 * The page's state put back into the instance a save replaced, for a thread that instance started: a field and a
 * record component the new code renamed with {@code @CarriedFrom} go back under their old names (the clock's reset
 * was undone by its next push, and the ticks' times were blanked), and a component new in the new code marks the
 * field as held only in part.
 */
class Issue13OlderRevisionTest {

    static final String OLD = """
            package example.clock;

            import java.util.*;

            public class ClockView {
                public record Tick(int n, String at) {}
                private int counter;
                private List<Tick> ticks = new ArrayList<>();
                private String now = "";
            }
            """;
    static final String NEW = """
            package example.clock;

            import java.util.*;
            import dev.relive.api.CarriedFrom;

            public class ClockView {
                public record Tick(int n, @CarriedFrom("at") String time) {}
                @CarriedFrom("counter") private int hits;
                private List<Tick> ticks = new ArrayList<>();
                private String shown = "new";
            }
            """;
    static final String GROWN = """
            package example.clock;

            import java.util.*;

            public class ClockView {
                public record Tick(int n, String at, String tag) {}
                private int counter;
                private List<Tick> ticks = new ArrayList<>();
                private String now = "";
            }
            """;

    @TempDir
    static Path dir;
    private static URLClassLoader older;
    private static URLClassLoader newer;
    private static URLClassLoader grown;

    @BeforeAll
    static void compile() throws Exception {
        ClassLoader parent = Issue13OlderRevisionTest.class.getClassLoader();
        older = ClassVersions.compileAndLoad(dir, "old", Map.of("example/clock/ClockView.java", OLD), List.of(), parent);
        newer = ClassVersions.compileAndLoad(dir, "new", Map.of("example/clock/ClockView.java", NEW), List.of(), parent);
        grown = ClassVersions.compileAndLoad(dir, "grown", Map.of("example/clock/ClockView.java", GROWN), List.of(),
                parent);
    }

    @AfterAll
    static void close() throws Exception {
        older.close();
        newer.close();
        grown.close();
    }

    @Test
    void issue13RenamedFieldsAndComponentsGoBackUnderTheirOldNames() throws Exception {
        Object page = view(newer);
        set(page, "hits", 500);
        set(page, "ticks", List.of(tick(newer, 1, "10:00"), tick(newer, 2, "10:01")));
        Object old = view(older);
        set(old, "counter", 2734);

        Restoration back = OlderRevision.restore(page, old);

        assertThat(back.failure()).isEmpty();
        assertThat(get(old, "counter")).isEqualTo(500);
        Object first = ((List<?>) get(old, "ticks")).get(0);
        assertThat(first.getClass().getClassLoader()).isSameAs(older);
        assertThat(first.getClass().getMethod("at").invoke(first)).isEqualTo("10:00");
        assertThat(back.dropped()).containsExactly("shown");
        assertThat(OlderRevision.partlyHeld(back)).isEmpty();

        // and forth, as the swap carries it: what the old code changed reaches the page under the new names
        ObjectMapper mapper = StateMapper.create();
        StateSnapshot before = StateSnapshot.capture(old, mapper);
        set(old, "counter", 501);
        StateSnapshot after = StateSnapshot.capture(old, mapper);
        Restoration forth = StateRestorer.restore(after.only(after.changedSince(before)), page, mapper, Set.of());
        assertThat(forth.failure()).isEmpty();
        assertThat(get(page, "hits")).isEqualTo(501);
        assertThat(OlderRevision.newerName(page.getClass(), "counter")).isEqualTo("hits");
        Object kept = ((List<?>) get(page, "ticks")).get(1);
        assertThat(kept.getClass().getMethod("time").invoke(kept)).isEqualTo("10:01");
    }

    @Test
    void issue13AComponentTheOldRecordLacksMarksItsFieldAsHeldInPart() throws Exception {
        Object page = view(grown);
        Object tick = grown.loadClass("example.clock.ClockView$Tick").getConstructors()[0].newInstance(1, "10:00",
                "important");
        set(page, "ticks", List.of(tick));

        Restoration back = OlderRevision.restore(page, view(older));

        assertThat(back.failure()).isEmpty();
        assertThat(OlderRevision.partlyHeld(back)).containsExactly("ticks");
    }

    private static Object view(ClassLoader loader) throws Exception {
        return loader.loadClass("example.clock.ClockView").getConstructor().newInstance();
    }

    private static Object tick(ClassLoader loader, int n, String at) throws Exception {
        return loader.loadClass("example.clock.ClockView$Tick").getConstructors()[0].newInstance(n, at);
    }

    private static void set(Object target, String name, Object value) throws Exception {
        Field f = target.getClass().getDeclaredField(name);
        f.setAccessible(true);
        f.set(target, value);
    }
}
