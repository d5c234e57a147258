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
 *
 * <p>A write that fails fails the whole batch, which the processor then tries again; on that try
 * the items of the events it held are written at once, inside their events' handlers, so that
 * the one that fails again fails in its own handler, where the views' processing can set that
 * event aside alone (in its view's dead letters) and commit the rest of the batch.
 */
public final class UnitOfWorkBuffer<T> {

    private final Consumer<List<T>> writer;
    private final String key = UnitOfWorkBuffer.class.getName() + "@" + Integer.toHexString(System.identityHashCode(this));
    /** The events whose items were in a write that failed: written at once on the batch's next try. */
    private final RecentIds writeAtOnce = new RecentIds();

    public UnitOfWorkBuffer(Consumer<List<T>> writer) {
        this.writer = writer;
    }

    public void add(T item) {
        if (!CurrentUnitOfWork.isStarted()) {
            writer.accept(List.of(item));
            return;
        }
        UnitOfWork<?> current = CurrentUnitOfWork.get();
        // A rebuild's unit of work spans many events and names none.
        String event = current.getMessage() == null ? null : current.getMessage().getIdentifier();
        if (event != null && writeAtOnce.contains(event)) {
            writer.accept(List.of(item));
            return;
        }
        UnitOfWork<?> batch = current.root();
        batch.getOrComputeResource(key, k -> {
            Pending<T> pending = new Pending<>();
            batch.onPrepareCommit(committing -> write(pending));
            return pending;
        }).add(event, item);
    }

    /** Writes what was collected so far: before the view reads or changes it. */
    public void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            Pending<T> pending = CurrentUnitOfWork.get().root().getResource(key);
            if (pending != null) {
                write(pending);
            }
        }
    }

    private void write(Pending<T> pending) {
        if (pending.items.isEmpty()) {
            return;
        }
        try {
            writer.accept(List.copyOf(pending.items));
        } catch (RuntimeException e) {
            pending.events.forEach(writeAtOnce::add);
            throw e;
        }
        pending.items.clear();
        pending.events.clear();
    }

    /** The items collected in a batch, and the events they came from. */
    private static final class Pending<T> {
        private final List<T> items = new ArrayList<>();
        private final List<String> events = new ArrayList<>();

        void add(String event, T item) {
            items.add(item);
            if (event != null) {
                events.add(event);
            }
        }
    }
}
