package dev.relive.runtime.spi;

import org.osgi.annotation.versioning.ConsumerType;

/** Supplies template text ahead of a bundle's own resources. Called on session threads; must be thread-safe. */
@ConsumerType
public interface TemplateSource {

    /**
     * The current text of the template {@code path} (e.g. {@code dev/relive/examples/counter/CounterView.peb}) of
     * {@code bundleSymbolicName}, or {@code null} to use the bundle's resource.
     */
    String template(String bundleSymbolicName, String path);
}
