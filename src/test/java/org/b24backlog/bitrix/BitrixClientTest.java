package org.b24backlog.bitrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.b24backlog.config.BitrixConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The client against small HTTP servers on 127.0.0.1 that respond as a portal would in the awkward cases. */
class BitrixClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void renamedPortalGetsSamePost() throws IOException {
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        HttpServer renamed = server(exchange -> {
            received.add(readJson(exchange));
            return new Reply(200, "{\"result\":{\"ID\":\"1\"},\"time\":{\"start\":1}}", null);
        });
        String target = "http://127.0.0.1:" + renamed.getAddress().getPort() + "/rest/user.current";
        HttpServer old = server(exchange -> new Reply(302, "", target));
        Credentials credentials = new Credentials(address(old), "token-1");

        JsonNode result = client(old, renamed).call(credentials, "user.current", Map.of("x", 1));

        assertThat(result.path("ID").asText()).isEqualTo("1");
        assertThat(received).singleElement().satisfies(body -> {
            assertThat(body.path("x").asInt()).isEqualTo(1);
            assertThat(body.path("auth").asText()).isEqualTo("token-1");
        });
        assertThat(credentials.address()).isEqualTo(address(renamed));
        assertThat(credentials.moves.get()).isEqualTo(1);
    }

    @Test
    void redirectToUnlistedHostRejected() throws IOException {
        HttpServer old = server(exchange -> new Reply(302, "", "https://evil.example.com/rest/user.current"));
        Credentials credentials = new Credentials(address(old), "token-1");

        assertThatThrownBy(() -> client(old).call(credentials, "user.current", Map.of()))
                .isInstanceOf(UntrustedPortalException.class);
        assertThat(credentials.moves.get()).isZero();
    }

    @Test
    void expiredTokenRefreshedOnceAndRepeated() throws IOException {
        List<String> tokens = new CopyOnWriteArrayList<>();
        HttpServer portal = server(exchange -> {
            String token = readJson(exchange).path("auth").asText();
            tokens.add(token);
            return token.equals("fresh")
                    ? new Reply(200, "{\"result\":true,\"time\":{}}", null)
                    : new Reply(401, "{\"error\":\"expired_token\",\"error_description\":\"The access token provided has expired.\"}", null);
        });
        Credentials credentials = new Credentials(address(portal), "stale");

        assertThat(client(portal).call(credentials, "app.info", Map.of()).asBoolean()).isTrue();
        assertThat(tokens).containsExactly("stale", "fresh");
        assertThat(credentials.refreshes.get()).isEqualTo(1);
    }

    @Test
    void secondExpiryAfterRefreshSurfaces() throws IOException {
        HttpServer portal = server(exchange -> new Reply(401,
                "{\"error\":\"expired_token\",\"error_description\":\"The access token provided has expired.\"}", null));
        Credentials credentials = new Credentials(address(portal), "stale");

        assertThatThrownBy(() -> client(portal).call(credentials, "app.info", Map.of()))
                .isInstanceOfSatisfying(BitrixApiException.class, e -> assertThat(e.isExpiredToken()).isTrue());
        assertThat(credentials.refreshes.get()).isEqualTo(1);
    }

    @Test
    void queryLimitRetriedUntilAccepted() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        HttpServer portal = server(exchange -> calls.incrementAndGet() < 3
                ? new Reply(503, "{\"error\":\"QUERY_LIMIT_EXCEEDED\",\"error_description\":\"Too many requests\"}", null)
                : new Reply(200, "{\"result\":[],\"time\":{}}", null));

        client(portal).call(new Credentials(address(portal), "t"), "tasks.api.scrum.backlog.delete", Map.of("id", 1));

        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void argumentErrorWithStatus200Raised() throws IOException {
        HttpServer portal = server(exchange -> new Reply(200,
                "{\"error\":\"ERROR_ARGUMENT\",\"argument\":\"PLACEMENT\",\"error_description\":\"Wrong placement\"}", null));

        assertThatThrownBy(() -> client(portal).call(new Credentials(address(portal), "t"), "placement.bind", Map.of()))
                .isInstanceOfSatisfying(BitrixApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("ERROR_ARGUMENT");
                    assertThat(e.httpStatus()).isEqualTo(200);
                });
    }

    @Test
    void timedOutReadRepeated() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        HttpServer portal = server(exchange -> {
            if (calls.incrementAndGet() == 1) {
                pause(1500);
            }
            return new Reply(200, "{\"result\":{\"ID\":\"1\"},\"time\":{}}", null);
        });

        client(portal).call(new Credentials(address(portal), "t"), "user.current", Map.of());

        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void timedOutWriteNotRepeated() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        HttpServer portal = server(exchange -> {
            calls.incrementAndGet();
            pause(1500);
            return new Reply(200, "{\"result\":{\"task\":{\"id\":\"1\"}},\"time\":{}}", null);
        });

        assertThatThrownBy(() -> client(portal).call(new Credentials(address(portal), "t"), "tasks.task.add", Map.of()))
                .isInstanceOfSatisfying(BitrixTransportException.class, e -> assertThat(e.notSent()).isFalse())
                .hasMessageContaining("did not respond");
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void batchWithWriteNotRepeatedAfterServerError() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        HttpServer portal = server(exchange -> {
            calls.incrementAndGet();
            return new Reply(500, "{\"error\":\"INTERNAL_SERVER_ERROR\",\"error_description\":\"Internal server error\"}", null);
        });
        Batch writes = Batch.create().add("get", "tasks.api.scrum.backlog.get", Map.of("id", 42))
                .add("delete", "tasks.api.scrum.backlog.delete", Map.of("id", 311));

        assertThatThrownBy(() -> client(portal).batch(new Credentials(address(portal), "t"), writes))
                .isInstanceOf(BitrixApiException.class);
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void readBatchRepeatedAfterServerError() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        HttpServer portal = server(exchange -> calls.incrementAndGet() == 1
                ? new Reply(500, "<html>Bad gateway</html>", null)
                : new Reply(200, "{\"result\":{\"result\":{\"get\":{\"id\":311}},\"result_error\":[]},\"time\":{}}", null));
        Batch reads = Batch.create().add("get", "tasks.api.scrum.backlog.get", Map.of("id", 42));

        BatchResult result = client(portal).batch(new Credentials(address(portal), "t"), reads);

        assertThat(result.result("get").path("id").asInt()).isEqualTo(311);
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void refusedConnectionRepeatedEvenForWrite() throws IOException {
        HttpServer portal = server(exchange -> new Reply(200, "{\"result\":true,\"time\":{}}", null));
        PortalAddress closed = address(portal);
        portal.stop(0);

        assertThatThrownBy(() -> client(portal).call(new Credentials(closed, "t"), "tasks.task.add", Map.of()))
                .isInstanceOfSatisfying(BitrixTransportException.class, e -> assertThat(e.notSent()).isTrue());
    }

    @Test
    void everyRequestJournaled() throws IOException {
        List<RestCallListener.RestCall> journal = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer portal = server(exchange -> calls.incrementAndGet() == 1
                ? new Reply(401, "{\"error\":\"expired_token\",\"error_description\":\"expired\"}", null)
                : new Reply(200, "{\"result\":true,\"time\":{}}", null));
        List<String> hosts = List.of("127.0.0.1:" + portal.getAddress().getPort());
        BitrixClient client = new BitrixClient(PortalHostsTest.config(hosts, true), new PortalHosts(PortalHostsTest.config(hosts, true)),
                JSON, List.of(journal::add), new PortalThrottle(PortalHostsTest.config(hosts, true), null));

        client.call(new Credentials(address(portal), "stale"), "app.info", Map.of());

        assertThat(journal).hasSize(2);
        assertThat(journal.get(0).errorCode()).isEqualTo("expired_token");
        assertThat(journal.get(0).httpStatus()).isEqualTo(401);
        assertThat(journal.get(1).errorCode()).isNull();
        assertThat(journal.get(1).method()).isEqualTo("app.info");
        assertThat(journal.get(1).requestId()).isNotEqualTo(journal.get(0).requestId());
    }

    @Test
    void operationTimeLimitWaitsForReset() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        long resetAt = java.time.Instant.now().getEpochSecond() + 1;
        HttpServer portal = server(exchange -> switch (calls.incrementAndGet()) {
            case 1 -> new Reply(200, "{\"result\":[],\"time\":{\"operating\":10,\"operating_reset_at\":" + resetAt + "}}", null);
            case 2 -> new Reply(429, "{\"error\":\"OPERATION_TIME_LIMIT\",\"error_description\":\"Method is blocked\"}", null);
            default -> new Reply(200, "{\"result\":[],\"time\":{\"operating\":0}}", null);
        });
        Credentials credentials = new Credentials(address(portal), "t");
        BitrixClient client = client(portal);

        client.call(credentials, "tasks.task.list", Map.of());
        client.call(credentials, "tasks.task.list", Map.of());

        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void operationTimeLimitWithoutKnownResetSurfaces() throws IOException {
        HttpServer portal = server(exchange -> new Reply(429,
                "{\"error\":\"OPERATION_TIME_LIMIT\",\"error_description\":\"Method is blocked\"}", null));

        assertThatThrownBy(() -> client(portal).call(new Credentials(address(portal), "t"), "tasks.task.list", Map.of()))
                .isInstanceOfSatisfying(BitrixApiException.class, e -> assertThat(e.isOperationTimeLimit()).isTrue());
    }

    @Test
    void rejectedBatchCommandNotSentAgain() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        HttpServer portal = server(exchange -> {
            calls.incrementAndGet();
            return new Reply(200, "{\"result\":{\"result\":{\"me\":{\"ID\":\"1\"}},\"result_error\":{\"list\":"
                    + "{\"error\":\"OPERATION_TIME_LIMIT\",\"error_description\":\"Method is blocked\"}},\"result_time\":"
                    + "{\"me\":{\"duration\":0.01}}},\"time\":{}}", null);
        });
        Credentials credentials = new Credentials(address(portal), "t");
        BitrixClient client = client(portal);
        Batch listAndMe = Batch.create().add("list", "tasks.task.list").add("me", "user.current");

        BatchResult first = client.batch(credentials, listAndMe);

        assertThat(first.error("list")).hasValueSatisfying(e -> assertThat(e.isOperationTimeLimit()).isTrue());
        assertThatThrownBy(() -> client.batch(credentials, Batch.create().add("list", "tasks.task.list")))
                .isInstanceOfSatisfying(BitrixApiException.class, e -> {
                    assertThat(e.isOperationTimeLimit()).isTrue();
                    assertThat(e.httpStatus()).isEqualTo(429);
                    assertThat(e.method()).isEqualTo("tasks.task.list");
                })
                .hasMessageContaining("was not sent");
        assertThatThrownBy(() -> client.call(credentials, "tasks.task.list", Map.of()))
                .isInstanceOfSatisfying(BitrixApiException.class, e -> assertThat(e.isOperationTimeLimit()).isTrue());
        assertThat(calls.get()).as("requests after the rejection").isEqualTo(1);
        client.batch(credentials, Batch.create().add("me", "user.current"));
        assertThat(calls.get()).as("a batch of other methods still goes out").isEqualTo(2);
    }

    @Test
    void batchWaitsForLoadedCommandMethod() throws IOException {
        List<Long> received = new CopyOnWriteArrayList<>();
        HttpServer portal = server(exchange -> {
            received.add(System.nanoTime());
            return new Reply(200, "{\"result\":{\"result\":{\"get\":{\"id\":1}},\"result_time\":"
                    + "{\"get\":{\"duration\":1.0}}},\"time\":{\"operating\":0}}", null);
        });
        List<String> hosts = List.of("127.0.0.1:" + portal.getAddress().getPort());
        BitrixConfig config = PortalHostsTest.config(hosts, true, Duration.ofSeconds(1), Duration.ofMillis(800));
        BitrixClient client = new BitrixClient(config, new PortalHosts(config), JSON, List.of(), new PortalThrottle(config, null));
        Credentials credentials = new Credentials(address(portal), "t");
        Batch get = Batch.create().add("get", "tasks.api.scrum.task.get", Map.of("id", 1));

        client.batch(credentials, get);
        client.batch(credentials, Batch.create().add("me", "user.current").add("get", "tasks.api.scrum.task.get"));

        assertThat(received).hasSize(2);
        assertThat(Duration.ofNanos(received.get(1) - received.get(0))).as("wait for the first second to drop out")
                .isGreaterThanOrEqualTo(Duration.ofMillis(750));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Reply(int status, String body, String location) {
    }

    private HttpServer server(Function<HttpExchange, Reply> handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Reply reply = handler.apply(exchange);
            if (reply.location() != null) {
                exchange.getResponseHeaders().add("Location", reply.location());
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        servers.add(server);
        return server;
    }

    private static JsonNode readJson(HttpExchange exchange) {
        try {
            return JSON.readTree(exchange.getRequestBody());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static PortalAddress address(HttpServer server) {
        return new PortalAddress(false, "127.0.0.1:" + server.getAddress().getPort());
    }

    private static BitrixClient client(HttpServer... allowed) {
        List<String> hosts = java.util.Arrays.stream(allowed).map(s -> "127.0.0.1:" + s.getAddress().getPort()).toList();
        return new BitrixClient(PortalHostsTest.config(hosts, true), new PortalHosts(PortalHostsTest.config(hosts, true)), JSON,
                List.of(), new PortalThrottle(PortalHostsTest.config(hosts, true), null));
    }

    /** A chain whose refresh always yields the token "fresh". */
    private static final class Credentials implements PortalCredentials {

        final AtomicInteger refreshes = new AtomicInteger();
        final AtomicInteger moves = new AtomicInteger();
        private volatile PortalAddress address;
        private volatile String token;

        Credentials(PortalAddress address, String token) {
            this.address = address;
            this.token = token;
        }

        public String memberId() {
            return "member";
        }

        public PortalAddress address() {
            return address;
        }

        public String accessToken() {
            return token;
        }

        public String refresh(String expiredAccessToken) {
            refreshes.incrementAndGet();
            token = "fresh";
            return token;
        }

        public void moved(PortalAddress newAddress) {
            moves.incrementAndGet();
            address = newAddress;
        }
    }
}
