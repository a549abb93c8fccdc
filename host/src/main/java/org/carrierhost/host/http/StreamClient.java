package org.carrierhost.host.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

import org.carrierhost.host.events.LoggedEvent;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One open event stream: frames wait in a queue and are written one at a time with Jetty's asynchronous
 * write, the next when the last is done, so no thread blocks on a slow reader. Until its replay of missed
 * events is queued, live events are held back; an event is never sent twice, since only ids above the
 * last one queued are sent. A reader that falls behind by more than its share of the {@link StreamBudget}
 * (or {@value #MAX_QUEUED} frames) is cut off: what it has not been sent is dropped, and a last comment says
 * why; it resumes with {@code Last-Event-ID}.
 *
 * <p>Thread-safe: every field is guarded by this object's monitor; writes are started outside it.
 */
final class StreamClient {

    static final int MAX_QUEUED = 10_000;

    private final Response response;
    private final Callback callback;
    private final EventFrames frames;
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
    private final StreamBudget budget;
    /** How many streams share the budget now. */
    private final java.util.function.IntSupplier streams;
    /** The bytes of the queue and of the write under way, taken from the budget. */
    private long held;
    private ByteBuffer inFlight;
    private final ArrayDeque<LoggedEvent> heldBack = new ArrayDeque<>();
    private boolean replaying = true;
    private boolean writing;
    private boolean ending;
    private boolean done;
    private boolean cutOff;
    private long lastId;
    private final Runnable onEnd;

    StreamClient(Response response, Callback callback, EventFrames frames, StreamBudget budget, java.util.function.IntSupplier streams,
                 long lastId, Runnable onEnd) {
        this.budget = budget;
        this.streams = streams;
        this.response = response;
        this.callback = callback;
        this.frames = frames;
        this.lastId = lastId;
        this.onEnd = onEnd;
    }

    /** Queues the missed events, then every live event held back meanwhile, and goes live. */
    void replayed(List<LoggedEvent> missed) {
        synchronized (this) {
            missed.forEach(this::queueEvent);
            heldBack.forEach(this::queueEvent);
            heldBack.clear();
            replaying = false;
        }
        pump();
    }

    /** A live event, with its frame's bytes (written once for every stream, and shared: never changed). */
    void send(LoggedEvent event, byte[] frame) {
        synchronized (this) {
            if (replaying) {
                heldBack.add(event);
                return;
            }
            queueEvent(event, frame);
        }
        pump();
    }

    /** A comment line, which keeps the connection from idling out. */
    void comment(String text) {
        synchronized (this) {
            queue(": " + text + "\n\n");
        }
        pump();
    }

    /** Ends the stream once what is queued is written. */
    void end() {
        synchronized (this) {
            ending = true;
        }
        pump();
    }

    private void queueEvent(LoggedEvent event) {
        if (event.id() > lastId) {
            queueEvent(event, frames.frame(event).getBytes(StandardCharsets.UTF_8));
        }
    }

    private void queueEvent(LoggedEvent event, byte[] frame) {
        if (event.id() > lastId) {
            lastId = event.id();
            queue(frame);
        }
    }

    private void queue(String text) {
        queue(text.getBytes(StandardCharsets.UTF_8));
    }

    private void queue(byte[] bytes) {
        if (done || ending) {
            return;
        }
        String refused = queue.size() >= MAX_QUEUED ? "this stream fell " + MAX_QUEUED + " frames behind"
                : budget.take(held, bytes.length, streams.getAsInt());
        if (refused != null) {
            cut(refused);
            return;
        }
        held += bytes.length;
        queue.add(ByteBuffer.wrap(bytes));
    }

    /**
     * Too far behind: drops what was not sent, queues a last comment saying why (outside the budget), and
     * ends; the reader resumes from the last id it got.
     */
    private void cut(String why) {
        long dropped = 0;
        for (ByteBuffer frame : queue) {
            dropped += frame.remaining();
        }
        queue.clear();
        held -= dropped;
        budget.release(dropped);
        queue.add(ByteBuffer.wrap((": cut off: " + why + "; reconnect with Last-Event-ID to resume\n\n")
                .getBytes(StandardCharsets.UTF_8)));
        ending = true;
        cutOff = true;
    }

    /** Whether the stream was cut for falling behind. */
    synchronized boolean wasCut() {
        return cutOff;
    }

    /** Starts the next write unless one is under way. */
    private void pump() {
        ByteBuffer next;
        boolean last;
        synchronized (this) {
            if (writing || done) {
                return;
            }
            next = queue.poll();
            last = next == null && ending;
            if (next == null && !last) {
                return;
            }
            writing = true;
            if (last) {
                done = true;
            }
            inFlight = next;
        }
        if (last) {
            onEnd.run();
            response.write(true, ByteBuffer.allocate(0), callback);
            return;
        }
        response.write(false, next, Callback.from(this::written, this::failed));
    }

    private void written() {
        synchronized (this) {
            writing = false;
            releaseInFlight();
        }
        pump();
    }

    /** Gives the budget back the frame just written (the last comment of a cut was never taken from it). */
    private void releaseInFlight() {
        if (inFlight != null) {
            long bytes = Math.min(held, inFlight.capacity());
            held -= bytes;
            budget.release(bytes);
            inFlight = null;
        }
    }

    private void failed(Throwable failure) {
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
            budget.release(held);
            held = 0;
            inFlight = null;
            queue.clear();
        }
        onEnd.run();
        callback.failed(failure);
    }
}
