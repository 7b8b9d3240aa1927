package dev.relive.runtime.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when a connected tab has mounted a page (a new tab, a reload, a live navigation), after the page has been
 * sent. Called on the session's own thread, so frames sent from here follow the page; must not block.
 */
@ConsumerType
public interface MountListener {

    void mounted(LiveSession session);
}
