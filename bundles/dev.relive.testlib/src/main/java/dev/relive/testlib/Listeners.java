package dev.relive.testlib;

import org.osgi.annotation.versioning.ProviderType;

/** A registry that components add themselves to in activate and leave in deactivate. */
@ProviderType
public interface Listeners {

    void add(Object listener);

    void remove(Object listener);

    int count();
}
