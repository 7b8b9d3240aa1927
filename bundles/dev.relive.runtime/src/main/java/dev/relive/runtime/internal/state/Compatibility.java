package dev.relive.runtime.internal.state;

import java.util.Optional;

/**
 * Whether live instances of an old view class can be carried to its new class. Adding handlers, changing method
 * bodies, adding or removing fields are compatible; whether each field's value fits its new type is for
 * {@link StateRestorer} to find out.
 */
public final class Compatibility {

    private Compatibility() {
    }

    /**
     * The first reason the change is incompatible, in this order: {@code handler_removed:<name>} (a client name the
     * browser may still send is gone), {@code handler_params_changed:<name>} (names or types of its parameters, in
     * order), {@code superclass_changed}; empty when compatible. Handlers are checked in order of client name.
     */
    public static Optional<String> check(ClassShape old, ClassShape neu) {
        for (String name : old.handlers().keySet()) {
            if (!neu.handlers().containsKey(name)) {
                return Optional.of("handler_removed:" + name);
            }
        }
        for (ClassShape.Handler handler : old.handlers().values()) {
            ClassShape.Handler other = neu.handlers().get(handler.name());
            if (!handler.parameterNames().equals(other.parameterNames())
                    || !handler.parameterTypes().equals(other.parameterTypes())) {
                return Optional.of("handler_params_changed:" + handler.name());
            }
        }
        if (!old.superclasses().equals(neu.superclasses())) {
            return Optional.of("superclass_changed");
        }
        return Optional.empty();
    }
}
