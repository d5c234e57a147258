package org.negotiationledger.api.views.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Tells the requests waiting for a view ({@code waitFor}) that one of this node's views has just
 * committed a batch, so that they look again at once instead of polling.
 */
@Component
class ViewSignals {

    private static final String SIGNALLED = ViewSignals.class.getName();

    private final Object progressed = new Object();

    /**
     * Registered on every view's processor: signals once per batch, after it commits. (Not a bean
     * of Axon's interceptor type, which Axon's Spring Boot set-up would register a second time.)
     */
    Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        UnitOfWork<?> batch = unitOfWork.root();
        batch.getOrComputeResource(SIGNALLED, key -> {
            batch.afterCommit(committed -> signal());
            return Boolean.TRUE;
        });
        return chain.proceed();
    }

    void signal() {
        synchronized (progressed) {
            progressed.notifyAll();
        }
    }

    /** Waits until a view commits a batch on this node, or {@code millis} pass. */
    void await(long millis) throws InterruptedException {
        synchronized (progressed) {
            progressed.wait(Math.max(1, millis));
        }
    }
}
