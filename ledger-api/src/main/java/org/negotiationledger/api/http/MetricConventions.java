package org.negotiationledger.api.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Set;

/**
 * The metrics as Prometheus's conventions want them, so that {@code promtool check metrics} finds
 * nothing to say: every metric with a HELP text, times in seconds, no gauge named like a count.
 * Three of the JVM's meters break those rules as Micrometer names them (compilation time in ms,
 * the process's CPU time in ns, the number of CPUs as {@code system_cpu_count}); they are replaced
 * by {@code jvm_compilation_seconds_total}, {@code process_cpu_seconds_total} and {@code system_cpus}.
 */
@Configuration(proxyBeanMethods = false)
class MetricConventions {

    private static final Map<String, String> HELP = Map.of(
            "http.server.requests", "HTTP requests answered, by method, path template, status and outcome",
            "http.server.requests.active", "HTTP requests being answered now");

    private static final Set<String> REPLACED = Set.of("jvm.compilation.time", "process.cpu.time", "system.cpu.count");

    @Bean
    MeterFilter helpForEveryMetric() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String help = HELP.get(id.getName());
                return help == null || id.getDescription() != null ? id
                        : new Meter.Id(id.getName(), Tags.of(id.getTags()), id.getBaseUnit(), help, id.getType());
            }
        };
    }

    @Bean
    MeterFilter withoutMisnamedJvmMeters() {
        return MeterFilter.deny(id -> REPLACED.contains(id.getName()));
    }

    @Bean
    MeterBinder jvmMetersInSeconds() {
        return registry -> {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                FunctionCounter.builder("process.cpu", os, bean -> bean.getProcessCpuTime() / 1e9).baseUnit("seconds")
                        .description("CPU time the ledger's process has used").register(registry);
            }
            CompilationMXBean compilation = ManagementFactory.getCompilationMXBean();
            if (compilation != null && compilation.isCompilationTimeMonitoringSupported()) {
                FunctionCounter.builder("jvm.compilation", compilation, bean -> bean.getTotalCompilationTime() / 1e3)
                        .baseUnit("seconds").description("Time the JIT compiler has spent compiling")
                        .register(registry);
            }
            Gauge.builder("system.cpus", Runtime.getRuntime(), Runtime::availableProcessors)
                    .description("Processors available to the JVM").register(registry);
        };
    }
}
