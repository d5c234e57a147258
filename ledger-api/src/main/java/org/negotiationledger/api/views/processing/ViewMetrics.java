package org.negotiationledger.api.views.processing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * Each view's lag for the metrics: {@code ledger.view.lag{view=…}}, how many positions of the store
 * it has still to handle, and {@code ledger.view.position{view=…}}, how far it is.
 */
@Component
class ViewMetrics implements MeterBinder {

    private final ViewProgress progress;

    ViewMetrics(ViewProgress progress) {
        this.progress = progress;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String view : progress.names()) {
            Gauge.builder("ledger.view.lag", () -> Math.max(0, progress.head() - progress.position(view)))
                    .tag("view", view).description("Store positions the view has still to handle")
                    .register(registry);
            Gauge.builder("ledger.view.position", () -> progress.position(view)).tag("view", view)
                    .description("The store position the view has handled").register(registry);
        }
    }
}
