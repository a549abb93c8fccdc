package org.carrierhost.host.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.concurrent.ExecutionException;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.content.ByteBufferContentSource;

/**
 * The body of {@code POST /api/carriers}: a plain {@code application/zip} (unsigned), or
 * {@code multipart/form-data} with the parts {@code zip} and {@code signature} (an armored detached
 * OpenPGP signature over the whole zip). Parsed in memory with Jetty's multipart parser; the body's size
 * was bounded before.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param zip       the zip's bytes
 * @param signature the signature's bytes, or null when unsigned
 */
record CarrierUpload(byte[] zip, byte[] signature) {

    /**
     * The upload in {@code body}, sent as {@code contentType}.
     *
     * @throws StandardException {@code invalid} naming what is wrong with the type or the parts
     */
    static CarrierUpload of(String contentType, byte[] body) {
        String type = contentType.split(";", -1)[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals("application/zip")) {
            return new CarrierUpload(body, null);
        }
        if (!type.equals("multipart/form-data")) {
            throw StandardException.of(ErrorCode.INVALID, "the body must be a plugin zip",
                    "send Content-Type: application/zip, or multipart/form-data with the parts zip and signature, not "
                            + StandardError.bounded(type, 100));
        }
        String boundary = MultiPart.extractBoundary(contentType);
        if (boundary == null || boundary.isEmpty()) {
            throw StandardException.of(ErrorCode.INVALID, "the multipart body names no boundary", "Content-Type: " + StandardError.bounded(contentType, 200));
        }
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
        parser.setMaxParts(8);
        parser.setMaxMemoryFileSize(body.length + 1L);
        parser.setMaxLength(body.length + 1L);
        try (MultiPartFormData.Parts parts = parser.parse(new ByteBufferContentSource(ByteBuffer.wrap(body))).get()) {
            MultiPart.Part zip = parts.getFirst("zip");
            if (zip == null) {
                throw StandardException.of(ErrorCode.INVALID, "the multipart body has no part named zip",
                        "send the plugin zip as the part zip, and its armored signature as the part signature");
            }
            MultiPart.Part signature = parts.getFirst("signature");
            return new CarrierUpload(bytes(zip), signature == null ? null : bytes(signature));
        } catch (ExecutionException | IOException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw StandardException.of(ErrorCode.INVALID, "the multipart body cannot be read", StandardError.bounded(String.valueOf(cause.getMessage()), 200));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StandardException.of(ErrorCode.INVALID, "the multipart body cannot be read", "interrupted");
        }
    }

    private static byte[] bytes(MultiPart.Part part) throws IOException {
        ByteBuffer buffer = org.eclipse.jetty.io.Content.Source.asByteBuffer(part.getContentSource());
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
