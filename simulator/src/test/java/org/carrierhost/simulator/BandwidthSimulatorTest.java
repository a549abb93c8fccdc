package org.carrierhost.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BandwidthSimulatorTest {

    private static final String ORDER = "<Order><Name>t</Name><SiteId>1</SiteId><ExistingTelephoneNumberOrderType>"
            + "<TelephoneNumberList><TelephoneNumber>%s</TelephoneNumber></TelephoneNumberList>"
            + "</ExistingTelephoneNumberOrderType></Order>";
    private static final String DISCONNECT = "<DisconnectTelephoneNumberOrder><Name>d</Name>"
            + "<DisconnectTelephoneNumberOrderType><TelephoneNumberList><TelephoneNumber>%s</TelephoneNumber>"
            + "</TelephoneNumberList></DisconnectTelephoneNumberOrderType></DisconnectTelephoneNumberOrder>";

    private final HttpClient http = HttpClient.newHttpClient();
    private BandwidthSimulator simulator;
    private String account;

    @BeforeEach
    void start() throws Exception {
        simulator = BandwidthSimulator.start(SimulatorSettings.defaults().withPollsUntilComplete(1));
        account = simulator.baseUrl() + "/accounts/" + simulator.settings().account();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private HttpResponse<String> get(String url, String auth) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return get(url, basic("carrier", "secret"));
    }

    private HttpResponse<String> post(String url, String type, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic("carrier", "secret"))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String orderId(String body) {
        Matcher m = Pattern.compile("<id>([^<]+)</id>").matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
    }

    /** Posts an order or disconnect, reads it until settled (one poll, then the outcome) and returns that reply. */
    private String placeAndSettle(String resource, String body) throws Exception {
        String id = orderId(post(account + "/" + resource, "application/xml", body).body());
        get(account + "/" + resource + "/" + id);
        return get(account + "/" + resource + "/" + id).body();
    }

    @Test
    void refusesMissingOrWrongBasicAuth() throws Exception {
        assertEquals(401, get(account + "/availableNumbers?areaCode=973&quantity=1", null).statusCode());
        assertEquals(401, get(account + "/availableNumbers?areaCode=973&quantity=1", basic("carrier", "nope"))
                .statusCode());
        assertEquals(200, get(account + "/availableNumbers?areaCode=973&quantity=1").statusCode());
    }

    @Test
    void refusesAnotherAccount() throws Exception {
        assertEquals(403, get(simulator.baseUrl() + "/accounts/42/availableNumbers?areaCode=973&quantity=1")
                .statusCode());
    }

    @Test
    void searchesByAreaCodeWithDetails() throws Exception {
        HttpResponse<String> reply = get(account + "/availableNumbers?areaCode=919&quantity=3&enableTNDetail=true");
        assertEquals(200, reply.statusCode());
        assertEquals(3, reply.body().split("<TelephoneNumberDetail>").length - 1, reply.body());
        assertTrue(reply.body().contains("<RateCenter>RALEIGH</RateCenter>"), reply.body());
    }

    @Test
    void searchesTollFreeByWildcardPatternEncodedOrNot() throws Exception {
        String plain = get(account + "/availableNumbers?tollFreeWildCardPattern=85*&quantity=100").body();
        String encoded = get(account + "/availableNumbers?tollFreeWildCardPattern=85%2A&quantity=100").body();
        assertEquals(plain, encoded);
        assertEquals(20, plain.split("<TelephoneNumber>855").length - 1, plain);
    }

    @Test
    void answersAnEmptySearchResultWhenNothingMatches() throws Exception {
        assertTrue(get(account + "/availableNumbers?npaNxx=212555&quantity=5").body().endsWith("<SearchResult/>"));
    }

    @Test
    void answersA400With4010WhenTheSearchKindIsMissing() throws Exception {
        HttpResponse<String> reply = get(account + "/availableNumbers?quantity=5");
        assertEquals(400, reply.statusCode());
        assertTrue(reply.body().contains("<Code>4010</Code>"), reply.body());
    }

    @Test
    void orderGoesFromReceivedToCompleteAndTakesTheNumberOutOfStock() throws Exception {
        HttpResponse<String> placed = post(account + "/orders", "application/xml", ORDER.formatted("9733701000"));
        assertEquals(201, placed.statusCode(), placed.body());
        assertTrue(placed.body().contains("<OrderStatus>RECEIVED</OrderStatus>"));
        assertFalse(simulator.stock().isAvailable("9733701000"));
        String id = orderId(placed.body());
        assertTrue(get(account + "/orders/" + id).body().contains("<OrderStatus>RECEIVED</OrderStatus>"));
        String done = get(account + "/orders/" + id).body();
        assertTrue(done.contains("<OrderStatus>COMPLETE</OrderStatus>"), done);
        assertTrue(done.contains("<FullNumber>9733701000</FullNumber>"), done);
    }

    @Test
    void orderOfAnUnavailableNumberFailsWith5018() throws Exception {
        String done = placeAndSettle("orders", ORDER.formatted("2125550100"));
        assertTrue(done.contains("<OrderStatus>FAILED</OrderStatus>") && done.contains("<Code>5018</Code>"), done);
    }

    @Test
    void refusesOrdersWithAWrongContentTypeOrMalformedXml() throws Exception {
        assertEquals(415, post(account + "/orders", "application/json", ORDER.formatted("9733701000")).statusCode());
        HttpResponse<String> malformed = post(account + "/orders", "application/xml", "<Order><Name>");
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body().contains("<ErrorList><Error><Code>1001</Code>"), malformed.body());
        assertEquals(400, post(account + "/orders", "application/xml", ORDER.formatted("97337")).statusCode());
        String xxe = "<!DOCTYPE Order [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + ORDER.formatted("&x;");
        assertEquals(400, post(account + "/orders", "application/xml", xxe).statusCode());
    }

    @Test
    void disconnectReturnsAnOwnedNumberToStock() throws Exception {
        placeAndSettle("orders", ORDER.formatted("9193803000"));
        assertFalse(simulator.stock().isAvailable("9193803000"));
        String done = placeAndSettle("disconnects", DISCONNECT.formatted("9193803000"));
        assertTrue(done.contains("<OrderStatus>COMPLETE</OrderStatus>"), done);
        assertTrue(simulator.stock().isAvailable("9193803000"));
    }

    @Test
    void disconnectOfANumberNotHeldFailsWith5006() throws Exception {
        String done = placeAndSettle("disconnects", DISCONNECT.formatted("9193803001"));
        assertTrue(done.contains("<OrderStatus>FAILED</OrderStatus>") && done.contains("<Code>5006</Code>"), done);
    }

    @Test
    void throttlesTheAskedNumberOfRequestsWithAResetHeader() throws Exception {
        simulator.failures().throttle(1);
        HttpResponse<String> throttled = get(account + "/availableNumbers?areaCode=973&quantity=1");
        assertEquals(429, throttled.statusCode());
        long reset = Long.parseLong(throttled.headers().firstValue("X-RateLimit-Reset").orElseThrow());
        assertTrue(reset >= System.currentTimeMillis() - 1000);
        assertEquals(200, get(account + "/availableNumbers?areaCode=973&quantity=1").statusCode());
    }

    @Test
    void adminPathSwitchesFailures() throws Exception {
        String admin = simulator.baseUrl().replace("/api", "/_sim/failures");
        HttpResponse<String> on = http.send(HttpRequest.newBuilder(URI.create(admin + "?on=server_error"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(on.body().contains("server_error"), on.body());
        assertEquals(503, get(account + "/availableNumbers?areaCode=973&quantity=1").statusCode());
        http.send(HttpRequest.newBuilder(URI.create(admin + "?clear")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, get(account + "/availableNumbers?areaCode=973&quantity=1").statusCode());
    }

    @Test
    void recordsTheRequestsItReceives() throws Exception {
        get(account + "/availableNumbers?areaCode=973&quantity=2");
        RecordedRequest last = simulator.lastRequest();
        assertEquals("973", last.param("areaCode").orElseThrow());
        assertEquals(basic("carrier", "secret"), last.header("authorization").orElseThrow());
    }

    @Test
    void readsAStockFileOfNumbersAndBlocks(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("stock.csv");
        Files.writeString(file, "# test stock\n2125550100,NEW YORK,NWYRCYZN01,132,NY\n415555,SAN FRANCISCO,SNFC,722,CA,3\n");
        assertEquals(4, Stock.readFile(file).size());
        assertEquals(4, SimulatorMain.parse(new String[] {"--stock", file.toString(), "--port", "0"}).stock().size());
    }

    @Test
    void refusedOrderAnswersAnErrorListBeforeTheEchoedOrder() throws Exception {
        simulator.failures().switchOn(Failure.ORDER_REJECTED);
        HttpResponse<String> refused = post(account + "/orders", "application/xml", ORDER.formatted("9733701000"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("<OrderResponse><ErrorList><Error><Code>5016</Code>"), refused.body());
        assertTrue(refused.body().indexOf("</ErrorList>") < refused.body().indexOf("<Order>"), refused.body());
        assertFalse(refused.body().contains("ResponseStatus") || refused.body().contains("<id>"), refused.body());
    }

    @Test
    void placementCarriesALocationAndLeavesOutOrderStatusWhenSwitched() throws Exception {
        simulator.failures().switchOn(Failure.ORDER_PLACED_WITHOUT_STATUS);
        HttpResponse<String> placed = post(account + "/orders", "application/xml", ORDER.formatted("9733701000"));
        assertEquals(201, placed.statusCode());
        assertFalse(placed.body().contains("OrderStatus"), placed.body());
        assertTrue(placed.headers().firstValue("Location").orElseThrow().endsWith("/orders/" + orderId(placed.body())));
    }

    @Test
    void statusReadsLeaveOutOrderStatusWhenSwitched() throws Exception {
        simulator.failures().switchOn(Failure.ORDER_STATUS_MISSING);
        String done = placeAndSettle("orders", ORDER.formatted("9733701000"));
        assertFalse(done.contains("OrderStatus"), done);
        assertTrue(done.contains("<CompletedNumbers><TelephoneNumber><FullNumber>9733701000</FullNumber>"), done);
    }

    @Test
    void partialOrderNamesEachFailedNumberInItsError() throws Exception {
        simulator.failures().switchOn(Failure.ORDER_PARTIAL);
        String done = placeAndSettle("orders", ORDER.formatted("9733701000"));
        assertTrue(done.contains("<OrderStatus>PARTIAL</OrderStatus>"), done);
        assertTrue(done.contains("<Code>5005</Code><Description>The telephone number is unavailable for ordering"
                + "</Description><TelephoneNumber>9733701000</TelephoneNumber>"), done);
    }

    @Test
    void partialOrderWithNumberListsItUnderCompletedNumbers() throws Exception {
        simulator.failures().switchOn(Failure.ORDER_PARTIAL_WITH_NUMBER);
        String done = placeAndSettle("orders", ORDER.formatted("9733701000"));
        assertTrue(done.contains("<OrderStatus>PARTIAL</OrderStatus><CompletedNumbers><TelephoneNumber>"
                + "<FullNumber>9733701000</FullNumber></TelephoneNumber></CompletedNumbers>"), done);
    }

    @Test
    void completedDisconnectListsItsNumbersUnderDisconnectedTelephoneNumberList() throws Exception {
        placeAndSettle("orders", ORDER.formatted("9193803000"));
        String done = placeAndSettle("disconnects", DISCONNECT.formatted("9193803000"));
        assertTrue(done.contains("<DisconnectTelephoneNumberOrderResponse><DisconnectedTelephoneNumberList>"
                + "<TelephoneNumber>9193803000</TelephoneNumber></DisconnectedTelephoneNumberList><orderRequest>"), done);
    }

    @Test
    void failedDisconnectPutsItsErrorListBeforeTheOrderRequest() throws Exception {
        String done = placeAndSettle("disconnects", DISCONNECT.formatted("9193803001"));
        assertTrue(done.indexOf("<ErrorList>") < done.indexOf("<orderRequest>"), done);
        assertTrue(done.contains("<TelephoneNumber>9193803001</TelephoneNumber></Error>"), done);
    }

    @Test
    void disconnectPlacementLeavesOutOrderStatusWhenSwitched() throws Exception {
        simulator.failures().switchOn(Failure.DISCONNECT_PLACED_WITHOUT_STATUS);
        String placed = post(account + "/disconnects", "application/xml", DISCONNECT.formatted("9193803001")).body();
        assertFalse(placed.contains("OrderStatus"), placed);
        orderId(placed);
    }

    @Test
    void refusedDisconnectAnswersTheSpecsErrorList() throws Exception {
        simulator.failures().switchOn(Failure.DISCONNECT_REJECTED);
        HttpResponse<String> refused = post(account + "/disconnects", "application/xml", DISCONNECT.formatted("9193803001"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("<DisconnectTelephoneNumberOrderResponse><ErrorList><Error><Code>54321"
                + "</Code>"), refused.body());
    }

    @Test
    void searchDetailRowsNameTheNumberInTelephoneNumberWhenSwitched() throws Exception {
        simulator.failures().switchOn(Failure.SEARCH_DETAIL_TELEPHONE_NUMBER);
        String found = get(account + "/availableNumbers?areaCode=919&quantity=1&enableTNDetail=true").body();
        assertTrue(found.contains("<TelephoneNumber>9193803000</TelephoneNumber>"), found);
        assertFalse(found.contains("FullNumber"), found);
    }

    @Test
    void refusedSearchCarriesAResultCount() throws Exception {
        String refused = get(account + "/availableNumbers?quantity=5").body();
        assertTrue(refused.contains("<SearchResult><ResultCount>0</ResultCount><Error><Code>4010</Code>"), refused);
    }

    @Test
    void unauthorizedAndForbiddenBodiesAreOneResponseStatus() throws Exception {
        String unauthorized = get(account + "/availableNumbers?areaCode=973&quantity=1", null).body();
        String forbidden = get(simulator.baseUrl() + "/accounts/42/availableNumbers?areaCode=973&quantity=1").body();
        for (String body : new String[] {unauthorized, forbidden}) {
            assertTrue(body.contains("?><ResponseStatus><ErrorCode>"), body);
            assertEquals(1, body.split("<ResponseStatus>").length - 1, body);
        }
    }
}
