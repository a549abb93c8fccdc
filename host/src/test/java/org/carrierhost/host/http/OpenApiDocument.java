package org.carrierhost.host.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The OpenAPI document as the host's class path holds it, read for tests: its operations, and whether a
 * real answer fits what it documents for that operation and status. Schemas are validated as JSON Schema
 * 2020-12 (OpenAPI 3.1's dialect) by networknt's validator, with their {@code $ref}s resolved inside the
 * document.
 *
 * <p>Not thread-safe as a whole (the validator's schema cache is, but tests use one instance per thread).
 */
final class OpenApiDocument {

    /** Where the document lives in the source tree, for failure messages. */
    static final String SOURCE = "host/src/main/resources/org/carrierhost/host/http/" + OpenApiRoutes.RESOURCE;

    private static final String IRI = "https://carrier-host.invalid/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the server answers on any path, routed or not: an unknown path, and failures before routing. */
    private static final Map<Integer, String> ANY_PATH = new java.util.TreeMap<>(Map.of(404, "NotFound", 408, "RequestTimeout",
            414, "UriTooLong", 431, "HeadersTooLarge", 500, "Internal"));

    private final String text;
    private final JsonNode root;
    private final SchemaRegistry registry;

    private OpenApiDocument(String text) throws IOException {
        this.text = text;
        this.root = JSON.readTree(text);
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(IRI, text)));
    }

    /** The document the host jar carries. */
    static OpenApiDocument load() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(OpenApiRoutes.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SOURCE + " is not on the class path");
            }
            return new OpenApiDocument(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as text. */
    String text() {
        return text;
    }

    /** The document as JSON. */
    JsonNode root() {
        return root;
    }

    /** Every documented operation, as {@code "GET /api/numbers/{number}"}. */
    Set<String> operations() {
        Set<String> operations = new LinkedHashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (!method.equals("parameters")) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        return operations;
    }

    /** The operation object of {@code method} on path template {@code template}, if documented. */
    Optional<JsonNode> operation(String method, String template) {
        JsonNode operation = root.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
        return operation.isObject() ? Optional.of(operation) : Optional.empty();
    }

    /** The documented path template a concrete path falls under; a literal template wins over one with parameters. */
    Optional<String> template(String path) {
        List<String> segments = Route.split(path);
        String best = null;
        int bestLiterals = -1;
        for (Iterator<String> templates = root.path("paths").fieldNames(); templates.hasNext(); ) {
            String template = templates.next();
            List<String> parts = Route.split(template);
            if (parts.size() != segments.size()) {
                continue;
            }
            int literals = 0;
            boolean fits = true;
            for (int i = 0; i < parts.size() && fits; i++) {
                boolean parameter = parts.get(i).startsWith("{");
                fits = parameter || parts.get(i).equals(segments.get(i));
                literals += parameter ? 0 : 1;
            }
            if (fits && literals > bestLiterals) {
                best = template;
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * What is wrong with an answer, judged against the document: its status must be documented for the
     * operation (for a method the path lacks, as any of the path's operations documents 405; for an unknown
     * path, 404 as {@code components/responses/NotFound}, or a failure before routing such as 414), it must carry each header the status documents, its
     * content type must be one the status documents, and a JSON body must validate against that status's
     * schema. Empty when the answer fits.
     */
    List<String> problems(String method, String path, int status, HttpHeaders headers, String body) {
        String contentType = headers.firstValue("Content-Type").orElse(null);
        String what = method + " " + (path.length() <= 100 ? path : path.substring(0, 100) + "...") + " -> " + status;
        Optional<String> template = template(path);
        String pointer;
        if (template.isEmpty()) {
            if (!ANY_PATH.containsKey(status)) {
                return List.of(what + ": an undocumented path must answer 404 (or a server-level " + ANY_PATH.keySet() + ")");
            }
            pointer = "/components/responses/" + ANY_PATH.get(status);
        } else {
            JsonNode pathItem = root.path("paths").path(template.get());
            Optional<JsonNode> operation = operation(method, template.get());
            String methodKey = operation.isPresent() ? method.toLowerCase(Locale.ROOT) : firstMethod(pathItem);
            if (operation.isEmpty() && status != 405) {
                return List.of(what + ": " + method + " is not documented on " + template.get() + ", so it must answer 405");
            }
            pointer = "/paths/" + escape(template.get()) + "/" + methodKey + "/responses/" + status;
            if (root.at(pointer).isMissingNode()) {
                return List.of(what + ": status " + status + " is not documented for " + method + " " + template.get()
                        + " in " + SOURCE);
            }
        }
        pointer = resolve(pointer);
        List<String> problems = new ArrayList<>();
        for (Iterator<String> names = root.at(pointer + "/headers").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (headers.firstValue(name).isEmpty()) {
                problems.add(what + ": the documented header " + name + " is missing");
            }
        }
        String media = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String schemaPointer = pointer + "/content/" + escape(media) + "/schema";
        JsonNode schemaNode = root.at(schemaPointer);
        if (schemaNode.isMissingNode()) {
            problems.add(what + ": content type '" + media + "' is not documented at " + pointer);
            return problems;
        }
        if (!media.equals("application/json")) {
            return problems;
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (IOException e) {
            problems.add(what + ": the body is not JSON: " + e.getMessage());
            return problems;
        }
        for (Error error : validator(schemaPointer).validate(instance)) {
            problems.add(what + ": " + error + " (schema " + schemaPointer + ")");
        }
        return problems;
    }

    /** The validator of the schema at {@code pointer} in this document. */
    Schema validator(String pointer) {
        return registry.getSchema(SchemaLocation.of(IRI + "#" + pointer.replace("{", "%7B").replace("}", "%7D")));
    }

    /** {@code pointer}, followed through an OpenAPI {@code $ref} (a response object kept under components). */
    private String resolve(String pointer) {
        JsonNode ref = root.at(pointer).path("$ref");
        return ref.isTextual() && ref.asText().startsWith("#") ? ref.asText().substring(1) : pointer;
    }

    private static String firstMethod(JsonNode pathItem) {
        for (Iterator<String> keys = pathItem.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!key.equals("parameters")) {
                return key;
            }
        }
        throw new IllegalStateException("a path without operations");
    }

    /** {@code token} as one JSON-pointer step. */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
