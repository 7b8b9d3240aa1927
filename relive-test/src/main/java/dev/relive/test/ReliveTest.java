package dev.relive.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against a real Relive runtime, started once for the class in an in-process Felix with the
 * runtime's bundles and the bundles under test. Test methods (and {@code @BeforeAll}/{@code @BeforeEach} methods)
 * receive it as a {@link LiveRuntime} parameter.
 *
 * <p>The bundles under test are the module's own {@code target/classes} (when it is a bundle: the bnd-maven-plugin
 * wrote its manifest before the tests run) plus {@link #bundles()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ReliveExtension.class)
public @interface ReliveTest {

    /** More bundles to install: jar files or bundle folders, relative to the module folder. */
    String[] bundles() default {};

    /**
     * Bundle symbolic names of bundles on the test class path to install, e.g. a library bundle the views
     * depend on; besides those {@code classPathBundles} lists in {@code relive-test.properties} on the test class
     * path ({@code src/test/resources}), for every test class of the module.
     */
    String[] classPathBundles() default {};

    /** Starts the runtime in dev mode: error frames carry the view's stack trace. */
    boolean dev() default false;
}
