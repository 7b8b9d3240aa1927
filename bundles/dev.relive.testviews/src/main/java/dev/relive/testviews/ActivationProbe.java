package dev.relive.testviews;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import dev.relive.testlib.Listeners;

/** Registers itself in activate and leaves in deactivate: after any number of swaps there is exactly one. */
@Component(immediate = true, service = ActivationProbe.class)
public class ActivationProbe {

    private final Listeners listeners;

    @Activate
    public ActivationProbe(@Reference Listeners listeners) {
        this.listeners = listeners;
        listeners.add(this);
    }

    @Deactivate
    void deactivate() {
        listeners.remove(this);
    }
}
