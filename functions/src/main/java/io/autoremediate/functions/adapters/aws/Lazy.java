package io.autoremediate.functions.adapters.aws;

import java.util.Objects;
import java.util.function.Supplier;

/** A value built on first use and then kept: clients and adapters are built once per Lambda container. */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> factory;
    private volatile T value;

    public Lazy(Supplier<T> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public T get() {
        T current = value;
        if (current == null) {
            synchronized (this) {
                if (value == null) {
                    value = Objects.requireNonNull(factory.get(), "factory returned null");
                }
                current = value;
            }
        }
        return current;
    }
}
