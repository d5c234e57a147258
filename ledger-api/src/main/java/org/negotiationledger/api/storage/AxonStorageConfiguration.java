package org.negotiationledger.api.storage;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.negotiationledger.core.api.EventMetadata;
import org.negotiationledger.core.serialization.EventUpcasters;
import org.negotiationledger.core.serialization.LedgerSerialization;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

/**
 * Axon's JDBC event store as the ledger uses it: events, snapshots, messages and tokens as
 * JSON through the ledger's own serializer; duplicate keys recognised as concurrent appends;
 * who recorded an event and under which request, carried from the command into its events.
 */
@Configuration(proxyBeanMethods = false)
class AxonStorageConfiguration {

    @Bean
    @Primary
    Serializer serializer() {
        return LedgerSerialization.serializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return LedgerSerialization.serializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return LedgerSerialization.serializer();
    }

    /**
     * Axon's JDBC event store as its Spring Boot set-up makes it, reading the store's tail in one
     * query (see {@link TailReadingEventStorageEngine}).
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager) {
        return new TailReadingEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema()));
    }

    /** What the views, the event stream and a replay read the stored events from (not Axon's shared cache). */
    @Bean
    DirectEventSource directEventSource(EventStorageEngine engine, EventStore store) {
        return new DirectEventSource(engine, store);
    }

    /** Both PostgreSQL and H2 report a unique key violation as SQLSTATE 23505. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /**
     * The token store of the views. Its node id names the owner of a claimed segment, so it must
     * differ between nodes: the process id and host, plus a random part for nodes in one JVM.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
                          @Value("${ledger.node-id:}") String nodeId) {
        String owner = nodeId.isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8)
                : nodeId;
        return JdbcTokenStore.builder().connectionProvider(connectionProvider).serializer(serializer).nodeId(owner)
                .build();
    }

    @Bean
    static PostgresConnectionSettings postgresConnectionSettings(Environment environment) {
        return new PostgresConnectionSettings(environment.getProperty("ledger.database.read-timeout", Duration.class,
                Duration.ofSeconds(10)));
    }

    /** Events stored at an earlier revision are read as the current one (see {@link EventUpcasters}). */
    @Bean
    ConfigurerModule eventUpcasters() {
        return configurer -> EventUpcasters.all().forEach(upcaster -> configurer.registerEventUpcaster(c -> upcaster));
    }

    @Bean
    CorrelationDataProvider ledgerCorrelationData() {
        return new SimpleCorrelationDataProvider(EventMetadata.RECORDED_BY, EventMetadata.CORRELATION_ID);
    }
}
