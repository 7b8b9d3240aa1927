package dev.relive.runtime.internal.session;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.relive.api.LiveView;
import dev.relive.api.ViewSession;

/** A view instance in a session: the root or a child, with the service it came from and its tick timer. */
final class Slot {

    private static final Logger LOG = LoggerFactory.getLogger(Slot.class);

    final String childId;
    final boolean sticky;
    LiveView view;
    ServiceReference<LiveView> reference;
    ServiceObjects<LiveView> objects;
    Duration tickInterval;
    ScheduledFuture<?> tick;
    final AtomicBoolean tickQueued = new AtomicBoolean();
    boolean rendered;
    /** What the view is mounted with and its handlers get; set once, when the slot is made. */
    ViewSession session;
    /** The view's subscriptions and presence entries; they stay with the slot when the instance is swapped. */
    SlotTopics topics;
    /** The view whose template embeds this child ({@code null} for the root). */
    Slot parent;
    /** The values the parent last passed ({@code null} before the first render). */
    Map<String, Object> props;

    Slot(String childId, boolean sticky, LiveView view, ServiceReference<LiveView> reference,
            ServiceObjects<LiveView> objects) {
        this.childId = childId;
        this.sticky = sticky;
        this.view = view;
        this.reference = reference;
        this.objects = objects;
    }

    /** Runs the view's {@code unmount} (logging what it throws), then gives the instance back. */
    void unmount(String sessionId) {
        try {
            view.unmount();
        } catch (RuntimeException e) {
            LOG.warn("session {}: unmount of {} threw", sessionId, view.getClass().getName(), e);
        }
        release();
    }

    /** Gives the instance back to its service; quiet if the service is already gone. */
    void release() {
        if (topics != null) {
            topics.close();
        }
        if (tick != null) {
            tick.cancel(false);
            tick = null;
        }
        try {
            objects.ungetService(view);
        } catch (RuntimeException e) {
            // the service was unregistered (bundle updated or stopped): nothing to give back
        }
    }
}
