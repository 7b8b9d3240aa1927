package dev.relive.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The README's quick start says how to install what the tests need, and CI installs the same packages, those whose
 * tool is missing.
 */
class QuickStartTest {

    private static final Path ROOT = Path.of("../..");
    private static final Pattern INSTALL_LINE = Pattern.compile("(?m)^\\s*(apt-get update && apt-get install [^\\n]+)$");

    @Test
    void theCiScriptRunsTheReadmesInstallLine() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher inReadme = INSTALL_LINE.matcher(readme);
        assertThat(inReadme.find()).as("an install line in README.md").isTrue();
        String line = inReadme.group(1).strip();

        assertThat(line).contains("chromium", "chromium-driver", "nodejs", "npm");
        assertThat(readme.indexOf(line)).as("next to the test command")
                .isBetween(readme.indexOf("mvn -B verify"), readme.indexOf("mvn -B verify") + 600);
        String ci = Files.readString(ROOT.resolve(".ci/run"));
        assertThat(ci).contains("apt-get update && apt-get install -y").contains("mvn -B verify");
        String packages = line.substring(line.indexOf("-y") + 2).strip();
        for (String pkg : packages.split("\\s+")) {
            assertThat(ci).as("CI installs %s when its tool is missing", pkg)
                    .containsPattern("(need \\S+ " + Pattern.quote(pkg) + "\\n|packages\\+=\\(" + Pattern.quote(pkg) + "\\))");
        }
    }
}
