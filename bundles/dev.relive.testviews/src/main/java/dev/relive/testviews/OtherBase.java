package dev.relive.testviews;

import dev.relive.api.LiveView;

/** An alternative base class: switching to it changes the superclass chain. */
public abstract class OtherBase extends LiveView {

    protected String title() {
        return "Other";
    }
}
