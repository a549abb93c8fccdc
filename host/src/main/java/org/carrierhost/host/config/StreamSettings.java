package org.carrierhost.host.config;

/**
 * The event stream's bounds ({@code http.max_streams_*}, {@code http.stream_*}) and the sockets' send buffer;
 * each is documented in {@link Settings}.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param perToken        {@code http.max_streams_per_token}: streams of one operator or admin token
 * @param perViewer       {@code http.max_streams_per_viewer}: streams of one viewer token
 * @param memoryBytes     {@code http.stream_memory_bytes}: unsent frames of all streams together
 * @param clientBytes     {@code http.stream_client_bytes}: unsent frames of one stream
 * @param sendBufferBytes {@code http.send_buffer_bytes}: each connection's socket send buffer
 */
public record StreamSettings(int perToken, int perViewer, long memoryBytes, long clientBytes, int sendBufferBytes) {

    /** The defaults of the settings table. */
    public static StreamSettings defaults() {
        return new StreamSettings(Settings.HTTP_MAX_STREAMS_PER_TOKEN.defaultValue().orElseThrow(),
                Settings.HTTP_MAX_STREAMS_PER_VIEWER.defaultValue().orElseThrow(),
                Settings.HTTP_STREAM_MEMORY_BYTES.defaultValue().orElseThrow(),
                Settings.HTTP_STREAM_CLIENT_BYTES.defaultValue().orElseThrow(),
                Settings.HTTP_SEND_BUFFER_BYTES.defaultValue().orElseThrow());
    }

    static StreamSettings from(HostConfiguration values) {
        return new StreamSettings(values.get(Settings.HTTP_MAX_STREAMS_PER_TOKEN), values.get(Settings.HTTP_MAX_STREAMS_PER_VIEWER),
                values.get(Settings.HTTP_STREAM_MEMORY_BYTES), values.get(Settings.HTTP_STREAM_CLIENT_BYTES),
                values.get(Settings.HTTP_SEND_BUFFER_BYTES));
    }
}
