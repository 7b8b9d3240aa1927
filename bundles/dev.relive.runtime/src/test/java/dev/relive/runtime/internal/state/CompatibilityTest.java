package dev.relive.runtime.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shapes of view classes compiled as separate versions, each in its own class loader. */
class CompatibilityTest {

    static final String BASE = """
            package example.shape;

            import java.util.List;

            import dev.relive.api.EventHandler;
            import dev.relive.api.LiveView;
            import dev.relive.api.ViewSession;

            public class ShapeView extends %s {
                private int count;
                private List<String> names;
                private transient int renders;
                private static int instances;

                @EventHandler
                public void inc(%s) {
                    count += 1;
                }

                @EventHandler(%s)
                public void store(%s) {
                }

                public void notAHandler() {
                }
                %s
            }
            """;

    @TempDir
    static Path dir;
    private static int variants;

    @Test
    void shapeListsHandlersFieldsAndSuperclasses() throws Exception {
        ClassShape shape = ClassShape.of(original());

        assertThat(shape.className()).isEqualTo("example.shape.ShapeView");
        assertThat(shape.handlers()).containsOnlyKeys("inc", "save");
        assertThat(shape.handlers().get("inc")).isEqualTo(new ClassShape.Handler("inc", List.of("by"), List.of("int")));
        assertThat(shape.handlers().get("save")).isEqualTo(new ClassShape.Handler("save",
                List.of("title", "session"), List.of("java.lang.String", "dev.relive.api.ViewSession")));
        assertThat(shape.fields()).isEqualTo(Map.of("count", "int", "renders", "int", "names", "java.util.List<java.lang.String>"));
        assertThat(shape.superclasses()).containsExactly("dev.relive.api.LiveView");
    }

    @Test
    void addingHandlersAndFieldsAndChangingBodiesIsCompatible() throws Exception {
        Class<?> changed = variant("LiveView", "int by", "\"save\"", "String title, ViewSession session", """
                private String added = "x";

                @EventHandler
                public void reset() {
                    count = 0;
                }
                """);

        assertThat(Compatibility.check(ClassShape.of(original()), ClassShape.of(changed))).isEmpty();
    }

    @Test
    void aRemovedHandlerIsIncompatible() throws Exception {
        Class<?> changed = variant("LiveView", "int by", "\"persist\"", "String title, ViewSession session", "");

        assertThat(Compatibility.check(ClassShape.of(original()), ClassShape.of(changed)))
                .contains("handler_removed:save");
    }

    @Test
    void renamedParametersAreIncompatible() throws Exception {
        Class<?> changed = variant("LiveView", "int amount", "\"save\"", "String title, ViewSession session", "");

        assertThat(Compatibility.check(ClassShape.of(original()), ClassShape.of(changed)))
                .contains("handler_params_changed:inc");
    }

    @Test
    void changedParameterTypesAreIncompatible() throws Exception {
        Class<?> changed = variant("LiveView", "long by", "\"save\"", "String title, ViewSession session", "");

        assertThat(Compatibility.check(ClassShape.of(original()), ClassShape.of(changed)))
                .contains("handler_params_changed:inc");
    }

    @Test
    void aRemovedSessionParameterIsIncompatible() throws Exception {
        Class<?> changed = variant("LiveView", "int by", "\"save\"", "String title", "");

        assertThat(Compatibility.check(ClassShape.of(original()), ClassShape.of(changed)))
                .contains("handler_params_changed:save");
    }

    @Test
    void aChangedSuperclassChainIsIncompatible() throws Exception {
        Class<?> changed = variant("example.shape.BaseView", "int by", "\"save\"", "String title, ViewSession session",
                "");

        assertThat(ClassShape.of(changed).superclasses())
                .containsExactly("example.shape.BaseView", "dev.relive.api.LiveView");
        assertThat(Compatibility.check(ClassShape.of(original()), ClassShape.of(changed)))
                .contains("superclass_changed");
    }

    @Test
    void aRemovedHandlerIsReportedBeforeChangedParametersAndSuperclass() throws Exception {
        Class<?> changed = variant("example.shape.BaseView", "long by", "\"persist\"", "String title", "");

        assertThat(Compatibility.check(ClassShape.of(original()), ClassShape.of(changed)))
                .contains("handler_removed:save");
    }

    private static Class<?> original() throws Exception {
        return variant("LiveView", "int by", "\"save\"", "String title, ViewSession session", "");
    }

    private static Class<?> variant(String superclass, String incParams, String storeName, String storeParams,
            String extra) throws Exception {
        String source = BASE.formatted(superclass, incParams, storeName, storeParams, extra);
        Map<String, String> sources = Map.of("example/shape/ShapeView.java", source, "example/shape/BaseView.java",
                "package example.shape;\n\npublic abstract class BaseView extends dev.relive.api.LiveView {\n}\n");
        return ClassVersions.compileAndLoad(dir, "variant" + variants++, sources, List.of(),
                CompatibilityTest.class.getClassLoader()).loadClass("example.shape.ShapeView");
    }
}
