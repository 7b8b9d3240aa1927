package com.example.tasks.store;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The tasks of the application, shared by every tab; listeners hear of every task added. */
@ProviderType
public interface TaskStore {

    void add(String title);

    List<String> tasks();

    /** Runs {@code listener} after every task added, on the thread that added it, until it is removed. */
    void addListener(Runnable listener);

    void removeListener(Runnable listener);

    int listenerCount();

    /** How many times a listener was run since the store was activated. */
    int listenerCalls();

    /** Which activation of the store this is: 1 for the first; more when an instance and its tasks were lost. */
    int activation();
}
