package org.carrierhost.host.manager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.plugins.CarrierCall;
import org.carrierhost.host.plugins.CarrierLease;
import org.carrierhost.host.plugins.CarrierTable;

/**
 * Calls carriers on worker threads under a deadline, each call holding a lease on the version it began
 * on until it returns. Several carriers are called in parallel under one overall deadline; a carrier that
 * misses it is interrupted and reported as {@code timeout}, and never delays the others.
 *
 * <p>Thread-safe: an unbounded pool of daemon threads, so a hung carrier holds only its own threads.
 */
final class CarrierInvoker implements AutoCloseable {

    private final CarrierTable table;
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "carrier-call-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    CarrierInvoker(CarrierTable table) {
        this.table = table;
    }

    /** Calls every one of {@code carrierIds} in parallel, all within {@code limit}; outcomes in the same order. */
    <T> List<CallOutcome<T>> callAll(List<String> carrierIds, Duration limit, CarrierCall<T> call) {
        List<Callable<T>> tasks = carrierIds.stream().map(id -> task(id, call)).toList();
        List<Future<T>> futures;
        try {
            futures = workers.invokeAll(tasks, limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StandardException.of(ErrorCode.TIMEOUT, "search was interrupted");
        }
        List<CallOutcome<T>> outcomes = new ArrayList<>(futures.size());
        for (int i = 0; i < futures.size(); i++) {
            outcomes.add(outcome(carrierIds.get(i), futures.get(i), limit));
        }
        return outcomes;
    }

    /**
     * Calls one carrier within {@code limit}.
     *
     * @throws StandardException the carrier's failure, attributed to it
     */
    <T> T call(String carrierId, Duration limit, CarrierCall<T> call) {
        CallOutcome<T> outcome = callAll(List.of(carrierId), limit, call).get(0);
        if (outcome instanceof CallOutcome.Answered<T> answered) {
            return answered.value();
        }
        throw new StandardException(((CallOutcome.Failed<T>) outcome).error());
    }

    private <T> Callable<T> task(String carrierId, CarrierCall<T> call) {
        return () -> {
            try (CarrierLease lease = table.lease(carrierId)) {
                return lease.call(call);
            }
        };
    }

    private static <T> CallOutcome<T> outcome(String carrierId, Future<T> future, Duration limit) {
        try {
            return new CallOutcome.Answered<>(carrierId, future.get());
        } catch (CancellationException e) {
            return new CallOutcome.Failed<>(carrierId, new StandardError(ErrorCode.TIMEOUT,
                    "carrier " + carrierId + " did not answer within " + limit.toMillis() + " ms", null, carrierId));
        } catch (ExecutionException e) {
            return new CallOutcome.Failed<>(carrierId, explain(carrierId, e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CallOutcome.Failed<>(carrierId, new StandardError(ErrorCode.TIMEOUT, "interrupted", null, carrierId));
        }
    }

    private static StandardError explain(String carrierId, Throwable failure) {
        if (failure instanceof CarrierException e) {
            return StandardError.fromCarrier(carrierId, e);
        }
        if (failure instanceof StandardException e) {
            return e.error().carrier() == null ? e.error().withCarrier(carrierId) : e.error();
        }
        return new StandardError(ErrorCode.CARRIER_FAULT, "carrier " + carrierId + " failed unexpectedly",
                String.valueOf(failure), carrierId);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
