package org.carrierhost.host.plugins.isolation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.carrierhost.api.NumberInventory;
import org.carrierhost.api.NumberRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A local carrier's view of the host's inventory, from inside its own process: each question goes back over the
 * channel to the host, which owns the database and answers plain records. No connection is ever in the process.
 *
 * <p>Thread-safe: questions are numbered atomically and wait on their own futures.
 */
final class HostInventory implements NumberInventory {

    private static final long WAIT_SECONDS = 30;

    private final Frames frames;
    private final AtomicLong asked = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();

    HostInventory(Frames frames) {
        this.frames = frames;
    }

    @Override
    public List<NumberRecord> findAvailable(String carrierId, String e164Prefix, int offset, int limit) {
        ObjectNode ask = Frames.message();
        ask.put("op", "available");
        ask.put("prefix", e164Prefix);
        ask.put("offset", offset);
        ask.put("limit", limit);
        return records(ask);
    }

    @Override
    public List<NumberRecord> findTaken(String carrierId, int offset, int limit) {
        ObjectNode ask = Frames.message();
        ask.put("op", "taken");
        ask.put("offset", offset);
        ask.put("limit", limit);
        return records(ask);
    }

    /** The host answered a question. */
    void answered(ObjectNode message) {
        CompletableFuture<JsonNode> future = waiting.remove(message.path("answer").asLong());
        if (future != null) {
            future.complete(message);
        }
    }

    private List<NumberRecord> records(ObjectNode ask) {
        long number = asked.incrementAndGet();
        ask.put("ask", number);
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        waiting.put(number, answer);
        try {
            frames.write(ask);
            JsonNode reply = answer.get(WAIT_SECONDS, TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException("the host's inventory failed: " + reply.path("error").asText());
            }
            List<NumberRecord> records = new ArrayList<>();
            for (JsonNode r : reply.path("value")) {
                records.add(Wire.record(r));
            }
            return records;
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the host's inventory did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the host's inventory", e);
        } finally {
            waiting.remove(number);
        }
    }
}
