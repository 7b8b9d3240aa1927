package dev.relive.hvr.internal.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.relive.hvr.internal.watch.ProjectFolders;

/** Issue 12 item 7: projects found anywhere in a workspace, named by the bundle they build, not by their folder. */
class Issue12ProjectNameTest {

    private static final String POM = """
            <project><modelVersion>4.0.0</modelVersion>
              <parent><groupId>com.example</groupId><artifactId>tasks-parent</artifactId><version>2.0.1</version></parent>
              <artifactId>%s</artifactId>
            </project>
            """;

    @TempDir
    Path workspace;

    @Test
    void theNameIsTheBndBundleSymbolicNameThenThePomArtifactIdThenTheFolder() throws IOException {
        Path byBnd = project("modules/tasks-web", "Bundle-SymbolicName: com.example.tasks;singleton:=true\n",
                "tasks-web");
        Path byMacro = project("modules/store", "Bundle-SymbolicName: ${project.artifactId}.impl\n", "com.example.store");
        Path byPom = project("modules/tasks-api", "", "com.example.tasks.api");
        Path byFolder = project("modules/com.example.plain", "", null);

        assertThat(ProjectName.of(byBnd)).isEqualTo("com.example.tasks");
        assertThat(ProjectName.of(byMacro)).isEqualTo("com.example.store.impl");
        assertThat(ProjectName.of(byPom)).isEqualTo("com.example.tasks.api");
        assertThat(ProjectName.of(byFolder)).isEqualTo("com.example.plain");
        assertThat(PomInfo.read(byPom).version()).contains("2.0.1");
        assertThat(FirstBuild.osgiVersion("1.2.0-SNAPSHOT")).isEqualTo("1.2.0.SNAPSHOT");
        assertThat(FirstBuild.osgiVersion("${revision}")).isEqualTo("0.0.0");
    }

    @Test
    void projectsAreFoundAtAnyDepthButNotInBuildOutputDependenciesOrHiddenFolders() throws IOException {
        Files.writeString(workspace.resolve("bnd.bnd"), "-reproducible: true\n");
        Files.createDirectories(workspace.resolve("src"));
        Path web = project("tasks-web", "", "com.example.tasks");
        Path store = project("backend/store/store-impl", "", "com.example.store");
        project("tasks-web/target/copy", "", "ignored.target");
        project("web/node_modules/pkg", "", "ignored.node");
        project(".cache/p", "", "ignored.hidden");
        project("excluded/p", "", "ignored.excluded");
        Files.createDirectories(workspace.resolve("starter"));
        Files.writeString(workspace.resolve("starter/pom.xml"), POM.formatted("starter"));
        project("starter/src/main/resources/archetype-resources/bundles/__package__", "", "ignored.template");

        List<Path> found = ProjectFolders.under(List.of(workspace), List.of(workspace.resolve("excluded")));

        assertThat(found).containsExactlyInAnyOrder(web, store);
    }

    private Path project(String folder, String bnd, String artifactId) throws IOException {
        Path project = Files.createDirectories(workspace.resolve(folder));
        Files.createDirectories(project.resolve("src/main/java"));
        Files.writeString(project.resolve("bnd.bnd"), bnd);
        if (artifactId != null) {
            Files.writeString(project.resolve("pom.xml"), POM.formatted(artifactId));
        }
        return project;
    }
}
