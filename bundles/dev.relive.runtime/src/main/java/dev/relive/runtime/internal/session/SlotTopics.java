package dev.relive.runtime.internal.session;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import dev.relive.api.Presence;
import dev.relive.api.Subscription;
import dev.relive.api.Topics;

/**
 * The topic subscriptions and presence entries of one view on the page (a {@link Slot}). They outlive the instance
 * (a swap gives the slot a new one) and end with the slot. The tab's views share one budget of
 * {@link Messaging#maxPerTab()}. They are held with the providers {@link Messaging} names when they are made, and
 * {@link #follow() follow} it when it names others.
 */
final class SlotTopics {

    private final Messaging messaging;
    private final String presenceKey;
    private final AtomicInteger tabBudget;
    private final BiConsumer<String, Object> deliver;
    private final Map<String, Subscription> subscriptions = new HashMap<>();
    private final Map<String, Map<String, String>> tracked = new LinkedHashMap<>();
    private Topics topicsInUse;
    private Presence presenceInUse;
    private boolean closed;
    /** What the view had when its tab closed: a capture after the close (a dropped tab's last write) stores it. */
    private Set<String> subscribedAtClose = Set.of();
    private Map<String, Map<String, String>> trackedAtClose = Map.of();

    /**
     * {@code deliver}: how a message of a subscribed topic reaches the view (queued on its session);
     * {@code tabBudget}: the count of subscriptions and entries the tab holds, shared by its slots.
     */
    SlotTopics(Messaging messaging, String presenceKey, AtomicInteger tabBudget, BiConsumer<String, Object> deliver) {
        this.messaging = messaging;
        this.presenceKey = presenceKey;
        this.tabBudget = tabBudget;
        this.deliver = deliver;
        this.topicsInUse = messaging.topics();
        this.presenceInUse = messaging.presence();
        messaging.opened(this);
    }

    synchronized void subscribe(String topic) {
        if (closed || subscriptions.containsKey(topic)) {
            return;
        }
        follow();
        take();
        subscriptions.put(topic, subscribeOn(topicsInUse, topic));
    }

    synchronized void unsubscribe(String topic) {
        Subscription subscription = subscriptions.remove(topic);
        if (subscription != null) {
            subscription.close();
            tabBudget.decrementAndGet();
        }
    }

    synchronized void track(String topic, Map<String, String> meta) {
        if (closed) {
            return;
        }
        follow();
        if (!tracked.containsKey(topic)) {
            take();
        }
        tracked.put(topic, Map.copyOf(meta));
        presenceInUse.track(topic, presenceKey, meta);
    }

    synchronized void untrack(String topic) {
        if (tracked.remove(topic) != null) {
            presenceInUse.untrack(topic, presenceKey);
            tabBudget.decrementAndGet();
        }
    }

    /** The topics this view subscribes to; once closed, those it subscribed to when it closed. */
    synchronized Set<String> subscribed() {
        return closed ? subscribedAtClose : Set.copyOf(subscriptions.keySet());
    }

    /**
     * The presence entries this view tracks: topic to meta, in the order they were first tracked; once closed,
     * those it tracked when it closed.
     */
    synchronized Map<String, Map<String, String>> tracked() {
        return new LinkedHashMap<>(closed ? trackedAtClose : tracked);
    }

    /**
     * Moves the subscriptions and presence entries to the providers {@link Messaging} names now, if they are other
     * than those holding them: each is made on the new provider before it is ended on the old one.
     */
    synchronized void follow() {
        if (closed) {
            return;
        }
        Topics topics = messaging.topics();
        if (topics != null && topics != topicsInUse) {
            topicsInUse = topics;
            subscriptions.replaceAll((topic, oldSubscription) -> {
                Subscription moved = subscribeOn(topics, topic);
                closeQuietly(oldSubscription);
                return moved;
            });
        }
        Presence presence = messaging.presence();
        if (presence != null && presence != presenceInUse) {
            Presence old = presenceInUse;
            presenceInUse = presence;
            tracked.forEach((topic, meta) -> {
                presence.track(topic, presenceKey, meta);
                try {
                    old.untrack(topic, presenceKey);
                } catch (RuntimeException e) {
                    // the old provider is going away with its entries
                }
            });
        }
    }

    /** Ends every subscription and removes every presence entry. Idempotent. */
    synchronized void close() {
        if (!closed) {
            subscribedAtClose = Set.copyOf(subscriptions.keySet());
            trackedAtClose = new LinkedHashMap<>(tracked);
        }
        for (String topic : Set.copyOf(tracked.keySet())) {
            untrack(topic);
        }
        for (String topic : Set.copyOf(subscriptions.keySet())) {
            unsubscribe(topic);
        }
        closed = true;
        messaging.closed(this);
    }

    private Subscription subscribeOn(Topics topics, String topic) {
        return topics.subscribe(topic, message -> deliver.accept(topic, message));
    }

    private static void closeQuietly(Subscription subscription) {
        try {
            subscription.close();
        } catch (RuntimeException e) {
            // the old provider is going away with its subscriptions
        }
    }

    private void take() {
        if (tabBudget.incrementAndGet() > messaging.maxPerTab()) {
            tabBudget.decrementAndGet();
            throw new IllegalStateException("a tab may hold at most " + messaging.maxPerTab()
                    + " topic subscriptions and presence entries (max_topics_per_session)");
        }
    }
}
