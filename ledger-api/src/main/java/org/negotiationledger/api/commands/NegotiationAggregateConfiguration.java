package org.negotiationledger.api.commands;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.lifecycle.Phase;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.negotiationledger.core.api.EventMetadata;
import org.negotiationledger.core.api.NegotiationCommand;
import org.negotiationledger.core.api.Values;
import org.negotiationledger.core.negotiation.Negotiation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Negotiation aggregate in the application: the most recently used kept in memory between
 * commands ({@code ledger.negotiation-cache-size}), snapshotted every
 * {@code ledger.snapshot-every} events or every tenth of its history, whichever is longer, and
 * targeted with the version a client expects.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class NegotiationAggregateConfiguration {

    @Bean
    ConfigurerModule negotiationAggregate(@Value("${ledger.snapshot-every}") int snapshotEvery,
                                          @Value("${ledger.negotiation-cache-size}") int cacheSize,
                                          SnapshotWriter snapshotWriter) {
        return configurer -> configurer.configureAggregate(
                AggregateConfigurer.defaultConfiguration(Negotiation.class)
                        .configureCache(config -> new RecentNegotiationsCache(cacheSize))
                        .configureSnapshotTrigger(config ->
                                new GrowingSnapshotInterval(snapshotter(config, snapshotWriter), snapshotEvery))
                        .configureCommandTargetResolver(config -> new ExpectedVersionTargetResolver()));
    }

    /**
     * The gate every command passes, whichever door sent it (HTTP, an import, event data): a
     * value no record may hold ({@link Values}) is refused before the negotiation is loaded.
     */
    @Bean
    ConfigurerModule valueGate() {
        return configurer -> configurer.onInitialize(config -> config.onStart(Phase.INBOUND_COMMAND_CONNECTOR,
                () -> config.commandBus().registerHandlerInterceptor((unitOfWork, chain) -> {
                    if (unitOfWork.getMessage().getPayload() instanceof Record command) {
                        Values.check(command);
                    }
                    return chain.proceed();
                })));
    }

    /**
     * Every event carries to the store the time its command arrived; the store stamps the event with
     * it (and keeps it there, not in the metadata), also when a group of commands is stored at once.
     */
    @Bean
    CorrelationDataProvider commandArrival() {
        return message -> message.getPayload() instanceof NegotiationCommand command
                ? Map.of(EventMetadata.RECORDED_AT, command.recordedAt().toString()) : Map.of();
    }

    /**
     * Boot's default snapshotter only knows aggregates declared as Spring beans; this one knows the
     * Negotiation. It writes a snapshot after the command's transaction committed, on a thread of
     * its own: a snapshot reads the negotiation from the store and writes it whole, which in an
     * import took a tenth of the importing thread's time. A snapshot is only a shortcut for loading;
     * one that is not written (the node stopped first) costs a longer load, nothing else.
     */
    private static Snapshotter snapshotter(Configuration config, SnapshotWriter writer) {
        return AggregateSnapshotter.builder()
                .eventStore(config.eventStore())
                .aggregateFactories(new GenericAggregateFactory<>(Negotiation.class))
                .transactionManager(config.getComponent(TransactionManager.class))
                .executor(writer.thread()::execute)
                .build();
    }

    @Bean
    SnapshotWriter snapshotWriter() {
        return new SnapshotWriter(Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "negotiation-snapshots");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /**
     * The snapshots' thread, stopped with the application. Not a bean of type Executor: one would
     * make Spring Boot leave out its own task executor.
     */
    record SnapshotWriter(ExecutorService thread) implements AutoCloseable {

        @Override
        public void close() {
            thread.shutdownNow();
        }
    }
}
