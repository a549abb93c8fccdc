package org.carrierhost.host.plugins.call;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.CallCompleted;
import org.carrierhost.host.events.CarrierOperation;
import org.carrierhost.host.events.HostEvents;
import org.carrierhost.host.plugins.load.PluginPool;
import org.carrierhost.host.plugins.load.TimeBox;

/**
 * The one path of every number call into plugin code. For each call it applies, in order: the carrier's
 * circuit breaker (an open circuit answers at once), the lease on the version the call begins on (so a
 * swap lets it finish there), the carrier's bulkhead (a bound on its calls running at once), the
 * plugin's context class loader, the deadline, the statistics, and a {@link CallCompleted} event.
 * Several carriers are called in parallel under one overall deadline; one that misses it is interrupted
 * and answers {@code timeout}, and never delays the others. A call that ignores the interrupt is counted
 * as lingering until it returns, and keeps its bulkhead permit, so a hung carrier holds at most its
 * bulkhead's worth of threads.
 *
 * <p>Lifecycle calls (constructors, {@code start}, {@code stop}) run on the same threads through
 * {@link TimeBox}.
 *
 * <p>Thread-safe: holds only thread-safe parts.
 */
public final class CarrierCalls {

    private static final ExecutorService EXECUTOR = PluginPool.EXECUTOR;

    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int ABANDONED = 2;

    private final CallPort carriers;
    private final HostEvents events;

    /**
     * @param carriers how a carrier's id leads to its guard, figures and serving generation
     * @param events   where each {@link CallCompleted} is raised
     */
    public CarrierCalls(CallPort carriers, HostEvents events) {
        this.carriers = carriers;
        this.events = events;
    }

    /** Calls every one of {@code carrierIds} in parallel, all within {@code limit}; outcomes in the same order. */
    public <T> List<CallOutcome<T>> callAll(List<String> carrierIds, CarrierOperation operation, Duration limit,
                                            CarrierCall<T> call) {
        return callEach(carrierIds, operation, limit, id -> call);
    }

    /**
     * Calls every one of {@code carrierIds} in parallel, each with its own call ({@code callFor} of its id, for example
     * a search asking each carrier for no more than it can give), all within {@code limit}; outcomes in the same order.
     */
    public <T> List<CallOutcome<T>> callEach(List<String> carrierIds, CarrierOperation operation, Duration limit,
                                             java.util.function.Function<String, CarrierCall<T>> callFor) {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        List<Object> dispatched = new ArrayList<>(carrierIds.size());
        for (String id : carrierIds) {
            dispatched.add(dispatch(id, operation, callFor.apply(id), start));
        }
        List<CallOutcome<T>> outcomes = new ArrayList<>(carrierIds.size());
        for (Object d : dispatched) {
            @SuppressWarnings("unchecked")
            CallOutcome<T> outcome = d instanceof Dispatched<?> running
                    ? settle((Dispatched<T>) running, operation, deadline, limit)
                    : (CallOutcome<T>) d;
            outcomes.add(outcome);
        }
        return outcomes;
    }

    /**
     * Calls one carrier within {@code limit}.
     *
     * @throws StandardException the carrier's failure, attributed to it
     */
    public <T> T call(String carrierId, CarrierOperation operation, Duration limit, CarrierCall<T> call) {
        CallOutcome<T> outcome = callAll(List.of(carrierId), operation, limit, call).get(0);
        if (outcome instanceof CallOutcome.Answered<T> answered) {
            return answered.value();
        }
        throw new StandardException(((CallOutcome.Failed<T>) outcome).error());
    }

    /**
     * Calls {@code target}, a version of carrier {@code id} that need not be the one serving (a self-test's, with a
     * guard of its own), within {@code limit}, as every other call is made.
     */
    public <T> CallOutcome<T> callOn(String id, CallTarget target, CarrierOperation operation, Duration limit,
                                     CarrierCall<T> call) {
        long start = System.nanoTime();
        Object d = dispatch(id, target, operation, call, start);
        @SuppressWarnings("unchecked")
        CallOutcome<T> outcome = d instanceof Dispatched<?> running
                ? settle((Dispatched<T>) running, operation, start + limit.toNanos(), limit)
                : (CallOutcome<T>) d;
        return outcome;
    }

    /** Starts the call, or answers at once why it cannot be made. */
    private <T> Object dispatch(String id, CarrierOperation operation, CarrierCall<T> call, long start) {
        CallTarget slot = carriers.target(id).orElse(null);
        if (slot == null) {
            return refused(id, operation, start, new StandardError(ErrorCode.NOT_FOUND, "unknown carrier " + id, null, id));
        }
        return dispatch(id, slot, operation, call, start);
    }

    private <T> Object dispatch(String id, CallTarget slot, CarrierOperation operation, CarrierCall<T> call, long start) {
        CarrierGuard guard = slot.guard();
        if (!guard.breaker().tryAcquirePermission()) {
            return refused(id, operation, start, new StandardError(ErrorCode.CARRIER_UNAVAILABLE,
                    "carrier " + id + " is unavailable", "circuit open, retry in " + guard.retryInSeconds() + " s", id));
        }
        CallKey key = CallKey.of(operation, call);
        CarrierLease lease;
        try {
            lease = slot.lease(key);
        } catch (StandardException e) {
            guard.breaker().releasePermission();
            return refused(id, operation, start, e.error(), true);
        }
        if (!guard.bulkhead().tryAcquirePermission()) {
            lease.close();
            guard.breaker().releasePermission();
            return refused(id, operation, start, new StandardError(ErrorCode.CARRIER_UNAVAILABLE,
                    "carrier " + id + " is unavailable", "bulkhead full: " + guard.view().maxConcurrent()
                    + " calls running (" + guard.lingering().get() + " past their deadline)", id));
        }
        AtomicInteger phase = new AtomicInteger(RUNNING);
        Future<T> future;
        try {
            future = EXECUTOR.submit(() -> {
                try {
                    return lease.call(call);
                } catch (Exception failure) {
                    // Rendered here, under the deadline: a plugin's message is plugin code too.
                    throw new RenderedFailure(explain(id, failure), CarrierGuard.countsAgainst(failure));
                } finally {
                    lease.close();
                    guard.bulkhead().onComplete();
                    if (!phase.compareAndSet(RUNNING, DONE)) {
                        guard.lingering().decrementAndGet();
                    }
                }
            });
        } catch (RuntimeException e) {
            lease.close();
            guard.bulkhead().onComplete();
            guard.breaker().releasePermission();
            return refused(id, operation, start, new StandardError(ErrorCode.CARRIER_UNAVAILABLE,
                    "carrier " + id + " cannot be called now", e.toString(), id));
        }
        return new Dispatched<>(id, slot, guard, future, phase, start, lease, key);
    }

    private <T> CallOutcome<T> settle(Dispatched<T> d, CarrierOperation operation, long deadline, Duration limit) {
        long wait = deadline - System.nanoTime();
        Throwable failure;
        StandardError error;
        try {
            T value = d.future.get(Math.max(0, wait), TimeUnit.NANOSECONDS);
            long took = System.nanoTime() - d.start;
            d.guard.breaker().onSuccess(took, TimeUnit.NANOSECONDS);
            finish(d, operation, took, null);
            d.lease.settled(d.key, took, null, value);
            return new CallOutcome.Answered<>(d.id, value);
        } catch (TimeoutException | CancellationException e) {
            if (d.phase.compareAndSet(RUNNING, ABANDONED)) {
                d.guard.lingering().incrementAndGet();
            }
            d.future.cancel(true);
            failure = new TimeoutException();
            error = new StandardError(ErrorCode.TIMEOUT, "carrier " + d.id + " did not answer within " + limit.toMillis() + " ms",
                    null, d.id);
        } catch (ExecutionException e) {
            failure = e.getCause();
            error = failure instanceof RenderedFailure rendered ? rendered.error() : explain(d.id, failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            d.future.cancel(true);
            d.guard.breaker().releasePermission();
            error = new StandardError(ErrorCode.TIMEOUT, "interrupted", null, d.id);
            finish(d, operation, System.nanoTime() - d.start, error);
            return new CallOutcome.Failed<>(d.id, error);
        }
        long took = System.nanoTime() - d.start;
        d.guard.breaker().onError(took, TimeUnit.NANOSECONDS, failure);
        finish(d, operation, took, error);
        return new CallOutcome.Failed<>(d.id, error);
    }

    private void finish(Dispatched<?> d, CarrierOperation operation, long nanos, StandardError error) {
        d.slot.stats().record(nanos, error != null);
        if (error != null) {
            d.lease.settled(d.key, nanos, error, null);
        }
        events.publish(new CallCompleted(Instant.now(), d.id, operation, error == null ? null : error.code(),
                Duration.ofNanos(nanos), error == null ? null : detail(error)));
    }

    private static String detail(StandardError error) {
        return error.cause() == null ? error.message() : error.message() + ": " + error.cause();
    }

    private <T> CallOutcome<T> refused(String id, CarrierOperation operation, long start, StandardError error) {
        return refused(id, operation, start, error, false);
    }

    private <T> CallOutcome<T> refused(String id, CarrierOperation operation, long start, StandardError error,
                                       boolean notServing) {
        events.publish(new CallCompleted(Instant.now(), id, operation, error.code(), Duration.ofNanos(System.nanoTime() - start),
                detail(error)));
        return new CallOutcome.Failed<>(id, error, notServing);
    }

    private static StandardError explain(String carrierId, Throwable failure) {
        if (failure instanceof CarrierException e) {
            return StandardError.fromCarrier(carrierId, e);
        }
        if (failure instanceof PluginFault fault) {
            return new StandardError(ErrorCode.CARRIER_FAULT, "carrier " + carrierId + " failed unexpectedly",
                    TimeBox.describe(fault.getCause()), carrierId);
        }
        if (failure instanceof StandardException e) {
            return e.error().carrier() == null ? e.error().withCarrier(carrierId) : e.error();
        }
        return new StandardError(ErrorCode.CARRIER_FAULT, "carrier " + carrierId + " failed unexpectedly",
                String.valueOf(failure), carrierId);
    }

    /** A call under way on a worker thread. */
    private record Dispatched<T>(String id, CallTarget slot, CarrierGuard guard, Future<T> future, AtomicInteger phase,
                                 long start, CarrierLease lease, CallKey key) {
    }
}
