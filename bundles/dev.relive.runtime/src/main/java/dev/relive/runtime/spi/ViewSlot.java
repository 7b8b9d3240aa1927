package dev.relive.runtime.spi;

import org.osgi.framework.ServiceReference;

import dev.relive.api.LiveView;

/**
 * A place a view instance occupies in a session: the root ({@code childId == null}) or an embedded child.
 *
 * @param childId {@code null} for the root view, else the child's id in its parent's template
 * @param view the instance living there now
 * @param reference the service the instance came from
 */
public record ViewSlot(String childId, LiveView view, ServiceReference<LiveView> reference) {

    /** The view's implementation class name. */
    public String className() {
        return view.getClass().getName();
    }
}
