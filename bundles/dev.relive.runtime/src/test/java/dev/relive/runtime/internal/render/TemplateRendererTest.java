package dev.relive.runtime.internal.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.relive.api.LiveView;

/** Template composition against the view's own resources and a library, layouts, and the dev text source. */
class TemplateRendererTest {

    public static class ComposedView extends LiveView {
        public String title = "milk";
    }

    public static class ExtendingView extends LiveView {
        public String title = "eggs";
    }

    public static class InlineView extends LiveView {
        public String title = "tea";

        @Override
        public String template() {
            return "<div>{% include \"parts/row.peb\" %}</div>";
        }

        @Override
        public String layout() {
            return "@kit/layout.peb";
        }

        public String heading() {
            return "Tasks";
        }
    }

    public static class ThrowingView extends LiveView {
        @Override
        public String template() {
            return "<p>\n{{ view.summary() }}</p>";
        }

        public String summary() {
            throw new IllegalStateException("too many items to summarise");
        }
    }

    private static final ChildRenderer NO_CHILDREN = (id, view, props, sticky, tag) -> "";

    private final TemplateLibraries libraries = new TemplateLibraries();
    private final TemplateRenderer renderer;

    TemplateRendererTest() {
        libraries.add("kit", getClass().getClassLoader(), "kit");
        renderer = new TemplateRenderer(libraries);
    }

    @Test
    void includesResolveFromTheTemplatesFolderOrTheRootAndMacrosComeFromALibrary() {
        String html = renderer.render(new ComposedView(), NO_CHILDREN);
        assertThat(html).contains("<p class=\"row\">milk</p>", "<span class=\"cell\">MILK</span>",
                "<input name=\"title\" value=\"milk\">");
    }

    @Test
    void aViewExtendsALibraryTemplateAndFillsItsBlocks() {
        assertThat(renderer.render(new ExtendingView(), NO_CHILDREN).trim()).isEqualTo("<section><b>eggs</b></section>");
    }

    @Test
    void anInlineTemplateIncludesFromTheFolderOfItsClass() {
        assertThat(renderer.render(new InlineView(), NO_CHILDREN)).contains("<p class=\"row\">tea</p>");
    }

    @Test
    void aLayoutWrapsTheContentAndItsHeadPartGoesOnlyToTheHead() {
        InlineView view = new InlineView();
        String layout = renderer.layoutOf(view);
        StringBuilder head = new StringBuilder();
        String html = renderer.renderLayout(layout, view, NO_CHILDREN, "<p>inner</p>", Map.of(), head);
        assertThat(html.trim()).isEqualTo("<header>Tasks</header><main><p>inner</p></main>");
        assertThat(head).hasToString("<style>header{color:red}</style>");
        assertThat(renderer.renderLayout(layout, view, NO_CHILDREN, "x", Map.of(), null)).doesNotContain("style");
    }

    @Test
    void aViewWithoutALayoutHasNone() {
        assertThat(renderer.layoutOf(new ComposedView())).isNull();
        assertThat(renderer.layoutOf(new InlineView() {
            @Override
            public String layout() {
                return NO_LAYOUT;
            }
        })).isNull();
    }

    @Test
    void theUsesOfARenderNameEveryTemplateFileItRead() {
        Set<String> used = new HashSet<>();
        renderer.recordingUses(used, () -> renderer.render(new ComposedView(), NO_CHILDREN));
        assertThat(used).hasSize(4).allMatch(name -> name.contains("!"))
                .anyMatch(name -> name.endsWith("!kit/forms.peb"))
                .anyMatch(name -> name.endsWith("!dev/relive/runtime/internal/render/parts/cell.peb"));
    }

    @Test
    void aDevSourceReplacesAnIncludedTemplateAtOnce() {
        renderer.render(new ComposedView(), NO_CHILDREN);
        renderer.setOverride((origin, path) -> path.endsWith("parts/cell.peb") ? "<i>{{ title }}</i>" : null);
        assertThat(renderer.render(new ComposedView(), NO_CHILDREN)).contains("<i>milk</i>").doesNotContain("cell");
        renderer.setOverride(null);
        assertThat(renderer.render(new ComposedView(), NO_CHILDREN)).contains("<span class=\"cell\">MILK</span>");
    }

    /** Pebble takes {@code heading()} for a function of its own; the error says how a view method is called. */
    @Test
    void issue13AViewMethodCalledByItsBareNameIsAnErrorSayingHowToCallIt() {
        InlineView view = new InlineView() {
            @Override
            public String template() {
                return "<h1>\n{{ heading() }}</h1>";
            }
        };
        assertThatThrownBy(() -> renderer.render(view, NO_CHILDREN)).isInstanceOf(RenderException.class)
                .hasMessageContaining("line 2")
                .hasMessageEndingWith("Function or Macro [heading] does not exist.; a method of the view is called "
                        + "as view.heading()");
        LiveView other = new LiveView() {
            @Override
            public String template() {
                return "{{ nothing() }}";
            }
        };
        assertThatThrownBy(() -> renderer.render(other, NO_CHILDREN)).isInstanceOf(RenderException.class)
                .hasMessageEndingWith("Function or Macro [nothing] does not exist.");
    }

    @Test
    void aMissingIncludeOrLibraryIsARenderErrorNamingIt() {
        LiveView view = new LiveView() {
            @Override
            public String template() {
                return "{% include \"@nokit/x.peb\" %}";
            }
        };
        assertThatThrownBy(() -> renderer.render(view, NO_CHILDREN)).isInstanceOf(RenderException.class)
                .hasMessageContaining("@nokit/x.peb");
    }

    @Test
    void aLibraryReferenceCannotLeaveTheFolderTheLibraryShares() {
        LiveView view = new LiveView() {
            @Override
            public String template() {
                return "{% include \"@kit/../dev/relive/runtime/internal/render/parts/cell.peb\" %}";
            }
        };
        assertThatThrownBy(() -> renderer.render(view, NO_CHILDREN)).isInstanceOf(RenderException.class)
                .hasMessageContaining("@kit/../");
    }

    @Test
    void issue13AMethodATemplateCallsThatThrowsIsNamedWithWhatItThrewAndWhere() {
        assertThatThrownBy(() -> renderer.render(new ThrowingView(), NO_CHILDREN)).isInstanceOf(RenderException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("IllegalStateException: too many items to summarise at TemplateRendererTest.java:");
    }
}
