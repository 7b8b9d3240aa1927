package dev.relive.runtime.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;


/** Old and new versions of a view in separate class loaders, sharing a service interface from a third one. */
class StateTransferTest {

    static final String GREETER = """
            package example.svc;

            public interface Greeter {
                String greet(String name);
            }
            """;

    static final String VIEW_V1 = """
            package example.views;

            import java.time.LocalDate;
            import java.util.*;

            import dev.relive.api.LiveView;
            import example.svc.Greeter;

            public class FormView extends LiveView {
                public record Item(String name, int qty) {}
                public enum Mode { VIEW, EDIT }

                private int counter = 7;
                private String title = "Groceries";
                private Item selected = new Item("apple", 3);
                private Mode mode = Mode.EDIT;
                private List<Item> items = new ArrayList<>(List.of(new Item("apple", 3), new Item("pear", 1)));
                private Map<String, Item> byName = new LinkedHashMap<>(Map.of("pear", new Item("pear", 1)));
                private LocalDate due = LocalDate.of(2025, 3, 14);
                private transient int renders = 5;
                private int code = 42;
                private Greeter greeter;
                private Object nothing;
            }
            """;

    static final String VIEW_V2 = """
            package example.views;

            import java.time.LocalDate;
            import java.util.*;

            import dev.relive.api.LiveView;
            import example.svc.Greeter;

            public class FormView extends LiveView {
                public record Item(String name, int qty, String note) {}
                public enum Mode { EDIT, VIEW, ARCHIVED }

                private int counter;
                private String title;
                private Item selected;
                private Mode mode = Mode.VIEW;
                private List<Item> items = List.of();
                private Map<String, Item> byName = Map.of();
                private LocalDate due;
                private transient int renders;
                private String code;
                private Greeter greeter;
                private String added = "fresh";

                public FormView() {
                }

                public FormView(Greeter injected) {
                    this.greeter = injected;
                }
            }
            """;

    static final String VIEW_V3 = """
            package example.views;

            import java.util.*;

            import dev.relive.api.LiveView;

            public class FormView extends LiveView {
                private int counter = -1;
                private String title = "initial";
                private List<String> code = List.of();
            }
            """;

    @TempDir
    static Path dir;
    private static URLClassLoader services;
    private static URLClassLoader v1;
    private static URLClassLoader v2;
    private static URLClassLoader v3;

    @BeforeAll
    static void compile() throws Exception {
        services = ClassVersions.compileAndLoad(dir, "svc", Map.of("example/svc/Greeter.java", GREETER), List.of(),
                StateTransferTest.class.getClassLoader());
        List<Path> classPath = List.of(dir.resolve("svc/classes"));
        v1 = ClassVersions.compileAndLoad(dir, "v1", Map.of("example/views/FormView.java", VIEW_V1), classPath,
                services);
        v2 = ClassVersions.compileAndLoad(dir, "v2", Map.of("example/views/FormView.java", VIEW_V2), classPath,
                services);
        v3 = ClassVersions.compileAndLoad(dir, "v3", Map.of("example/views/FormView.java", VIEW_V3), classPath,
                services);
    }

    @AfterAll
    static void close() throws Exception {
        v1.close();
        v2.close();
        v3.close();
        services.close();
    }

    @Test
    void carriesStateByNameAcrossClassLoaders() throws Exception {
        Object old = newView(v1);
        Object oldGreeter = greeter("old");
        set(old, "greeter", oldGreeter);
        Object injected = greeter("injected");
        Object neu = v2.loadClass("example.views.FormView").getConstructor(greeterType()).newInstance(injected);

        StateSnapshot snapshot = StateSnapshot.capture(old);
        Optional<String> failure = StateRestorer.restore(snapshot, neu);

        assertThat(failure).isEmpty();
        assertThat(get(neu, "counter")).isEqualTo(7);
        assertThat(get(neu, "title")).isEqualTo("Groceries");
        Object selected = get(neu, "selected");
        assertThat(selected.getClass().getClassLoader()).isSameAs(v2);
        assertThat(selected).hasToString("Item[name=apple, qty=3, note=null]");
        Object mode = get(neu, "mode");
        assertThat(mode.getClass().getClassLoader()).isSameAs(v2);
        assertThat(((Enum<?>) mode).name()).isEqualTo("EDIT");
        assertThat(((Enum<?>) mode).ordinal()).isZero();
        assertThat((List<?>) get(neu, "items")).hasSize(2)
                .allSatisfy(item -> assertThat(item.getClass().getClassLoader()).isSameAs(v2))
                .extracting(Object::toString)
                .containsExactly("Item[name=apple, qty=3, note=null]", "Item[name=pear, qty=1, note=null]");
        @SuppressWarnings("unchecked")
        Map<String, Object> byName = (Map<String, Object>) get(neu, "byName");
        assertThat(byName).containsOnlyKeys("pear");
        assertThat(byName.get("pear").getClass().getClassLoader()).isSameAs(v2);
        assertThat(get(neu, "due")).isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(get(neu, "code")).isEqualTo("42");
        assertThat(get(neu, "added")).isEqualTo("fresh");
        assertThat(get(neu, "renders")).isEqualTo(5);
        assertThat(get(neu, "greeter")).isSameAs(injected);
        assertThat(snapshot.values()).containsKey("renders").doesNotContainKey("greeter");
    }

    @Test
    void aServiceFieldLeftEmptyByTheNewInstanceGetsTheOldObject() throws Exception {
        Object old = newView(v1);
        Object oldGreeter = greeter("old");
        set(old, "greeter", oldGreeter);
        Object neu = newView(v2);

        assertThat(StateRestorer.restore(StateSnapshot.capture(old), neu)).isEmpty();

        assertThat(get(neu, "greeter")).isSameAs(oldGreeter);
    }

    @Test
    void aValueThatCannotBeConvertedFailsAndNothingIsApplied() throws Exception {
        Object old = newView(v1);
        Object neu = newView(v3);

        Optional<String> failure = StateRestorer.restore(StateSnapshot.capture(old), neu);

        assertThat(failure).contains("field_type_changed:code");
        assertThat(get(neu, "counter")).isEqualTo(-1);
        assertThat(get(neu, "title")).isEqualTo("initial");
    }

    @Test
    void snapshotAndRestoreTime() throws Exception {
        Object old = newView(v1);
        set(old, "greeter", greeter("old"));
        Object neu = newView(v2);
        ObjectMapper mapper = StateMapper.create();
        long[] shared = time(1000, () -> StateRestorer.restore(StateSnapshot.capture(old, mapper), neu, mapper));
        long[] fresh = time(200, () -> StateRestorer.restore(StateSnapshot.capture(old), neu));
        System.out.printf("State snapshot+restore of a 11-field view: median %.1f us with one mapper (warm, n=1000),"
                + " %.1f us with a fresh mapper per call (n=200)%n", shared[shared.length / 2] / 1000.0,
                fresh[fresh.length / 2] / 1000.0);
        assertThat(StateRestorer.restore(StateSnapshot.capture(old, mapper), neu, mapper)).isEmpty();
    }

    private static long[] time(int runs, Runnable task) {
        for (int i = 0; i < runs; i++) {
            task.run();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            task.run();
            nanos[i] = System.nanoTime() - t0;
        }
        java.util.Arrays.sort(nanos);
        return nanos;
    }

    private static Object newView(ClassLoader loader) throws Exception {
        return loader.loadClass("example.views.FormView").getConstructor().newInstance();
    }

    private static Class<?> greeterType() throws ClassNotFoundException {
        return services.loadClass("example.svc.Greeter");
    }

    private static Object greeter(String who) throws ClassNotFoundException {
        return Proxy.newProxyInstance(services, new Class<?>[] {greeterType()},
                (proxy, method, args) -> method.getName().equals("toString") ? "greeter " + who : who);
    }

    static Object get(Object target, String name) throws ReflectiveOperationException {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }

    static void set(Object target, String name, Object value) throws ReflectiveOperationException {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }
}
