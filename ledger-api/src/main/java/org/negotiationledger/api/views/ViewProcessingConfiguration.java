package org.negotiationledger.api.views;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

/**
 * Every view is a tracking processor: one thread per segment that reads the history and handles
 * it a batch (one transaction) at a time. A view added later finds no token and starts at the
 * beginning of the history, so it builds itself from all of it. A handler that fails fails its
 * batch, which is rolled back and tried again: a view never skips an event.
 *
 * <p>Not pooled streaming processors: their coordinator hands a segment at most 1,024 events and,
 * when that buffer is full, waits a fixed 100 ms before it reads on, which held a rebuild to about
 * 10,000 events a second however fast the view wrote.
 */
@Configuration(proxyBeanMethods = false)
class ViewProcessingConfiguration {

    @Bean
    ConfigurerModule trackingViews(@Value("${ledger.views.batch-size:500}") int batchSize,
                                   @Value("${ledger.views.segments:1}") int segments) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(config -> TrackingEventProcessorConfiguration
                        .forParallelProcessing(segments).andInitialSegmentsCount(segments).andBatchSize(batchSize)
                        // An idle segment waits this long for new events, then renews its claim.
                        .andEventAvailabilityTimeout(1, TimeUnit.SECONDS))
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance()));
    }
}
