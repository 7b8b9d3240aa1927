package dev.relive.runtime.internal.auth;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import dev.relive.api.Subscription;
import dev.relive.api.Topics;

/**
 * The open tabs of each browser session, so that signing out reaches every one of them: those on this runtime at
 * once, and those on the other runtimes sharing the session store through {@link Topics} (a cluster's topics reach
 * every member). What travels is the session's {@link BrowserSessions#binding}, a hash, never its id.
 */
@Component(service = SessionTabs.class)
public class SessionTabs {

    /** The topic a sign-out is published on; its messages are session bindings. */
    static final String SIGNED_OUT_TOPIC = "relive.session.signed-out";

    private final Map<String, Set<Runnable>> tabs = new ConcurrentHashMap<>();
    /** The subscription to each Topics service bound, the best-ranked one last. */
    private final Map<Topics, Subscription> subscriptions = new ConcurrentHashMap<>();
    private volatile Topics topics;

    /** {@code onSignOut} runs when session {@code id} signs out, until {@link #remove}d. */
    void add(String id, Runnable onSignOut) {
        tabs.computeIfAbsent(BrowserSessions.binding(id), k -> ConcurrentHashMap.newKeySet()).add(onSignOut);
    }

    void remove(String id, Runnable onSignOut) {
        tabs.computeIfPresent(BrowserSessions.binding(id), (k, set) -> {
            set.remove(onSignOut);
            return set.isEmpty() ? null : set;
        });
    }

    /** Session {@code id} signed out: tells each of its tabs here, and the runtimes sharing the store. */
    void signedOut(String id) {
        String binding = BrowserSessions.binding(id);
        endTabs(binding);
        Topics shared = topics;
        if (shared != null) {
            shared.publish(SIGNED_OUT_TOPIC, binding);
        }
    }

    private void endTabs(Object binding) {
        Set<Runnable> open = binding instanceof String key ? tabs.remove(key) : null;
        if (open != null) {
            open.forEach(Runnable::run);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setTopics(Topics bound) {
        subscriptions.computeIfAbsent(bound, t -> t.subscribe(SIGNED_OUT_TOPIC, this::endTabs));
        this.topics = bound;
    }

    void unsetTopics(Topics gone) {
        // a greedy reference binds the replacement before it unbinds the service it replaces
        Subscription subscription = subscriptions.remove(gone);
        if (subscription != null) {
            subscription.close();
        }
        if (topics == gone) {
            topics = null;
        }
    }
}
