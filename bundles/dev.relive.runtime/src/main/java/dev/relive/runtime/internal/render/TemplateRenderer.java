package dev.relive.runtime.internal.render;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import dev.relive.api.LiveView;
import dev.relive.runtime.internal.state.StateFields;
import dev.relive.runtime.spi.TemplateFiles;
import dev.relive.runtime.spi.TemplateSource;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.tokenParser.TokenParser;

/**
 * Renders a view's template with Pebble, auto-escaping on, and the layout the view renders inside. The template is
 * {@link LiveView#template()} or the file {@code <SimpleName>.peb} beside the class; the templates it includes,
 * extends or imports come from its bundle or from template libraries ({@link TemplateLoader}); a
 * {@link TemplateSource} (dev) may supply newer text for any template file.
 */
public final class TemplateRenderer {

    /** The manifest header naming the layout of a bundle's views that do not choose one. */
    public static final String LAYOUT_HEADER = "Relive-Layout";
    /** Pebble's message for a function that is neither its own nor a macro; the name is group 1. */
    private static final Pattern NO_FUNCTION = Pattern.compile("Function or Macro \\[(\\w+)\\] does not exist");

    private final TemplateLoader loader;
    private final TemplateCache cache = new TemplateCache();
    /** Made on first use (see {@link #prepareInBackground()}); guarded by {@link #preparing}. */
    private volatile PebbleEngine engine;
    private final AtomicBoolean preparing = new AtomicBoolean();

    public TemplateRenderer() {
        this(new TemplateLibraries());
    }

    public TemplateRenderer(TemplateLibraries libraries) {
        this.loader = new TemplateLoader(libraries);
    }

    /**
     * Once, on a thread of its own: makes the Pebble engine (about 150 classes) if no render has made it yet. The
     * runtime calls it when its index page is first served, which the launcher does to see that the pages answer, so
     * that the engine is made after the launch's start and before the first view's page, not on either's path.
     */
    public void prepareInBackground() {
        if (engine != null || !preparing.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                engine();
            } catch (RuntimeException | LinkageError e) {
                // the first render makes it itself, and reports what fails then
            }
        }, "relive-templates-prepare");
        t.setDaemon(true);
        t.start();
    }

    private PebbleEngine engine() {
        PebbleEngine made = engine;
        if (made != null) {
            return made;
        }
        synchronized (preparing) {
            if (engine == null) {
                engine = newEngine();
            }
            return engine;
        }
    }

    private PebbleEngine newEngine() {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(PebbleEngine.class.getClassLoader());
        try {
            return new PebbleEngine.Builder().loader(loader).autoEscaping(true).strictVariables(false)
                    .newLineTrimming(false).templateCache(cache).extension(new AbstractExtension() {
                        @Override
                        public Map<String, Function> getFunctions() {
                            return Map.of("child", new ChildFunction());
                        }

                        @Override
                        public java.util.List<TokenParser> getTokenParsers() {
                            return java.util.List.of(new HeadTag());
                        }
                    }).build();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    public void setOverride(TemplateSource source) {
        loader.setOverride(source);
    }

    /**
     * Parses {@code text} as the template {@code path} of {@code bundleSymbolicName} would be parsed, without
     * rendering it: empty when it parses, else Pebble's error. Includes, layouts and imports are resolved when a
     * template renders, not here.
     */
    public Optional<PebbleException> check(String bundleSymbolicName, String path, String text) {
        TemplateName name = loader.inline(new TemplateName(bundleSymbolicName, path), text);
        try {
            engine().getTemplate(name.toString());
            return Optional.empty();
        } catch (PebbleException e) {
            return Optional.of(e);
        }
    }

    /** How many parsed templates are kept: one per template name in use (see {@link TemplateCache}). */
    int parsedTemplates() {
        return cache.size();
    }

    /** The view's HTML; child views are rendered through {@code children}. */
    public String render(LiveView view, ChildRenderer children) {
        TemplateName name = templateOf(view);
        return evaluate(name, context(view, children), view.getClass().getSimpleName() + " template");
    }

    /**
     * The name of the layout {@code view} renders inside, or {@code null} for none: {@link LiveView#layout()}, else
     * its bundle's {@value #LAYOUT_HEADER} header, resolved like an include in the view's template.
     */
    public String layoutOf(LiveView view) {
        String chosen = view.layout();
        if (chosen == null) {
            Bundle bundle = FrameworkUtil.getBundle(view.getClass());
            chosen = bundle == null ? null : bundle.getHeaders("").get(LAYOUT_HEADER);
        }
        if (chosen == null || chosen.isBlank()) {
            return null;
        }
        TemplateName layout = loader.resolve(chosen.trim(), fileOf(view.getClass()));
        if (layout == null) {
            throw new RenderException(view.getClass().getSimpleName() + ": no layout " + chosen, null);
        }
        return layout.toString();
    }

    /**
     * The layout {@code layout} around {@code content} (the view's HTML, the variable {@code content}), seeing the
     * view's fields, the view and the HTML of {@code markup} by name (e.g. {@code flash}); its {@code {% head %}}
     * parts go to {@code head} when not null.
     */
    public String renderLayout(String layout, LiveView view, ChildRenderer children, String content,
            Map<String, String> markup, StringBuilder head) {
        Map<String, Object> context = context(view, children);
        markup.forEach((name, html) -> context.put(name, new SafeString(html)));
        context.put("content", new SafeString(content));
        StringWriter headOut = head == null ? null : new StringWriter();
        if (headOut != null) {
            context.put(HeadTag.WRITER_VARIABLE, headOut);
        }
        String html = evaluate(TemplateName.parse(layout), context, "layout " + TemplateName.parse(layout).path());
        if (head != null) {
            head.append(headOut);
        }
        return html;
    }

    /** Runs {@code render} and adds the name of every template file it read ({@code bundle!path}) to {@code into}. */
    public <T> T recordingUses(Set<String> into, Supplier<T> render) {
        return loader.recordingUses(into, render);
    }

    private static Map<String, Object> context(LiveView view, ChildRenderer children) {
        Map<String, Object> context = StateFields.values(view);
        context.put("view", view);
        context.put(ChildFunction.RENDERER_VARIABLE, children);
        return context;
    }

    private String evaluate(TemplateName name, Map<String, Object> context, String what) {
        try {
            StringWriter out = new StringWriter(1024);
            engine().getTemplate(name.toString()).evaluate(out, context);
            return out.toString();
        } catch (PebbleException e) {
            if (e.getCause() instanceof RenderException r) {
                throw r; // a child's render failed: its own message says where
            }
            String line = e.getLineNumber() == null ? "" : ", line " + e.getLineNumber();
            throw new RenderException(what + line + ": " + e.getPebbleMessage() + thrownBy(e)
                    + viewMethodHint(e.getPebbleMessage(), context.get("view")), e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof RenderException r) {
                throw r;
            }
            throw new RenderException(what + ": " + e, e);
        }
    }

    /**
     * A hint for a view method called by its bare name ({@code {{ heading() }}}), which Pebble takes for a function
     * of its own: {@code ; a method of the view is called as view.heading()}. Empty otherwise.
     */
    static String viewMethodHint(String pebbleMessage, Object view) {
        Matcher missing = NO_FUNCTION.matcher(String.valueOf(pebbleMessage));
        if (!missing.find() || view == null) {
            return "";
        }
        String name = missing.group(1);
        for (Method method : view.getClass().getMethods()) {
            if (method.getName().equals(name)) {
                return "; a method of the view is called as view." + name + "()";
            }
        }
        return "";
    }

    /**
     * What the code a template called threw, and where ({@code : IllegalStateException: too many items at
     * ItemsView.java:77}); empty when Pebble itself failed. Pebble's own message ("Could not call summary") does not
     * say.
     */
    static String thrownBy(PebbleException e) {
        Throwable cause = e.getCause();
        while (cause != null && (cause instanceof PebbleException
                || cause instanceof java.lang.reflect.InvocationTargetException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause == null || cause instanceof PebbleException) {
            return "";
        }
        StringBuilder said = new StringBuilder(": ").append(cause.getClass().getSimpleName());
        if (cause.getMessage() != null) {
            said.append(": ").append(cause.getMessage());
        }
        StackTraceElement[] trace = cause.getStackTrace();
        if (trace.length > 0 && trace[0].getFileName() != null) {
            said.append(" at ").append(trace[0].getFileName()).append(':').append(trace[0].getLineNumber());
        }
        return said.toString();
    }

    private TemplateName templateOf(LiveView view) {
        TemplateName file = fileOf(view.getClass());
        String inline = view.template();
        if (inline != null) {
            return loader.inline(file, inline);
        }
        if (loader.text(file) == null) {
            throw new RenderException(view.getClass().getSimpleName() + " has no template: template() returned null and "
                    + file.path() + " is not in its bundle", null);
        }
        return file;
    }

    /** The name of the template file beside {@code type}, in its bundle (or class loader outside OSGi). */
    private TemplateName fileOf(Class<?> type) {
        Bundle bundle = FrameworkUtil.getBundle(type);
        TemplateOrigin origin = bundle != null ? TemplateOrigin.of(bundle)
                : TemplateOrigin.of(type.getClassLoader() == null ? ClassLoader.getSystemClassLoader() : type.getClassLoader());
        return loader.name(origin, TemplateFiles.pathOf(type.getName()));
    }
}
