package org.negotiationledger.api.views.processing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.negotiationledger.projections.support.RecentIds;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;


/**
 * Lets a view set aside an event its handler fails on without losing the rest of its batch.
 *
 * <p>After a failed SQL statement PostgreSQL refuses everything else in the transaction, so a
 * dead letter cannot be written beside it, and on any database the failed handler's earlier
 * statements would stay. A savepoint around every handler would cure both but costs two round
 * trips an event, on every event. So a handler runs bare; when it fails, its event is
 * remembered and the batch is rolled back and tried again (the processor does that); on the
 * retry that event's handler runs inside a savepoint, which its failure rolls back, and the
 * dead letter is written in the same transaction as the rest of the batch.
 */
public class SavepointOnRetry implements HandlerEnhancerDefinition {

    private final TransactionTemplate savepoint;
    private final RecentIds failedOnce = new RecentIds();

    SavepointOnRetry(PlatformTransactionManager transactions) {
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Thrown when a view's handler failed outside a savepoint: its batch is to be tried again. */
    static final class FailedOutsideSavepoint extends RuntimeException {
        FailedOutsideSavepoint(Exception cause) {
            super("the view failed on an event; its batch is tried again with the event in a savepoint", cause);
        }
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.declaringClass().isAnnotationPresent(ProcessingGroup.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                String id = message.getIdentifier();
                if (!failedOnce.contains(id)) {
                    try {
                        return super.handle(message, target);
                    } catch (Exception e) {
                        failedOnce.add(id);
                        throw new FailedOutsideSavepoint(e);
                    }
                }
                return inSavepoint(message, target);
            }

            private Object inSavepoint(Message<?> message, T target) throws Exception {
                try {
                    return savepoint.execute(status -> {
                        try {
                            return super.handle(message, target);
                        } catch (Exception e) {
                            throw new HandlerFailed(e);
                        }
                    });
                } catch (HandlerFailed failed) {
                    throw failed.handlerException();
                }
            }
        };
    }

    /** Carries a handler's checked exception out of the savepoint, which it rolls back. */
    private static final class HandlerFailed extends RuntimeException {
        HandlerFailed(Exception cause) {
            super(cause);
        }

        Exception handlerException() {
            return (Exception) getCause();
        }
    }
}
