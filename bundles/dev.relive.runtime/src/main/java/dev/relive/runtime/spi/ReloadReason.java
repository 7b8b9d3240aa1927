package dev.relive.runtime.spi;

import java.util.Objects;

/**
 * Why a page must reload instead of keeping its state: a {@link Code} and, for some codes, the name of the handler
 * or field concerned. Its wire form (the {@code reason} of a {@code reload} frame) is {@code code} or
 * {@code code:name}.
 *
 * @param code what happened
 * @param name the handler or field concerned, or {@code null}
 */
public record ReloadReason(Code code, String name) {

    /** The reasons, by wire name. */
    public enum Code {
        /** A handler the page may still call is gone (name: its client name). */
        HANDLER_REMOVED("handler_removed"),
        /** A handler's parameter names or types changed (name: its client name). */
        HANDLER_PARAMS_CHANGED("handler_params_changed"),
        /** A state field's value does not fit its new type (name: the field). */
        FIELD_TYPE_CHANGED("field_type_changed"),
        /**
         * A state field's value could not be captured, and the field still exists (name: the field). No longer
         * sent: such a field starts from its initializer and is named in {@link SwapOutcome#dropped()}.
         */
        FIELD_NOT_CARRIED("field_not_carried"),
        /** The view's superclasses changed. */
        SUPERCLASS_CHANGED("superclass_changed"),
        /** The view's class is gone from its bundle. */
        CLASS_REMOVED("class_removed"),
        /** Hot View Replacement is off: every save reloads. */
        HVR_DISABLED("hvr_disabled"),
        /** The view's service went away (its bundle stopped, was updated or uninstalled). */
        VIEW_STOPPED("view_stopped");

        private final String wireName;

        Code(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public ReloadReason {
        Objects.requireNonNull(code, "code");
    }

    /** A reason without a name. */
    public static ReloadReason of(Code code) {
        return new ReloadReason(code, null);
    }

    /**
     * Reads the wire form {@code code} or {@code code:name}.
     *
     * @throws IllegalArgumentException when the code is not one of {@link Code}
     */
    public static ReloadReason parse(String wireForm) {
        int colon = wireForm.indexOf(':');
        String wireName = colon < 0 ? wireForm : wireForm.substring(0, colon);
        for (Code code : Code.values()) {
            if (code.wireName.equals(wireName)) {
                return new ReloadReason(code, colon < 0 ? null : wireForm.substring(colon + 1));
            }
        }
        throw new IllegalArgumentException("not a reload reason: " + wireForm);
    }

    /** The wire form: {@code code} or {@code code:name}. */
    @Override
    public String toString() {
        return name == null ? code.wireName : code.wireName + ":" + name;
    }
}
