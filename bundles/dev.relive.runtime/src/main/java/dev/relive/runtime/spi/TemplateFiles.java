package dev.relive.runtime.spi;

/**
 * Where a view's template file lives: beside the view's class, named after it, with the extension
 * {@value #EXTENSION}; in a project's sources under {@value #RESOURCES}.
 */
public final class TemplateFiles {

    /** The extension of template files. */
    public static final String EXTENSION = ".peb";

    /** The folder of a bundle project that holds its resources, templates among them. */
    public static final String RESOURCES = "src/main/resources";

    private TemplateFiles() {
    }

    /** The resource path of the template of view class {@code viewClassName}, e.g. {@code com/example/CounterView.peb}. */
    public static String pathOf(String viewClassName) {
        return viewClassName.replace('.', '/') + EXTENSION;
    }

    /** Whether the file or resource {@code name} is a template, by its extension. */
    public static boolean isTemplate(String name) {
        return name.endsWith(EXTENSION);
    }
}
