package dev.relive.runtime.internal.protocol;

import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Jackson mapper made when it is first asked for, not when its component activates: Jackson's databind (about 400
 * classes, and the JIT's work on them) then loads when the first socket or swap needs it, instead of on the
 * launch's path to its first page. {@link #get} is safe from any thread and makes the mapper once.
 */
public final class LazyMapper implements Supplier<ObjectMapper> {

    private final Supplier<ObjectMapper> factory;
    private volatile ObjectMapper mapper;

    public LazyMapper(Supplier<ObjectMapper> factory) {
        this.factory = factory;
    }

    @Override
    public ObjectMapper get() {
        ObjectMapper m = mapper;
        if (m == null) {
            synchronized (this) {
                m = mapper;
                if (m == null) {
                    m = factory.get();
                    mapper = m;
                }
            }
        }
        return m;
    }
}
