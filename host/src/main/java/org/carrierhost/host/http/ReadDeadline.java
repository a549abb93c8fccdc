package org.carrierhost.host.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts off a connection whose request line and headers are still arriving after the read timeout: a
 * client that sends a byte at a time resets Jetty's idle timeout with every byte, so the idle timeout
 * alone never ends it. The connection is looked at every half timeout; one found twice in a row in the
 * middle of the same request's headers is closed, so none lasts longer than the timeout.
 *
 * <p>Thread-safe: per-connection state lives in each connection's own scheduled task.
 */
final class ReadDeadline implements Connection.Listener {

    private static final Logger log = LoggerFactory.getLogger(ReadDeadline.class);

    private final Scheduler scheduler;
    private final long halfMillis;

    ReadDeadline(Scheduler scheduler, Duration timeout) {
        this.scheduler = scheduler;
        this.halfMillis = Math.max(1, timeout.toMillis() / 2);
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) {
            scheduler.schedule(new Check(http), halfMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** One connection's watch: which request was mid-headers at the last look. */
    private final class Check implements Runnable {
        private final HttpConnection connection;
        private long midHeadersOf = -1;

        Check(HttpConnection connection) {
            this.connection = connection;
        }

        @Override
        public void run() {
            if (!connection.getEndPoint().isOpen()) {
                return;
            }
            var parser = connection.getParser();
            boolean midHeaders = parser.inHeaderState() && !parser.isStart();
            long request = connection.getMessagesIn();
            if (midHeaders && request == midHeadersOf) {
                log.debug("closing {}: its request headers did not arrive within {} ms", connection, 2 * halfMillis);
                connection.getEndPoint().close();
                return;
            }
            midHeadersOf = midHeaders ? request : -1;
            scheduler.schedule(this, halfMillis, TimeUnit.MILLISECONDS);
        }
    }
}
