package dev.relive.runtime.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.relive.api.LiveView;
import io.pebbletemplates.pebble.template.PebbleTemplate;

/**
 * A template saved again and again (dev) keeps one parsed version per template name, not one per save; an inline
 * template that varies is bounded too.
 */
class Issue13TemplateCacheTest {

    private static final ChildRenderer NO_CHILDREN = (id, view, props, sticky, tag) -> "";

    private final TemplateLibraries libraries = new TemplateLibraries();
    private final TemplateRenderer renderer;

    Issue13TemplateCacheTest() {
        libraries.add("kit", getClass().getClassLoader(), "kit");
        renderer = new TemplateRenderer(libraries);
    }

    @Test
    void aHundredSavesOfAnIncludedTemplateKeepOneParsedVersionOfIt() {
        renderer.render(new TemplateRendererTest.ComposedView(), NO_CHILDREN);
        int inUse = renderer.parsedTemplates();
        AtomicInteger save = new AtomicInteger();
        renderer.setOverride((origin, path) -> path.endsWith("parts/cell.peb") ? "<i>" + save.get() + "</i>" : null);
        for (int i = 1; i <= 100; i++) {
            save.set(i);
            assertThat(renderer.render(new TemplateRendererTest.ComposedView(), NO_CHILDREN)).contains("<i>" + i + "</i>");
        }
        assertThat(renderer.parsedTemplates()).isEqualTo(inUse);
    }

    @Test
    void aViewWhoseInlineTemplateVariesKeepsAtMostTheBoundOfVersions() {
        AtomicInteger counter = new AtomicInteger();
        LiveView varying = new LiveView() {
            @Override
            public String template() {
                return "<p>" + counter.incrementAndGet() + "</p>";
            }
        };
        for (int i = 0; i < TemplateCache.DEFAULT_MAX_NAMES + 10; i++) {
            renderer.render(varying, NO_CHILDREN);
        }
        assertThat(renderer.parsedTemplates()).isLessThanOrEqualTo(TemplateCache.DEFAULT_MAX_NAMES);
        assertThat(renderer.render(varying, NO_CHILDREN)).contains("<p>" + counter.get() + "</p>");
    }

    @Test
    void aKeptVersionIsReturnedWithoutParsingAgainAndANewTextReplacesIt() {
        TemplateCache cache = new TemplateCache(2);
        AtomicInteger parses = new AtomicInteger();
        PebbleTemplate first = cache.computeIfAbsent(new TemplateLoader.Key("b!a.peb", "d1", "one"),
                k -> template(parses));
        assertThat(cache.computeIfAbsent(new TemplateLoader.Key("b!a.peb", "d1", "one"), k -> template(parses)))
                .isSameAs(first);
        assertThat(parses).hasValue(1);
        PebbleTemplate second = cache.computeIfAbsent(new TemplateLoader.Key("b!a.peb", "d2", "two"),
                k -> template(parses));
        assertThat(second).isNotSameAs(first);
        assertThat(cache.size()).isEqualTo(1);
        cache.computeIfAbsent(new TemplateLoader.Key("b!b.peb", "d1", "b"), k -> template(parses));
        cache.computeIfAbsent(new TemplateLoader.Key("b!c.peb", "d1", "c"), k -> template(parses));
        assertThat(cache.size()).isLessThanOrEqualTo(2);
    }

    private static PebbleTemplate template(AtomicInteger parses) {
        parses.incrementAndGet();
        return (PebbleTemplate) java.lang.reflect.Proxy.newProxyInstance(PebbleTemplate.class.getClassLoader(),
                new Class<?>[] {PebbleTemplate.class}, (proxy, method, args) -> {
                    if (method.getName().equals("hashCode")) {
                        return System.identityHashCode(proxy);
                    }
                    if (method.getName().equals("equals")) {
                        return proxy == args[0];
                    }
                    return null;
                });
    }
}
