package dev.relive.test.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A module names the bundles every test class of it needs once, in relive-test.properties. */
class Issue13ModuleSettingsTest {

    @Test
    void theFileListsNamesSeparatedByCommas() {
        assertThat(ModuleSettings.parse("# the store every view uses\nclassPathBundles = com.example.store, "
                + "com.example.lib ,\n")).containsExactly("com.example.store", "com.example.lib");
        assertThat(ModuleSettings.parse("")).isEmpty();
    }

    @Test
    void withoutTheFileOnlyTheClassesNamesCountEachOnce() {
        // this module's test class path has no relive-test.properties
        assertThat(ModuleSettings.classPathBundles(java.util.List.of("a.b", "a.b", "c.d"))).containsExactly("a.b",
                "c.d");
    }
}
