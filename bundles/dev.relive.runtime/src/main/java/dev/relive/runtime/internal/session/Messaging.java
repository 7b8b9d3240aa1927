package dev.relive.runtime.internal.session;

import dev.relive.api.Presence;
import dev.relive.api.Topics;
import dev.relive.runtime.internal.topics.LocalPresence;
import dev.relive.runtime.internal.topics.LocalTopics;

/**
 * What a tab's views subscribe and track through: the topics and presence services, and how many subscriptions
 * and presence entries one tab may hold at once.
 */
record Messaging(Topics topics, Presence presence, int maxPerTab) {

    /** The default cap of subscriptions and presence entries per tab. */
    static final int DEFAULT_MAX_PER_TAB = 64;

    /** Topics and presence of this JVM only, for sessions made outside the framework. */
    static Messaging local() {
        LocalTopics topics = new LocalTopics();
        return new Messaging(topics, new LocalPresence(topics), DEFAULT_MAX_PER_TAB);
    }
}
