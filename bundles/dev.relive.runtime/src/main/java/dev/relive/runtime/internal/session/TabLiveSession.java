package dev.relive.runtime.internal.session;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;

import dev.relive.api.LiveView;
import dev.relive.runtime.internal.protocol.ServerFrames;
import dev.relive.runtime.spi.HvrApplied;
import dev.relive.runtime.spi.HvrError;
import dev.relive.runtime.spi.LiveSession;
import dev.relive.runtime.spi.ReloadReason;
import dev.relive.runtime.spi.ViewSlot;

/** A tab as dev tooling sees it ({@link LiveSession}): its views, to hold, swap, re-render and message. */
final class TabLiveSession implements LiveSession {

    private final TabSession tab;
    private final BundleContext context;

    TabLiveSession(TabSession tab, BundleContext context) {
        this.tab = tab;
        this.context = context;
    }

    @Override
    public String id() {
        return tab.id();
    }

    @Override
    public List<ViewSlot> slots() {
        return tab.tree().slots().stream().map(s -> new ViewSlot(s.childId, s.view, s.reference)).toList();
    }

    @Override
    public boolean renders(String bundleSymbolicName, String path) {
        return tab.tree().usesTemplate(bundleSymbolicName + "!" + path);
    }

    @Override
    public void hold() throws InterruptedException {
        tab.hold();
    }

    @Override
    public void release() {
        tab.release();
    }

    @Override
    public OptionalLong waitingSince() {
        return tab.waitingSince();
    }

    @Override
    public LiveView create(ServiceReference<LiveView> reference) {
        ServiceObjects<LiveView> objects = context.getServiceObjects(reference);
        if (objects == null) {
            throw new IllegalStateException("service " + reference + " is gone");
        }
        LiveView view = objects.getService();
        if (view == null) {
            throw new IllegalStateException("service " + reference + " gave no instance");
        }
        return view;
    }

    @Override
    public void discard(LiveView instance, ServiceReference<LiveView> reference) {
        ServiceObjects<LiveView> objects = context.getServiceObjects(reference);
        if (objects != null) {
            try {
                objects.ungetService(instance);
            } catch (RuntimeException e) {
                // already gone
            }
        }
    }

    @Override
    public void replace(ViewSlot slot, LiveView instance, ServiceReference<LiveView> reference) {
        Slot target = tab.tree().slot(slot.childId());
        if (target == null) {
            throw new IllegalArgumentException("no view at " + slot.childId());
        }
        ServiceObjects<LiveView> oldObjects = target.objects;
        LiveView oldView = target.view;
        target.view = instance;
        target.reference = reference;
        target.objects = context.getServiceObjects(reference);
        tab.retired().retire(target, oldView);
        try {
            oldObjects.ungetService(oldView);
        } catch (RuntimeException e) {
            // the old service is gone with its bundle revision
        }
    }

    @Override
    public void rerender(HvrApplied applied) {
        rerender(applied, message -> { });
    }

    @Override
    public void rerender(HvrApplied applied, Consumer<String> renderFailed) {
        if (tab.isClosed() || !tab.tree().mounted()) {
            return;
        }
        if (tab.held() && tab.queued() > 0) {
            // the first queued task renders the new code and answers with its patches: no render of its own here
            long rendered = tab.renders();
            tab.submit(() -> renderedThenApplied(rendered, applied, renderFailed));
            return;
        }
        renderedThenApplied(tab.renders(), applied, renderFailed);
    }

    /**
     * Renders the page unless it was rendered since {@code rendered}, then sends {@code applied}; when the render
     * fails, an {@code hvr-error} of stage {@code render} instead, naming the template and line where Pebble has them.
     */
    private void renderedThenApplied(long rendered, HvrApplied applied, Consumer<String> renderFailed) {
        RuntimeException failed = tab.renders() == rendered ? tab.rerender() : null;
        if (failed != null) {
            renderFailed.accept(String.valueOf(failed.getMessage()));
        }
        if (applied != null) {
            tab.send(failed == null ? ServerFrames.hvrApplied(applied)
                    : ServerFrames.hvrRenderError(SavedRenderFailure.of(applied, failed)));
        }
    }

    @Override
    public void showError(HvrError error) {
        tab.send(ServerFrames.hvrError(error));
    }

    @Override
    public void reload(ReloadReason reason) {
        tab.reload(reason);
    }

    @Override
    public void reload(ReloadReason reason, String view) {
        tab.reload(reason, view);
    }
}
