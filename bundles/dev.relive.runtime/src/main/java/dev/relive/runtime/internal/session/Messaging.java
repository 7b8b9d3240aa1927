package dev.relive.runtime.internal.session;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import dev.relive.api.Presence;
import dev.relive.api.Topics;
import dev.relive.runtime.internal.config.RuntimeSettings;
import dev.relive.runtime.internal.topics.LocalPresence;
import dev.relive.runtime.internal.topics.LocalTopics;

/**
 * What a tab's views subscribe and track through: the best-ranked {@link Topics} and {@link Presence} services of
 * the moment, and how many subscriptions and presence entries one tab may hold at once. When a service of higher
 * ranking comes (a cluster bundle starts) or the one in use goes, the live subscriptions and presence entries of
 * every open tab move to the provider now in use, so open tabs keep receiving.
 */
@Component(service = Messaging.class)
public final class Messaging {

    /** The default cap of subscriptions and presence entries per tab. */
    static final int DEFAULT_MAX_PER_TAB = 64;

    private final int maxPerTab;
    private final Set<SlotTopics> live = ConcurrentHashMap.newKeySet();
    private volatile Topics topics;
    private volatile Presence presence;

    @Activate
    public Messaging(@Reference RuntimeSettings settings) {
        this.maxPerTab = settings.maxTopicsPerSession();
    }

    /** Fixed providers, for sessions made outside the framework. */
    Messaging(Topics topics, Presence presence, int maxPerTab) {
        this.topics = topics;
        this.presence = presence;
        this.maxPerTab = maxPerTab;
    }

    /** Topics and presence of this JVM only, for sessions made outside the framework. */
    static Messaging local() {
        LocalTopics topics = new LocalTopics();
        return new Messaging(topics, new LocalPresence(topics), DEFAULT_MAX_PER_TAB);
    }

    Topics topics() {
        return topics;
    }

    Presence presence() {
        return presence;
    }

    int maxPerTab() {
        return maxPerTab;
    }

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setTopics(Topics topics) {
        this.topics = topics;
        moveAll();
    }

    void unsetTopics(Topics gone) {
        // a greedy reference binds the replacement before it unbinds the service it replaces
    }

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setPresence(Presence presence) {
        this.presence = presence;
        moveAll();
    }

    void unsetPresence(Presence gone) {
    }

    /** The providers changed: every live slot's subscriptions and entries move to the ones now in use. */
    void moveAll() {
        for (SlotTopics slot : live) {
            slot.follow();
        }
    }

    void opened(SlotTopics slot) {
        live.add(slot);
    }

    void closed(SlotTopics slot) {
        live.remove(slot);
    }
}
