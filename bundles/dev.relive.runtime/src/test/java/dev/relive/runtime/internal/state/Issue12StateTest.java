package dev.relive.runtime.internal.state;

import static dev.relive.runtime.internal.state.StateTransferTest.get;
import static dev.relive.runtime.internal.state.StateTransferTest.set;
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
 * Issue 12, items 1, 2 and 4: values of the old revision's classes are never carried, injected fields are not
 * state, a renamed field is carried with {@code @CarriedFrom}, and every value not carried is named.
 */
class Issue12StateTest {

    static final String STORE = """
            package example.tasks;

            import java.util.*;

            public class TaskStore {
                private final List<String> tasks = new ArrayList<>();
                private final List<Runnable> listeners = new ArrayList<>();

                public void add(String task) {
                    tasks.add(task);
                    listeners.forEach(Runnable::run);
                }

                public void listen(Runnable listener) {
                    listeners.add(listener);
                }
            }
            """;

    static final String VIEW_V1 = """
            package example.tasks;

            import java.util.*;

            import dev.relive.api.LiveView;

            public class TasksView extends LiveView {
                public record Task(String title, boolean done) {}
                public enum Filter { ALL, OPEN { public String toString() { return "open"; } } }
                class Counter { int n = 1; }

                private TaskStore store;
                private final Runnable listener = this::storeChanged;
                private final Runnable anonymous = new Runnable() { public void run() { } };
                private Counter counter = new Counter();
                private List<Runnable> callbacks = new ArrayList<>(List.of(() -> { }));
                private List<Task> tasks = new ArrayList<>(List.of(new Task("write", false)));
                private Filter filter = Filter.OPEN;
                private String error = "title is required";
                private int removed = 3;
                public int changes;

                void storeChanged() {
                    changes++;
                }
            }
            """;

    static final String VIEW_V2 = """
            package example.tasks;

            import java.util.*;

            import dev.relive.api.CarriedFrom;
            import dev.relive.api.LiveView;

            public class TasksView extends LiveView {
                public record Task(String title, boolean done) {}
                public enum Filter { ALL, OPEN { public String toString() { return "open"; } } }
                class Counter { int n = 2; }

                private TaskStore store;
                private final Runnable listener = this::storeChanged;
                private final Runnable anonymous = new Runnable() { public void run() { } };
                private Counter counter = new Counter();
                private List<Runnable> callbacks = List.of();
                private List<Task> tasks = List.of();
                private Filter filter = Filter.ALL;
                @CarriedFrom("error")
                private String titleError;
                public int changes;

                void storeChanged() {
                    changes += 10;
                }
            }
            """;

    @TempDir
    static Path dir;
    private static URLClassLoader store;
    private static URLClassLoader v1;
    private static URLClassLoader v2;

    @BeforeAll
    static void compile() throws Exception {
        store = ClassVersions.compileAndLoad(dir, "store", Map.of("example/tasks/TaskStore.java", STORE), List.of(),
                Issue12StateTest.class.getClassLoader());
        List<Path> classPath = List.of(dir.resolve("store/classes"));
        v1 = ClassVersions.compileAndLoad(dir, "v1", Map.of("example/tasks/TasksView.java", VIEW_V1), classPath,
                store);
        v2 = ClassVersions.compileAndLoad(dir, "v2", Map.of("example/tasks/TasksView.java", VIEW_V2), classPath,
                store);
    }

    @AfterAll
    static void close() throws Exception {
        v1.close();
        v2.close();
        store.close();
    }

    @Test
    void valuesOfTheOldRevisionsClassesStartFromTheNewInitializersAndAreNamed() throws Exception {
        Object old = view(v1);
        Object neu = view(v2);
        ObjectMapper mapper = StateMapper.create();

        Restoration result = StateRestorer.restore(StateSnapshot.capture(old, mapper), neu, mapper, Set.of());

        assertThat(result.failure()).isEmpty();
        for (String field : List.of("listener", "anonymous", "counter")) {
            assertThat(get(neu, field).getClass().getClassLoader()).as(field).isSameAs(v2);
        }
        ((Runnable) get(neu, "listener")).run();
        assertThat(get(neu, "changes")).isEqualTo(10);
        assertThat(get(old, "changes")).isEqualTo(0);
        assertThat((List<?>) get(neu, "callbacks")).isEmpty();
        assertThat(result.dropped()).containsExactly("anonymous", "callbacks", "counter", "listener", "removed");
    }

    @Test
    void dataTypesOfTheOldRevisionStillConvertByName() throws Exception {
        Object neu = view(v2);

        Restoration result = StateRestorer.restore(StateSnapshot.capture(view(v1)), neu, StateMapper.create(),
                Set.of());

        assertThat((List<?>) get(neu, "tasks")).singleElement()
                .satisfies(task -> assertThat(task.getClass().getClassLoader()).isSameAs(v2))
                .hasToString("Task[title=write, done=false]");
        assertThat(get(neu, "filter")).hasToString("open");
        assertThat(get(neu, "filter").getClass().getClassLoader()).isSameAs(v2);
        assertThat(result.dropped()).doesNotContain("tasks", "filter");
    }

    @Test
    void anInjectedFieldIsNeitherCapturedNorRestored() throws Exception {
        Object old = view(v1);
        Object oldStore = newStore();
        set(old, "store", oldStore);
        Object neu = view(v2);
        Object injected = newStore();
        set(neu, "store", injected);
        ObjectMapper mapper = StateMapper.create();

        StateSnapshot snapshot = StateSnapshot.capture(old, mapper, Set.of("store"));
        Restoration result = StateRestorer.restore(snapshot, neu, mapper, Set.of("store"));

        assertThat(snapshot.values()).doesNotContainKey("store");
        assertThat(snapshot.objects()).doesNotContainKey("store");
        assertThat(result.failure()).isEmpty();
        assertThat(get(neu, "store")).isSameAs(injected);
        assertThat(result.dropped()).doesNotContain("store");
    }

    @Test
    void aRenamedFieldIsCarriedFromTheFieldItsAnnotationNames() throws Exception {
        Object neu = view(v2);

        Restoration result = StateRestorer.restore(StateSnapshot.capture(view(v1)), neu, StateMapper.create(),
                Set.of());

        assertThat(get(neu, "titleError")).isEqualTo("title is required");
        assertThat(result.dropped()).doesNotContain("error", "titleError").contains("removed");
    }

    private static Object view(ClassLoader loader) throws Exception {
        return loader.loadClass("example.tasks.TasksView").getConstructor().newInstance();
    }

    private static Object newStore() throws Exception {
        return store.loadClass("example.tasks.TaskStore").getConstructor().newInstance();
    }
}
