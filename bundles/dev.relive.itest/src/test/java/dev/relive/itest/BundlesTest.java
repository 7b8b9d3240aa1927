package dev.relive.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.junit5.context.BundleContextExtension;

/** The runtime's bundles are started, and export their API packages, versioned, and nothing internal. */
@ExtendWith(BundleContextExtension.class)
class BundlesTest {

    @InjectBundleContext
    BundleContext context;

    @Test
    void apiAndRuntimeAreActive() {
        for (String bsn : new String[] {"dev.relive.api", "dev.relive.runtime", "dev.relive.testlib",
                "dev.relive.testviews"}) {
            Bundle bundle = bundle(bsn);
            // the framework may still be starting bundles (start levels) when the tests begin
            Eventually.await(bsn + " active", bundle::getState, state -> state == Bundle.ACTIVE);
        }
    }

    @Test
    void apiPackagesAreExportedWithVersions() {
        assertThat(exports("dev.relive.api")).containsOnly(Map.entry("dev.relive.api", new Version(1, 2, 0)),
                Map.entry("dev.relive.api.security", new Version(1, 0, 0)));
        assertThat(exports("dev.relive.runtime"))
                .containsOnly(Map.entry("dev.relive.runtime.spi", new Version(2, 6, 0)),
                        Map.entry("dev.relive.runtime.cluster", new Version(1, 0, 0)));
    }

    @Test
    void noInternalPackageIsExported() {
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName().startsWith("dev.relive.")) {
                assertThat(exports(b.getSymbolicName()).keySet()).as("packages exported by %s", b.getSymbolicName())
                        .noneMatch(p -> Arrays.asList(p.split("\\.")).contains("internal"));
            }
        }
    }

    private Bundle bundle(String bsn) {
        Optional<Bundle> found = Arrays.stream(context.getBundles()).filter(b -> bsn.equals(b.getSymbolicName()))
                .findFirst();
        assertThat(found).as("bundle %s installed", bsn).isPresent();
        return found.get();
    }

    /** The packages the bundle's current wiring offers, with their versions. */
    private Map<String, Version> exports(String bsn) {
        BundleWiring wiring = bundle(bsn).adapt(BundleWiring.class);
        assertThat(wiring).as("wiring of %s", bsn).isNotNull();
        Map<String, Version> exports = new TreeMap<>();
        for (BundleCapability c : wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
            exports.put((String) c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE),
                    (Version) c.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE));
        }
        return exports;
    }
}
