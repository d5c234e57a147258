package org.negotiationledger.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the same operation from several threads for a while, after a warm-up, and answers how
 * many succeeded per second and how long each took.
 */
final class Load {

    /** One operation of one worker; answers whether it succeeded. */
    @FunctionalInterface
    interface Operation {
        boolean run(int worker, long iteration) throws Exception;
    }

    record Result(double perSecond, double p50Millis, double p99Millis, long succeeded, long failed) {
    }

    private Load() {
    }

    static Result run(int workers, Duration warmUp, Duration measure, Operation operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            long start = System.nanoTime();
            long measureFrom = start + warmUp.toNanos();
            long end = measureFrom + measure.toNanos();
            List<Future<long[]>> results = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                results.add(pool.submit(() -> {
                    long[] latencies = new long[1 << 16];
                    int count = 0;
                    long failed = 0;
                    for (long i = 0; ; i++) {
                        long before = System.nanoTime();
                        if (before >= end) {
                            break;
                        }
                        boolean ok = operation.run(worker, i);
                        long after = System.nanoTime();
                        if (before >= measureFrom && after <= end) {
                            if (!ok) {
                                failed++;
                            } else {
                                if (count == latencies.length) {
                                    latencies = Arrays.copyOf(latencies, count * 2);
                                }
                                latencies[count++] = after - before;
                            }
                        }
                    }
                    long[] answer = Arrays.copyOf(latencies, count + 1);
                    answer[count] = failed;
                    return answer;
                }));
            }
            List<Long> all = new ArrayList<>();
            long failed = 0;
            for (Future<long[]> result : results) {
                long[] answer = result.get();
                for (int i = 0; i < answer.length - 1; i++) {
                    all.add(answer[i]);
                }
                failed += answer[answer.length - 1];
            }
            all.sort(null);
            double seconds = measure.toNanos() / 1e9;
            return new Result(all.size() / seconds, percentile(all, 0.50), percentile(all, 0.99), all.size(), failed);
        } finally {
            pool.shutdownNow();
        }
    }

    static double percentile(List<Long> sorted, double share) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(share * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }
}
