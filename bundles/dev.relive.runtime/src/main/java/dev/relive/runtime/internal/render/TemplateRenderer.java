package dev.relive.runtime.internal.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.Map;

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
import io.pebbletemplates.pebble.template.PebbleTemplate;

/**
 * Renders a view's template with Pebble, auto-escaping on. The template is {@link LiveView#template()} or the file
 * {@code <SimpleName>.peb} beside the class; a {@link TemplateSource} (dev) may supply newer text for the file.
 */
public final class TemplateRenderer {

    private final TemplateTexts texts = new TemplateTexts();
    private final PebbleEngine engine;
    private volatile TemplateSource override;

    public TemplateRenderer() {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(PebbleEngine.class.getClassLoader());
        try {
            engine = new PebbleEngine.Builder().loader(texts).autoEscaping(true).strictVariables(false)
                    .newLineTrimming(false).extension(new AbstractExtension() {
                        @Override
                        public Map<String, Function> getFunctions() {
                            return Map.of("child", new ChildFunction());
                        }
                    }).build();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    public void setOverride(TemplateSource source) {
        this.override = source;
    }

    /** The view's HTML; child views are rendered through {@code children}. */
    public String render(LiveView view, ChildRenderer children) {
        String text = templateText(view);
        Map<String, Object> context = StateFields.values(view);
        context.put("view", view);
        context.put(ChildFunction.RENDERER_VARIABLE, children);
        try {
            PebbleTemplate template = engine.getTemplate(texts.nameOf(text));
            StringWriter out = new StringWriter(Math.max(256, text.length() * 2));
            template.evaluate(out, context);
            return out.toString();
        } catch (PebbleException e) {
            throw new RenderException(view.getClass().getSimpleName() + " template, line " + e.getLineNumber()
                    + ": " + e.getPebbleMessage(), e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof RenderException r) {
                throw r;
            }
            throw new RenderException(view.getClass().getSimpleName() + " template: " + e, e);
        }
    }

    private String templateText(LiveView view) {
        String inline = view.template();
        if (inline != null) {
            return inline;
        }
        Class<?> type = view.getClass();
        String path = TemplateFiles.pathOf(type.getName());
        TemplateSource source = override;
        if (source != null) {
            Bundle bundle = FrameworkUtil.getBundle(type);
            String text = bundle == null ? null : source.template(bundle.getSymbolicName(), path);
            if (text != null) {
                return text;
            }
        }
        String text = FILE_TEXTS.get(type);
        if (text.isEmpty()) {
            throw new RenderException(type.getSimpleName() + " has no template: template() returned null and "
                    + path + " is not in its bundle", null);
        }
        return text;
    }

    /** Template files by view class: read once per class (a new bundle revision brings new classes). */
    private static final ClassValue<String> FILE_TEXTS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            InputStream in = type.getClassLoader() == null ? null
                    : type.getClassLoader().getResourceAsStream(TemplateFiles.pathOf(type.getName()));
            if (in == null) {
                return "";
            }
            try {
                return TemplateTexts.read(in);
            } catch (IOException e) {
                throw new RenderException("cannot read " + TemplateFiles.pathOf(type.getName()) + ": " + e.getMessage(), e);
            }
        }
    };
}
