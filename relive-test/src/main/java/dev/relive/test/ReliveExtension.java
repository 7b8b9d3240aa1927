package dev.relive.test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import dev.relive.test.internal.ClassPathBundles;
import dev.relive.test.internal.ModuleSettings;

/** Starts a {@link LiveRuntime} per test class annotated {@link ReliveTest} and stops it after the class. */
public final class ReliveExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ReliveExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        runtime(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LiveRuntime.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return runtime(context);
    }

    private static LiveRuntime runtime(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        while (testClass.getAnnotation(ReliveTest.class) == null && testClass.getEnclosingClass() != null) {
            testClass = testClass.getEnclosingClass();
        }
        ReliveTest settings = testClass.getAnnotation(ReliveTest.class);
        if (settings == null) {
            throw new ParameterResolutionException(context.getRequiredTestClass() + " is not annotated @ReliveTest");
        }
        ExtensionContext.Store store = classContext(context, testClass).getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(LiveRuntime.class, k -> start(settings), LiveRuntime.class);
    }

    private static ExtensionContext classContext(ExtensionContext context, Class<?> testClass) {
        ExtensionContext c = context;
        while (c.getTestClass().orElse(null) != testClass || c.getTestMethod().isPresent()) {
            c = c.getParent().orElseThrow();
        }
        return c;
    }

    private static LiveRuntime start(ReliveTest settings) {
        List<Path> bundles = new ArrayList<>();
        Path module = Path.of(System.getProperty("basedir", ""));
        Path classes = module.resolve("target/classes");
        if (ClassPathBundles.symbolicName(classes).isPresent()) {
            bundles.add(classes);
        }
        for (String b : settings.bundles()) {
            bundles.add(module.resolve(b));
        }
        bundles.addAll(ClassPathBundles.named(ModuleSettings.classPathBundles(List.of(settings.classPathBundles()))));
        return LiveRuntime.start(bundles, settings.dev());
    }
}
