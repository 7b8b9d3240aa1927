package dev.relive.runtime.internal.cluster;

import java.util.Set;
import java.util.function.Function;

import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A live tab whose state the {@link StateWriter} stores. */
public interface StatefulTab {

    /** The key its state is stored under: a secret of the tab's browser, not its session id. */
    String resumeKey();

    /** The class of the page's view, for log lines. */
    String viewClass();

    /** Whether the tab has closed; a closed tab is written no more. */
    boolean isClosed();

    /**
     * Its browser has reconnected and resumed it on this member under a new connection before this one was seen to
     * end: this one ends now, its presence entries removed at once (they have the same key as the new one's).
     */
    void supersede();

    /** Queues {@code task} on the tab's serial executor, after its events so far. */
    void submit(Runnable task);

    /**
     * The tab's state as it is now. Only on the tab's executor. {@code injected}: the fields Declarative Services
     * sets in the view component registered as a reference, which are not state.
     */
    TabState capture(ObjectMapper mapper, Function<ServiceReference<?>, Set<String>> injected)
            throws UnstorableStateException;
}
