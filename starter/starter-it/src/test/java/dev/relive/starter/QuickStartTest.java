package dev.relive.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The README's quick start says how to install what the tests need, and CI installs it with that same line. */
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
        assertThat(Files.readString(ROOT.resolve(".ci/run"))).contains(line).contains("mvn -B verify");
    }
}
