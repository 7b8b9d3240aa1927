package dev.relive.testviews;

import dev.relive.api.LiveView;

/** A base class the HVR tests edit (or remove from the chain). */
public abstract class BaseView extends LiveView {

    protected String title() {
        return "HVR";
    }
}
