package org.carrierhost.host.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads one request body without holding a thread while it arrives: Jetty's {@link Content.Source} demand
 * calls back as bytes come, and Jetty's scheduler looks at the body once a second. A body that arrives
 * slower than {@code http.min_body_rate} (after a first second of grace), or is not whole within {@code
 * http.request_timeout_ms} of the request's start, is cut with {@code 408 request_timeout}; one over the
 * route's limit with {@code 413 too_large}. Either way the connection is closed after the answer. A body over the
 * limit by no more than {@value #DISCARD_LIMIT} bytes is read to its end and thrown away before the 413 is answered
 * (under the same rate and deadline), so the close finds nothing unread: closing a socket with unread bytes resets
 * it, and a reset can destroy the answer before the client reads it. A larger one is answered at once, unread.
 *
 * <p>Thread-safe: the demand callback and the scheduler's check are serialized on this object, and the
 * outcome is handed over exactly once.
 */
final class BodyRead implements Runnable {

    /** How often the rate and the deadline are looked at, and the grace before the rate counts. */
    private static final long CHECK_MS = 1000;
    /** The most bytes of a body over its limit that are read and thrown away before the 413 (see above). */
    static final long DISCARD_LIMIT = 1 << 20;

    /** What a body's reading came to: its bytes, or the standard error to answer. */
    interface Outcome {
        void read(byte[] body);

        void refused(ApiError why);
    }

    private final Request request;
    private final long limit;
    private final long minRate;
    private final long deadlineNanos;
    private final long began;
    private final Scheduler scheduler;
    private final Outcome outcome;
    private final ByteArrayOutputStream bytes;
    private Scheduler.Task check;
    private boolean done;
    /** Set once the body is known to be over the limit: the rest is thrown away, then this is answered. */
    private ApiError overLimit;
    private long discarded;

    private BodyRead(Request request, long limit, long minRate, Duration deadline, Scheduler scheduler, Outcome outcome) {
        this.request = request;
        this.limit = limit;
        this.minRate = minRate;
        this.scheduler = scheduler;
        this.outcome = outcome;
        long declared = request.getLength();
        this.bytes = new ByteArrayOutputStream((int) Math.min(declared > 0 && declared <= limit ? declared : 8192, 1 << 20));
        long start = request.getBeginNanoTime();
        this.began = start == 0 ? System.nanoTime() : start;
        this.deadlineNanos = deadline.toNanos();
    }

    /** Whether {@code request} may carry a body to read at all. */
    static boolean hasBody(Request request) {
        if (request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)) {
            return true;
        }
        // HTTP/1.x without either header has none; HTTP/2 may send one without a length.
        return request.getLength() < 0 && request.getConnectionMetaData().getHttpVersion().getVersion() >= 20;
    }

    /**
     * Reads {@code request}'s body, at most {@code limit} bytes, and hands it, or the reason it was refused,
     * to {@code outcome}: at once when it is all there already, else later on one of Jetty's threads.
     */
    static void read(Request request, long limit, long minRate, Duration deadline, Outcome outcome) {
        long declared = request.getLength();
        if (declared > limit && declared - limit > DISCARD_LIMIT) {
            outcome.refused(tooLarge(declared, limit));
            return;
        }
        BodyRead read = new BodyRead(request, limit, minRate, deadline, request.getComponents().getScheduler(), outcome);
        if (declared > limit) {
            read.overLimit = tooLarge(declared, limit);
        }
        read.run();
        read.watch();
    }

    private synchronized void watch() {
        if (!done) {
            check = scheduler.schedule(this::check, CHECK_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Jetty's demand callback: takes what has arrived, and asks for more until the last chunk. */
    @Override
    public void run() {
        Object result = drain();
        if (result instanceof byte[] body) {
            finish(body, null);
        } else if (result instanceof ApiError refused) {
            finish(null, refused);
        }
    }

    /** The whole body, the reason to refuse it, or null when more is demanded (or it is done already). */
    private synchronized Object drain() {
        while (!done) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return null;
            }
            if (Content.Chunk.isFailure(chunk)) {
                return ApiError.of(StandardException.of(ErrorCode.INVALID, "cannot read the request body",
                        String.valueOf(chunk.getFailure())).error());
            }
            ByteBuffer buffer = chunk.getByteBuffer();
            int n = buffer.remaining();
            if (overLimit == null && bytes.size() + (long) n > limit) {
                overLimit = tooLarge(bytes.size() + (long) n, limit);
                discarded = bytes.size();
                bytes.reset();
            }
            if (overLimit != null) {
                discarded += n;
                boolean last = chunk.isLast();
                chunk.release();
                if (last || discarded - limit > DISCARD_LIMIT) {
                    return overLimit;
                }
                continue;
            }
            byte[] part = new byte[n];
            buffer.get(part);
            bytes.write(part, 0, n);
            boolean last = chunk.isLast();
            chunk.release();
            if (last) {
                return bytes.toByteArray();
            }
        }
        return null;
    }

    /** The scheduler's look: cuts a body past the whole-request deadline, or below the minimum rate. */
    private void check() {
        ApiError cut;
        synchronized (this) {
            if (done) {
                return;
            }
            long elapsed = System.nanoTime() - began;
            long seconds = TimeUnit.NANOSECONDS.toSeconds(elapsed);
            long got = bytes.size() + discarded;
            if (elapsed >= deadlineNanos) {
                cut = overLimit != null ? overLimit : timeout("the request did not arrive within "
                        + TimeUnit.NANOSECONDS.toMillis(deadlineNanos) + " ms (http.request_timeout_ms)", got);
            } else if (minRate > 0 && seconds >= 2 && got < minRate * (seconds - 1)) {
                cut = overLimit != null ? overLimit
                        : timeout("the request body arrived slower than " + minRate + " bytes/s (http.min_body_rate)", got);
            } else {
                check = scheduler.schedule(this::check, CHECK_MS, TimeUnit.MILLISECONDS);
                return;
            }
        }
        finish(null, cut);
    }

    private void finish(byte[] body, ApiError refused) {
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
            if (check != null) {
                check.cancel();
            }
        }
        if (refused == null) {
            outcome.read(body);
        } else {
            outcome.refused(refused);
        }
    }

    private static ApiError timeout(String why, long got) {
        return ApiError.of(408, "request_timeout", why, got + " bytes of the body had arrived");
    }

    static ApiError tooLarge(long size, long limit) {
        return ApiError.of(StandardException.of(ErrorCode.TOO_LARGE, "request body is too large",
                size + " bytes, over the limit of " + limit).error());
    }
}
