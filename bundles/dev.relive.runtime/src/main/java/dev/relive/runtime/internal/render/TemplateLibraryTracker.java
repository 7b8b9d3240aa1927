package dev.relive.runtime.internal.render;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTracker;

/** Keeps {@link TemplateLibraries} in step with the resolved bundles that declare {@value TemplateLibraries#HEADER}. */
public final class TemplateLibraryTracker {

    private final TemplateLibraries libraries = new TemplateLibraries();
    private final BundleTracker<Bundle> tracker;

    public TemplateLibraryTracker(BundleContext context) {
        int states = Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING;
        this.tracker = new BundleTracker<>(context, states, null) {
            @Override
            public Bundle addingBundle(Bundle bundle, BundleEvent event) {
                if (bundle.getHeaders("").get(TemplateLibraries.HEADER) == null) {
                    return null;
                }
                libraries.add(bundle);
                return bundle;
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, Bundle tracked) {
                libraries.remove(bundle);
                libraries.add(bundle);
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Bundle tracked) {
                libraries.remove(bundle);
            }
        };
    }

    public TemplateLibraries libraries() {
        return libraries;
    }

    public void open() {
        tracker.open();
    }

    public void close() {
        tracker.close();
    }
}
