package dev.relive.hvr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.service.condition.Condition;

/** HVR's warm-up waits for the launcher's {@code relive.ready} condition, and only where the launcher runs it. */
class Issue13LaunchReadyTest {

    @TempDir
    Path dir;

    @Test
    void underTheLauncherTheWaitEndsWhenTheConditionIsRegistered() throws Exception {
        Framework framework = felix(Map.of(Constants.FRAMEWORK_STORAGE, dir.resolve("a").toString(),
                OutOfDateBundles.LAUNCHER_PROPERTY, dir.resolve("relive.jar").toString()));
        try {
            CompletableFuture<Void> waited = CompletableFuture.runAsync(() -> {
                try {
                    LaunchReady.await(framework.getBundleContext());
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertThat(waited).as("still waiting before ready").isNotDone();
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(Condition.CONDITION_ID, "relive.ready");
            framework.getBundleContext().registerService(Condition.class, Condition.INSTANCE, properties);
            waited.get(10, TimeUnit.SECONDS);
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    @Test
    void withoutTheLauncherNothingIsWaitedFor() throws Exception {
        Framework framework = felix(Map.of(Constants.FRAMEWORK_STORAGE, dir.resolve("b").toString()));
        try {
            CompletableFuture.runAsync(() -> {
                try {
                    LaunchReady.await(framework.getBundleContext());
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }).get(10, TimeUnit.SECONDS);
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    private static Framework felix(Map<String, Object> properties) throws Exception {
        Framework framework = new Felix(properties);
        framework.init();
        framework.start();
        return framework;
    }
}
