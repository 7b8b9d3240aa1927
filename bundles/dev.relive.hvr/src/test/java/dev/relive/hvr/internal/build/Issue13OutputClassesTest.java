package dev.relive.hvr.internal.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.relive.hvr.internal.testing.TestProjects;

/**
 * A build hands over its output's classes in memory ({@link OutputClasses}), and their fingerprints are computed from
 * the last build's: the same as reading the folder and fingerprinting every class, and they change exactly where
 * {@link ClassFingerprint#of} says, cycles and chains of references included.
 */
class Issue13OutputClassesTest {

    /** Chain: Page -> Table -> Row <-> Cell (a cycle); Footer stands alone. */
    private static final Map<String, String> SOURCES = Map.of(
            "example/oc/Page.java", """
                    package example.oc;

                    public class Page {
                        public String render() {
                            return new Table().render() + "%s";
                        }
                    }
                    """,
            "example/oc/Table.java", """
                    package example.oc;

                    class Table {
                        String render() {
                            return new Row(null).render() + "%s";
                        }
                    }
                    """,
            "example/oc/Row.java", """
                    package example.oc;

                    class Row {
                        final Cell cell;

                        Row(Cell cell) {
                            this.cell = cell == null ? new Cell(this) : cell;
                        }

                        String render() {
                            return cell.text() + "%s";
                        }
                    }
                    """,
            "example/oc/Cell.java", """
                    package example.oc;

                    class Cell {
                        final Row row;

                        Cell(Row row) {
                            this.row = row;
                        }

                        String text() {
                            return "%s" + (row != null);
                        }
                    }
                    """,
            "example/oc/Footer.java", """
                    package example.oc;

                    public class Footer {
                        public Runnable render() {
                            return () -> System.out.println("%s");
                        }
                    }
                    """);

    private static BundleCompiler compiler;
    @TempDir
    Path dir;

    @BeforeAll
    static void compiler() {
        compiler = BundleCompiler.forJars(TestProjects.compileClassPath());
    }

    @AfterAll
    static void close() throws Exception {
        compiler.close();
    }

    @Test
    void issue13TheKeptClassesAndFingerprintsAreThoseOfTheFolder() throws Exception {
        Path project = project();
        Map<String, String> first = checkedBuild(project, 5);

        edit(project, "Cell.java", "v1");
        Map<String, String> afterCell = checkedBuild(project, 1);
        // Cell is in a cycle with Row, which Table and Page reach; Footer reaches none of them
        assertThat(changed(first, afterCell)).containsExactlyInAnyOrder("example.oc.Cell", "example.oc.Row",
                "example.oc.Table", "example.oc.Page");

        edit(project, "Table.java", "v2");
        Map<String, String> afterTable = checkedBuild(project, 1);
        assertThat(changed(afterCell, afterTable)).containsExactlyInAnyOrder("example.oc.Table", "example.oc.Page");

        edit(project, "Footer.java", "v3");
        Map<String, String> afterFooter = checkedBuild(project, 1);
        assertThat(changed(afterTable, afterFooter)).containsExactly("example.oc.Footer");

        // touched, not changed: nothing compiled, the same fingerprints
        Path page = project.resolve("src/main/java/example/oc/Page.java");
        Files.setLastModifiedTime(page, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertThat(checkedBuild(project, 0)).isEqualTo(afterFooter);
    }

    @Test
    void issue13ANewClassFingerprintsEveryClassAgain() throws Exception {
        Path project = project();
        checkedBuild(project, 5);

        TestProjects.writeSource(project, "example/oc/Header.java", """
                package example.oc;

                public class Header {
                    public String render() {
                        return new Page().render();
                    }
                }
                """);
        Map<String, String> prints = checkedBuild(project, -1);

        assertThat(prints).containsKey("example.oc.Header");
    }

    /**
     * Builds the project and checks that the classes and fingerprints it hands over are those of its output folder;
     * returns the fingerprints.
     *
     * @param compiled the sources the build must have compiled, or -1 for any number
     */
    private Map<String, String> checkedBuild(Path project, int compiled) {
        return compiler.build(project, result -> {
            assertThat(result.errors()).isEmpty();
            if (compiled >= 0) {
                assertThat(result.compiledFiles()).isEqualTo(compiled);
            }
            assertThat(result.classes()).isNotNull();
            try {
                Map<String, byte[]> onDisk = ClassFingerprint.classesOfFolder(result.outputDir());
                assertThat(result.classes().bytes().keySet()).isEqualTo(onDisk.keySet());
                onDisk.forEach((name, bytes) -> assertThat(result.classes().bytes().get(name)).as(name)
                        .isEqualTo(bytes));
                Map<String, String> prints = result.classes().fingerprints();
                assertThat(prints).isEqualTo(ClassFingerprint.of(onDisk));
                return prints;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private Path project() throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        SOURCES.forEach((file, text) -> sources.put(file, text.replace("%s", "v0")));
        return TestProjects.project(TestProjects.workspace(dir), "oc", sources);
    }

    private static void edit(Path project, String file, String version) throws Exception {
        Path source = project.resolve("src/main/java/example/oc").resolve(file);
        String text = Files.readString(source);
        Files.writeString(source, text.replaceAll("v\\d", version));
    }

    private static java.util.Set<String> changed(Map<String, String> before, Map<String, String> after) {
        java.util.Set<String> changed = new java.util.TreeSet<>();
        after.forEach((name, print) -> {
            if (!print.equals(before.get(name))) {
                changed.add(name);
            }
        });
        return changed;
    }
}
