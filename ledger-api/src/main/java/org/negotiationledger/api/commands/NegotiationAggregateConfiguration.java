package org.negotiationledger.api.commands;

import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.negotiationledger.core.negotiation.Negotiation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Negotiation aggregate in the application: cached between commands, snapshotted every
 * {@code ledger.snapshot-every} events, and targeted with the version a client expects.
 */
@Configuration(proxyBeanMethods = false)
class NegotiationAggregateConfiguration {

    @Bean
    ConfigurerModule negotiationAggregate(@Value("${ledger.snapshot-every}") int snapshotEvery) {
        return configurer -> configurer.configureAggregate(
                AggregateConfigurer.defaultConfiguration(Negotiation.class)
                        .configureCache(config -> new WeakReferenceCache())
                        .configureSnapshotTrigger(config ->
                                new EventCountSnapshotTriggerDefinition(config.snapshotter(), snapshotEvery))
                        .configureCommandTargetResolver(config -> new ExpectedVersionTargetResolver()));
    }
}
