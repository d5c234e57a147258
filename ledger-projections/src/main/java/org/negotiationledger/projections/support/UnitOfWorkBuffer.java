package org.negotiationledger.projections.support;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a view collects while a processor's batch is handled and writes once, when the batch
 * commits, instead of one round trip an event. Without a unit of work (as in tests that call a
 * projector directly) an item is written at once.
 */
public final class UnitOfWorkBuffer<T> {

    private final Consumer<List<T>> writer;
    private final String key = UnitOfWorkBuffer.class.getName() + "@" + Integer.toHexString(System.identityHashCode(this));

    public UnitOfWorkBuffer(Consumer<List<T>> writer) {
        this.writer = writer;
    }

    public void add(T item) {
        if (!CurrentUnitOfWork.isStarted()) {
            writer.accept(List.of(item));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.getOrComputeResource(key, k -> {
            List<T> items = new ArrayList<>();
            batch.onPrepareCommit(committing -> write(items));
            return items;
        }).add(item);
    }

    /** Writes what was collected so far: before the view reads or changes it. */
    public void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            List<T> items = CurrentUnitOfWork.get().root().getResource(key);
            if (items != null) {
                write(items);
            }
        }
    }

    private void write(List<T> items) {
        if (!items.isEmpty()) {
            writer.accept(List.copyOf(items));
            items.clear();
        }
    }
}
