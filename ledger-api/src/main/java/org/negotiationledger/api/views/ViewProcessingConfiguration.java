package org.negotiationledger.api.views;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every view is a pooled streaming processor. A view added later finds no token and starts at
 * the beginning of the history, so it builds itself from all of it. A handler that fails fails
 * its batch, which is rolled back and tried again: a view never skips an event.
 */
@Configuration(proxyBeanMethods = false)
class ViewProcessingConfiguration {

    @Bean
    ConfigurerModule pooledViews(@Value("${ledger.views.batch-size:500}") int batchSize,
                                 @Value("${ledger.views.segments:1}") int segments) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingPooledStreamingEventProcessors((config, builder) -> builder.batchSize(batchSize)
                        .initialSegmentCount(segments)
                        // An idle segment stores its token this often, so other nodes see it move on.
                        .claimExtensionThreshold(1000))
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance()));
    }
}
