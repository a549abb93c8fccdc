package org.carrierhost.host.http;

import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The body of an answer that stays open (the event stream): once the status and headers are set, it is
 * handed Jetty's response and the request's callback, writes with {@link Response#write} from any thread,
 * and completes the callback when it ends, so no worker thread waits on it meanwhile.
 */
@FunctionalInterface
interface StreamingBody {

    /** Takes over {@code response}; must complete {@code callback} (succeeded or failed) exactly once, later. */
    void open(Response response, Callback callback);
}
