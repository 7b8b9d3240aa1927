package dev.relive.runtime.internal.session;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.api.LiveView;
import dev.relive.runtime.internal.state.OlderRevision;
import dev.relive.runtime.internal.state.Restoration;
import dev.relive.runtime.internal.state.StateMapper;
import dev.relive.runtime.internal.state.StateRestorer;
import dev.relive.runtime.internal.state.StateSnapshot;

/**
 * The view instances Hot View Replacement took out of a tab's slots, for as long as anything else still holds them:
 * typically a thread the view started in {@code mount}, whose code keeps the old instance and calls
 * {@code session.push} with the old revision's code.
 *
 * <p>A push whose code comes from a retired instance's class loader runs on that instance with the page's state: the
 * live instance's fields are first put into it, and the fields the push changed are then carried to the live
 * instance, with the rules of a swap (by name, converted to the field's type), before the render. Both ways read
 * {@code @CarriedFrom}: a field or record component the new code renamed goes back under its old name. So a clock or
 * a feed started in {@code mount} goes on updating the page after a save, and what the user did since is not undone
 * by it. The thread still runs the code of the revision that started it. A field whose value the old classes cannot
 * hold whole (a record component new in the new code) is not carried back from the old instance, so that its new
 * properties are not wiped; the log says so once.
 *
 * <p>When the state cannot be carried either way (a field's type changed incompatibly), the retired instance is
 * left alone from then on, as a view instance no page shows, and the log says so once. Instances nothing else holds
 * are forgotten at the next garbage collection: nothing here keeps an old bundle revision alive.
 *
 * <p>Thread-safe: retired by the swap's thread while the tab is held, used on the tab's thread.
 */
final class RetiredViews {

    private static final Logger LOG = LoggerFactory.getLogger(RetiredViews.class);

    private final Supplier<String> sessionId;
    private final Predicate<Slot> inPage;
    private final List<Retired> retired = new ArrayList<>();

    /** {@code inPage}: whether a slot is still one of the tab's views (not unmounted, not navigated away from). */
    RetiredViews(Supplier<String> sessionId, Predicate<Slot> inPage) {
        this.sessionId = sessionId;
        this.inPage = inPage;
    }

    /** {@code old} was the instance in {@code slot} until now. */
    synchronized void retire(Slot slot, LiveView old) {
        retired.removeIf(r -> r.instance.get() == null);
        retired.add(new Retired(slot, new WeakReference<>(old)));
    }

    /**
     * {@code change} itself when its code is not a retired instance's; otherwise {@code change} wrapped to run with the
     * live state and carry what it changed back.
     */
    Runnable forwarding(Runnable change) {
        List<Retired> matching = matching(change.getClass().getClassLoader());
        return matching.isEmpty() ? change : () -> runForwarded(matching, change);
    }

    private synchronized List<Retired> matching(ClassLoader loader) {
        if (retired.isEmpty()) {
            return List.of();
        }
        List<Retired> matching = new ArrayList<>();
        for (Retired r : retired) {
            LiveView old = r.instance.get();
            if (old != null && !r.leftAlone && old.getClass().getClassLoader() == loader && r.slot.view != old
                    && inPage.test(r.slot)) {
                matching.add(r);
            }
        }
        return matching;
    }

    private void runForwarded(List<Retired> matching, Runnable change) {
        ObjectMapper mapper = StateMapper.create();
        List<Forward> forwards = new ArrayList<>();
        for (Retired r : matching) {
            LiveView old = r.instance.get();
            LiveView live = r.slot.view;
            if (old == null) {
                continue;
            }
            Restoration back = OlderRevision.restore(live, old);
            if (back.failure().isPresent()) {
                leaveAlone(r, old, live, back.failure().get());
                continue;
            }
            forwards.add(new Forward(r, old, live, StateSnapshot.capture(old, mapper), OlderRevision.partlyHeld(back)));
        }
        change.run();
        for (Forward f : forwards) {
            carryBack(f, mapper);
        }
    }

    /** Carries what the push changed in the old instance to the page's, but not what the old classes held only in part. */
    private void carryBack(Forward f, ObjectMapper mapper) {
        StateSnapshot after = StateSnapshot.capture(f.old, mapper);
        Set<String> changed = new LinkedHashSet<>(after.changedSince(f.before));
        Set<String> partly = new LinkedHashSet<>(changed);
        partly.retainAll(f.partlyHeld);
        changed.removeAll(partly);
        if (!partly.isEmpty() && f.retired.warnedPartly.addAll(partly)) {
            LOG.warn("session {}: a push from the code of {} before the last Hot View Replacement changed {}, whose "
                    + "values the old classes cannot hold whole ({}): the page's instance keeps its own; reload the page to "
                    + "start that work again with the new code", sessionId.get(),
                    name(f.old), partly, f.partlyHeld);
        }
        if (changed.isEmpty()) {
            return;
        }
        Restoration restored = StateRestorer.restore(after.only(changed), f.live, mapper, Set.of());
        if (restored.failure().isPresent()) {
            leaveAlone(f.retired, f.old, f.live, restored.failure().get());
            return;
        }
        if (!f.retired.announced) {
            f.retired.announced = true;
            Set<String> carried = new LinkedHashSet<>();
            for (String name : changed) {
                if (!restored.dropped().contains(name)) {
                    carried.add(OlderRevision.newerName(f.live.getClass(), name));
                }
            }
            LOG.info("session {}: a push from the code of {} before the last Hot View Replacement (a thread it started "
                    + "in mount?) runs with the page's state and changed {}{}. That thread still runs the old code; "
                    + "periodic work belongs in tick()", sessionId.get(), name(f.old), carried,
                    restored.dropped().isEmpty() ? "" : " (not carried, the new code has no place for it: "
                            + restored.dropped() + ")");
        }
    }

    private void leaveAlone(Retired r, LiveView old, LiveView live, String reason) {
        synchronized (this) {
            r.leftAlone = true;
        }
        LOG.warn("session {}: a push from the code of {} before the last Hot View Replacement cannot be carried to "
                + "the page's instance of {} ({}): what it changes from now on no page shows; reload the page to start "
                + "that work again with the new code", sessionId.get(), name(old),
                name(live), reason);
    }

    private static String name(LiveView view) {
        return view.getClass().getName();
    }

    private static final class Retired {
        final Slot slot;
        final WeakReference<LiveView> instance;
        volatile boolean leftAlone;
        volatile boolean announced;
        final Set<String> warnedPartly = ConcurrentHashMap.newKeySet();

        Retired(Slot slot, WeakReference<LiveView> instance) {
            this.slot = slot;
            this.instance = instance;
        }
    }

    private record Forward(Retired retired, LiveView old, LiveView live, StateSnapshot before,
            Set<String> partlyHeld) {
    }
}
