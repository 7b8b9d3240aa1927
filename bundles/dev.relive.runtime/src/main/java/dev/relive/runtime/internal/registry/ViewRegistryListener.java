package dev.relive.runtime.internal.registry;

/** Hears views appear and disappear. Called on the thread that registered or unregistered the service. */
public interface ViewRegistryListener {
    void viewAdded(ViewType type);

    void viewRemoved(ViewType type);
}
