package dev.relive.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.relive.test.LivePage;
import dev.relive.test.LiveRuntime;

/**
 * The path a new user takes, from this build's artifacts, in a temporary folder outside the repository: generate a
 * project from the archetype, build and test it offline, run its dev command, change {@code increment}'s step and
 * see it live with the count kept, package it, run the production jar. Each step builds on the one before.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StarterIT {

    static Path workDir;
    static Path repository;
    static Path project;
    static Processes processes;

    @BeforeAll
    static void prepare() throws Exception {
        workDir = Files.createTempDirectory("relive-starter-it");
        repository = StarterRepository.create(workDir.resolve("repository"),
                Path.of(System.getProperty("maven.repo.local")), Path.of(System.getProperty("relive.repo")));
        Files.createDirectories(workDir.resolve("logs"));
        processes = new Processes(workDir.resolve("logs"));
        project = workDir.resolve("hello");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        processes.stopAll();
        try (Stream<Path> files = Files.walk(workDir)) { // links are removed, not followed
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Test
    @Order(1)
    void generatesAProjectOffline() throws Exception {
        processes.maven(workDir, repository, "generate", "org.apache.maven.plugins:maven-archetype-plugin:3.3.1:generate",
                "-DarchetypeGroupId=dev.relive", "-DarchetypeArtifactId=relive-archetype",
                "-DarchetypeVersion=" + System.getProperty("relive.version"), "-DgroupId=com.example",
                "-DartifactId=hello", "-Dpackage=com.example.hello", "-Dversion=1.0.0-SNAPSHOT");

        assertThat(project.resolve("bundles/com.example.hello/src/main/java/com/example/hello/CounterView.java"))
                .content().contains("@LiveViewRoute(\"/counter\")", "count += 1;");
        assertThat(project.resolve("bundles/com.example.hello/src/main/resources/com/example/hello/CounterView.peb"))
                .content().contains("id=\"count\"", "id=\"inc\" rl-click=\"increment\"");
        assertThat(project.resolve("README.md")).content()
                .contains("java -jar app/target/hello.jar --dev", "mvn -B verify").doesNotContain("$h", "#set");
        assertThat(project.resolve(".gitignore")).content().contains("target/");
    }

    @Test
    @Order(2)
    void buildsAndPassesItsTestsOffline() throws Exception {
        processes.maven(project, repository, "verify", "verify");

        assertThat(project.resolve("bundles/com.example.hello/target/surefire-reports"))
                .isDirectoryContaining("glob:**/TEST-com.example.hello.CounterViewTest.xml");
        Path bundle = project.resolve("bundles/com.example.hello/target/com.example.hello-1.0.0-SNAPSHOT.jar");
        Manifest manifest;
        try (JarFile jar = new JarFile(bundle.toFile())) {
            manifest = jar.getManifest();
        }
        assertThat(manifest.getMainAttributes().getValue("Bundle-SymbolicName")).isEqualTo("com.example.hello");
        assertThat(manifest.getMainAttributes().getValue("Bundle-Vendor")).isNull();
        assertThat(manifest.getMainAttributes().values().toString()).doesNotContain("Relive");
    }

    @Test
    @Order(3)
    void devCommandSwapsAnEditedViewKeepingItsCount() throws Exception {
        String url = processes.startApp(project, project.resolve("app/target/hello.jar"), "dev", "--dev", "--port", "0");
        Path source = project.resolve("bundles/com.example.hello/src/main/java/com/example/hello/CounterView.java");
        try (LivePage page = awaitPage(LiveRuntime.connect(URI.create(url)), "/counter").mount("/counter")) {
            page.click("#inc");
            assertThat(page.text("#count")).isEqualTo("1");

            Files.writeString(source, Files.readString(source).replace("count += 1;", "count += 5;"));
            page.awaitFrame("hvr-applied", Duration.ofSeconds(120));
            page.click("#inc");

            assertThat(page.text("#count")).as(processes.log("dev")).isEqualTo("6");

            // a body edit is applied by redefining the running class: the app's jar carries the launcher's agent
            Files.writeString(source, Files.readString(source).replace("count += 5;", "count += 7;"));
            page.awaitFrame("hvr-applied", Duration.ofSeconds(120));
            page.click("#inc");
            assertThat(page.text("#count")).as(processes.log("dev")).isEqualTo("13");
            assertThat(processes.log("dev")).contains("HVR: com.example.hello redefined in place");
        } finally {
            processes.stopAll();
        }
    }

    @Test
    @Order(4)
    void packagesAJarThatRunsInProduction() throws Exception {
        processes.maven(project, repository, "package", "package", "-DskipTests");

        String url = processes.startApp(project, project.resolve("app/target/hello.jar"), "production", "--port", "0");
        LiveRuntime production = awaitPage(LiveRuntime.connect(URI.create(url)), "/counter");
        assertThat(production.get("/counter").body()).contains("id=\"count\"").doesNotContain("relive-dev");
        try (LivePage page = production.mount("/counter")) {
            page.click("#inc");

            assertThat(page.text("#count")).as("the source as the dev test left it").isEqualTo("7");
        }
        assertThat(production.get("/form").statusCode()).as("no example views").isEqualTo(404);
    }

    /**
     * Waits (90 s at most) until {@code path} answers 200: "ready" comes once HTTP answers, the app's bundles may
     * still be starting then, for longer than a mount waits for its route on a busy machine.
     */
    private static LiveRuntime awaitPage(LiveRuntime runtime, String path) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                int status = runtime.get(path).statusCode();
                if (status == 200) {
                    return runtime;
                }
                last = "status " + status;
            } catch (IllegalStateException e) {
                last = e.getMessage();
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " did not answer 200 within 90 s (last: " + last + ")\n"
                + processes.log("dev") + "\n" + processes.log("production"));
    }
}
