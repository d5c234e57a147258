package org.negotiationledger.api.views.processing;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.negotiationledger.api.problems.StorageFailures;
import org.negotiationledger.api.storage.DirectEventSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.concurrent.TimeUnit;

/**
 * The views share one tracking processor, {@value #PROCESSOR}: one thread per segment reads the
 * history once for all of them and hands each batch to every view's handlers in one transaction,
 * with one token write. A view added later is built from the whole history by a replay
 * ({@link ViewHandovers}, {@link ReplayCoordinator}).
 *
 * <p>An event a view's handler fails on goes to the view's dead-letter queue, in the sequence of
 * its negotiation: the negotiation's later events wait behind it, every other negotiation goes
 * on, and an admin can see and retry the letters. A failure of the database itself is no reason
 * to set an event aside: the batch is rolled back and tried again until the database answers.
 * (A handler that failed once runs in a savepoint on its next try, so that its failure can be
 * set aside without undoing the rest of the batch: see {@link SavepointOnRetry}.)
 *
 * <p>The processor reads the store through a {@link DirectEventSource}, which holds one batch of
 * events at a time, rather than through the cache Axon's event store shares between its readers.
 *
 * <p>Not pooled streaming processors: their coordinator hands a segment at most 1,024 events and,
 * when that buffer is full, waits a fixed 100 ms before it reads on, which held a rebuild to about
 * 10,000 events a second however fast the view wrote.
 */
@Configuration(proxyBeanMethods = false)
class ViewProcessingConfiguration {

    /** The name of the processor the views share, in the token store. */
    static final String PROCESSOR = "views";

    /** Room for every event of every negotiation, rather than a limit that would stop the view. */
    private static final int UNBOUNDED = Integer.MAX_VALUE;

    @Bean
    ConfigurerModule trackingViews(@Value("${ledger.views.batch-size:500}") int batchSize,
                                   @Value("${ledger.views.segments:1}") int segments,
                                   ConnectionProvider connections, TransactionManager transactions,
                                   ViewSignals signals, ObjectProvider<DirectEventSource> history) {
        return new ConfigurerModule() {
            @Override
            public void configureModule(Configurer configurer) {
                configureViews(configurer, batchSize, segments, connections, transactions, signals, history);
            }

            /** After Axon's own modules, whose dead-letter provider would replace this one. */
            @Override
            public int order() {
                return Integer.MAX_VALUE;
            }
        };
    }

    private static void configureViews(Configurer configurer, int batchSize, int segments,
                                       ConnectionProvider connections, TransactionManager transactions,
                                       ViewSignals signals, ObjectProvider<DirectEventSource> history) {
        configurer.eventProcessing(processing -> processing
                .usingTrackingEventProcessors()
                .configureDefaultStreamableMessageSource(config -> history.getObject())
                // Each view stays a processing group of its own (its dead letters are its own), all in one processor.
                .assignProcessingGroup(view -> PROCESSOR)
                .registerTrackingEventProcessorConfiguration(config -> TrackingEventProcessorConfiguration
                        .forParallelProcessing(segments).andInitialSegmentsCount(segments).andBatchSize(batchSize)
                        // An idle segment waits this long for new events, then renews its claim.
                        .andEventAvailabilityTimeout(1, TimeUnit.SECONDS))
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                .registerDefaultHandlerInterceptor((config, processor) -> signals::handle)
                .registerDefaultDeadLetterPolicy(config -> deadLetterPolicy())
                .registerDeadLetterQueueProvider(view -> {
                    // Only the views that have dead letters ask the store whether a negotiation has any.
                    processing.registerDeadLetteringEventHandlerInvokerConfiguration(view,
                            (config, invoker) -> invoker.enableSequenceIdentifierCache());
                    return config -> JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                            .processingGroup(view)
                            .connectionProvider(connections)
                            .transactionManager(transactions)
                            .genericSerializer(config.serializer())
                            .eventSerializer(config.eventSerializer())
                            .maxSequences(UNBOUNDED)
                            .maxSequenceSize(UNBOUNDED)
                            .build();
                }));
    }

    /**
     * Set an event aside, unless the database failed (then the batch is tried again) or the
     * handler failed outside a savepoint (then it is tried again inside one).
     */
    static EnqueuePolicy<EventMessage<?>> deadLetterPolicy() {
        return (letter, cause) -> {
            if (cause instanceof SavepointOnRetry.FailedOutsideSavepoint first) {
                throw first;
            }
            if (StorageFailures.isStorageFailure(cause)) {
                throw new StorageFailures.NotAnswering(cause);
            }
            return Decisions.enqueue(ThrowableCause.truncated(cause));
        };
    }

    @Bean
    HandedOverEvents handedOverEvents(ObjectProvider<ViewHandovers> handovers) {
        return new HandedOverEvents(handovers);
    }

    @Bean
    SavepointOnRetry savepointOnRetry(PlatformTransactionManager transactions) {
        return new SavepointOnRetry(transactions);
    }
}
