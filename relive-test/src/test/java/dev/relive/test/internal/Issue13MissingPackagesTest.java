package dev.relive.test.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleException;

/** A view bundle that imports a package the test's runtime lacks: the failure names the bundle to add. */
class Issue13MissingPackagesTest {

    @Test
    void anExportHeadersPackagesAreItsClausesNamesNotWhatTheirUsesMention() {
        assertThat(ClassPathBundles.exportedPackages("com.example.store;version=\"1.0\";uses:=\"com.example.a,"
                + "com.example.b\",com.example.c;com.example.d;version=2")).containsExactly("com.example.store",
                        "com.example.c", "com.example.d");
    }

    @Test
    void aMissingPackageExportedByABundleOnTheClassPathNamesIt() {
        // the runtime's API bundle is on this module's test class path and exports dev.relive.api
        BundleException e = new BundleException("Unable to resolve com.example.hello [12](R 12.0): missing "
                + "requirement [com.example.hello [12](R 12.0)] osgi.wiring.package; (osgi.wiring.package=dev.relive.api)");

        assertThat(MissingPackages.hint(e)).contains("the package dev.relive.api is not in the test's runtime")
                .contains("@ReliveTest(classPathBundles = \"dev.relive.api\")");
    }

    @Test
    void aPackageNoBundleExportsSaysSo() {
        BundleException e = new BundleException("missing requirement osgi.wiring.package; "
                + "(osgi.wiring.package=com.example.nowhere)");

        assertThat(MissingPackages.hint(e)).contains("no bundle on the test class path exports it");
        assertThat(MissingPackages.hint(new IllegalStateException("other"))).isEmpty();
    }
}
