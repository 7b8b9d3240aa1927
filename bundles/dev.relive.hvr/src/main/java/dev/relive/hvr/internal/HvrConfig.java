package dev.relive.hvr.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of Hot View Replacement, PID {@value #PID}. Keys: {@code hot_reload}, {@code hvr_enabled},
 * {@code watch_dirs}, {@code exclude_dirs}, {@code warm_up_builds}, {@code redefine_bodies} (a double underscore in a method name is a single
 * one in the key).
 */
@ObjectClassDefinition(id = HvrConfig.PID, name = "Relive Hot View Replacement",
        description = "Dev-only: watch view sources, rebuild and hot-swap view bundles keeping their state.")
public @interface HvrConfig {
    String PID = "dev.relive.hvr";

    @AttributeDefinition(name = "Watcher on", description = "Watch the source folders for saves.")
    boolean hot__reload() default true;

    @AttributeDefinition(name = "HVR enabled",
            description = "Carry view state into new classes on save; off: every save reloads the page.")
    boolean hvr__enabled() default true;

    @AttributeDefinition(name = "Redefine method bodies",
            description = "Apply a save that changes only method bodies by redefining the running classes (the dev "
            + "launcher's JVM instrumentation), without a bundle update; off: every Java save updates the bundle.")
    boolean redefine__bodies() default true;

    @AttributeDefinition(name = "Watched folders",
            description = "Folders holding bundle projects, anywhere below them; default: the workspace folder.")
    String[] watch__dirs() default {};

    @AttributeDefinition(name = "Excluded folders", description = "Folders below the watched ones to ignore.")
    String[] exclude__dirs() default {};

    @AttributeDefinition(name = "Warm-up builds", description = "The most builds that warm the JIT after start-up, "
            + "so that the first save is as fast as the later ones (they stop sooner once they no longer get faster, "
            + "and at the first save); 0: no JIT warm-up, the first saves are slower.")
    int warm__up__builds() default WarmUp.MAX_BUILDS;
}
