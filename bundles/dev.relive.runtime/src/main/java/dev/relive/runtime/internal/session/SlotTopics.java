package dev.relive.runtime.internal.session;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import dev.relive.api.Subscription;

/**
 * The topic subscriptions and presence entries of one view on the page (a {@link Slot}). They outlive the instance
 * (a swap gives the slot a new one) and end with the slot. The tab's views share one budget of
 * {@link Messaging#maxPerTab()}.
 */
final class SlotTopics {

    private final Messaging messaging;
    private final String presenceKey;
    private final AtomicInteger tabBudget;
    private final BiConsumer<String, Object> deliver;
    private final Map<String, Subscription> subscriptions = new HashMap<>();
    private final Set<String> tracked = new HashSet<>();
    private boolean closed;

    /**
     * {@code deliver}: how a message of a subscribed topic reaches the view (queued on its session);
     * {@code tabBudget}: the count of subscriptions and entries the tab holds, shared by its slots.
     */
    SlotTopics(Messaging messaging, String presenceKey, AtomicInteger tabBudget, BiConsumer<String, Object> deliver) {
        this.messaging = messaging;
        this.presenceKey = presenceKey;
        this.tabBudget = tabBudget;
        this.deliver = deliver;
    }

    synchronized void subscribe(String topic) {
        if (closed || subscriptions.containsKey(topic)) {
            return;
        }
        take();
        subscriptions.put(topic, messaging.topics().subscribe(topic, message -> deliver.accept(topic, message)));
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
        if (!tracked.contains(topic)) {
            take();
            tracked.add(topic);
        }
        messaging.presence().track(topic, presenceKey, meta);
    }

    synchronized void untrack(String topic) {
        if (tracked.remove(topic)) {
            messaging.presence().untrack(topic, presenceKey);
            tabBudget.decrementAndGet();
        }
    }

    synchronized Set<String> subscribed() {
        return Set.copyOf(subscriptions.keySet());
    }

    /** Ends every subscription and removes every presence entry. Idempotent. */
    synchronized void close() {
        closed = true;
        for (String topic : Set.copyOf(tracked)) {
            untrack(topic);
        }
        for (String topic : Set.copyOf(subscriptions.keySet())) {
            unsubscribe(topic);
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
