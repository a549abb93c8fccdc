package org.carrierhost.host.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;

/**
 * h2c on the plain port by prior knowledge only: a client that opens with the HTTP/2 preface speaks HTTP/2; an
 * HTTP/1.1 request asking {@code Upgrade: h2c} is answered in HTTP/1.1, since RFC 9113 (section 3.1) deprecates that
 * upgrade. So an HTTP/1.1 client that offers it by default (the JDK's HttpClient) keeps HTTP/1.1's answers, such as
 * 431 for headers over {@code http.max_header_bytes}, where HTTP/2 would end the connection.
 *
 * <p>Thread-safe: Jetty's connection factory, configured before the server starts.
 */
final class PriorKnowledgeH2c extends HTTP2CServerConnectionFactory {

    private static final String PREFACE_METHOD = "PRI";

    PriorKnowledgeH2c(HttpConfiguration http) {
        super(http);
    }

    @Override
    public Connection upgradeConnection(Connector connector, EndPoint endPoint, MetaData.Request request,
                                        HttpFields.Mutable responseFields) {
        // Jetty reads the preface as a request "PRI * HTTP/2.0" and upgrades through here as well.
        return PREFACE_METHOD.equals(request.getMethod())
                ? super.upgradeConnection(connector, endPoint, request, responseFields)
                : null;
    }
}
