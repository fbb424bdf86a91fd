package org.b24backlog.bitrix;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.b24backlog.config.BitrixConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;

/**
 * Calls Bitrix24 REST methods: a JSON POST to the portal's {@code /rest/} root with {@code auth} in the body.
 * Refreshes an expired token once and repeats the call, waits and retries when the portal's rate limit refused a
 * call (it did not run), and repeats a POST against the new host when a renamed portal responds with 302.
 */
@ApplicationScoped
public class BitrixClient {

    private static final int MAX_REDIRECTS = 3;

    private final BitrixConfig config;
    private final PortalHosts hosts;
    private final ObjectMapper json;
    private final HttpClient http;
    private final List<RestCallListener> listeners;
    private final PortalThrottle throttle;
    private final OperatingBudget operating;
    private final Clock clock = Clock.systemUTC();

    @Inject
    public BitrixClient(BitrixConfig config, PortalHosts hosts, ObjectMapper json, Instance<RestCallListener> listeners,
            PortalThrottle throttle) {
        this(config, hosts, json, listeners.stream().toList(), throttle);
    }

    public BitrixClient(BitrixConfig config, PortalHosts hosts, ObjectMapper json, List<RestCallListener> listeners,
            PortalThrottle throttle) {
        this.config = config;
        this.hosts = hosts;
        this.json = json;
        this.throttle = throttle;
        this.operating = new OperatingBudget(config.operatingLimit(), config.operatingWindow(), clock);
        this.listeners = List.copyOf(listeners);
        // Redirects are handled by hand: a followed 302 would turn the POST into a GET and drop the body.
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Forgets what the client learned about a portal's execution-time budgets, so that its next calls go out without
     * waiting. Tests call it when they reset the demo portal.
     */
    public void forgetOperatingBudget(String memberId) {
        operating.forget(memberId);
    }

    /** Calls a method and returns its {@code result}. */
    public JsonNode call(PortalCredentials credentials, String method, Map<String, ?> params) {
        return callForEnvelope(credentials, method, params).result();
    }

    /**
     * Sends up to 50 commands in one request. The batch as a whole is retried only as {@link #call} retries (expired
     * token, rate limit); a failed command is reported under its key and never repeated. Before sending, the batch
     * waits as a call of its most loaded command's method would.
     *
     * @throws BitrixApiException with OPERATION_TIME_LIMIT, without sending, when a command's method is known to be
     *         rejected for longer than the request timeout
     */
    public BatchResult batch(PortalCredentials credentials, Batch batch) {
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("A batch needs at least one command");
        }
        BatchResult result = BatchResult.of(execute(credentials, "batch", batch.params(), batch.methods()).result(), batch);
        operating.recordBatch(credentials.memberId(), batch, result);
        return result;
    }

    /** Calls a method and returns the whole success envelope, with {@code total} and {@code next}. */
    public BitrixResponse callForEnvelope(PortalCredentials credentials, String method, Map<String, ?> params) {
        return execute(credentials, method, params, List.of(method));
    }

    /**
     * Sends one request with its retries. {@code budgetMethods} are the methods whose execution-time budgets the
     * request uses: the method itself, or the commands' methods of a batch.
     */
    private BitrixResponse execute(PortalCredentials credentials, String method, Map<String, ?> params,
            Collection<String> budgetMethods) {
        String accessToken = credentials.accessToken();
        boolean refreshed = false;
        int limitRefusals = 0;
        int transientFailures = 0;
        boolean waitedForReset = false;
        while (true) {
            waitForOperatingBudget(credentials, budgetMethods);
            try {
                return send(credentials, method, params, accessToken);
            } catch (BitrixApiException e) {
                if (e.isRefreshable() && !refreshed) {
                    Log.debugf("Portal %2$s rejected the access token (%1$s) during %3$s; refreshing once", e.code(),
                            credentials.memberId(), method);
                    accessToken = credentials.refresh(accessToken);
                    refreshed = true;
                } else if (e.isQueryLimit() && limitRefusals < config.rateLimitRetries()) {
                    // QUERY_LIMIT_EXCEEDED means the method did not run, so repeating it cannot duplicate a write.
                    Duration wait = config.rateLimitBackoff().multipliedBy(1L << limitRefusals);
                    limitRefusals++;
                    Log.infof("Portal %s rejected %s with QUERY_LIMIT_EXCEEDED; retry %d in %d ms", credentials.memberId(),
                            method, limitRefusals, wait.toMillis());
                    sleep(wait);
                } else if (e.isOperationTimeLimit()) {
                    // The method did not run, and its budget frees up at the reset time the portal reported earlier. A
                    // near reset is worth one wait. Otherwise the method is marked as rejected, so that later calls
                    // wait for it or fail without being sent.
                    Duration wait = operating.untilReset(credentials.memberId(), method);
                    if (waitedForReset || !fitsInTimeout(wait)) {
                        operating.markExhausted(credentials.memberId(), method);
                        throw e;
                    }
                    Log.infof("Portal %s rejected %s with OPERATION_TIME_LIMIT; retrying once after %d ms", credentials.memberId(),
                            method, wait.toMillis());
                    sleep(wait);
                    waitedForReset = true;
                } else if (e.httpStatus() >= 500 && ReadMethods.isRead(method, params)
                        && transientFailures < config.transientRetries()) {
                    transientFailures = retryAfter(credentials, method, e, transientFailures);
                } else {
                    throw e;
                }
            } catch (BitrixTransportException e) {
                // A refused connection never reached the portal; after a timeout a write may have run, so only reads repeat.
                boolean safe = e.notSent() || ReadMethods.isRead(method, params);
                if (!safe || transientFailures >= config.transientRetries()) {
                    throw e;
                }
                transientFailures = retryAfter(credentials, method, e, transientFailures);
            }
        }
    }

    /** Waits as long as the most loaded of the methods needs, or fails when one of them would only be rejected. */
    private void waitForOperatingBudget(PortalCredentials credentials, Collection<String> methods) {
        OperatingBudget.Wait wait = operating.waitBefore(credentials.memberId(), methods, config.requestTimeout());
        if (!wait.duration().isZero()) {
            Log.infof("Method %s of portal %s is at or near its execution-time limit; waiting %d ms until its budget "
                    + "frees up", wait.method(), credentials.memberId(), wait.duration().toMillis());
            sleep(wait.duration());
        }
    }

    private boolean fitsInTimeout(Duration wait) {
        return wait != null && wait.compareTo(config.requestTimeout()) <= 0;
    }

    private int retryAfter(PortalCredentials credentials, String method, RuntimeException failure, int failures) {
        Duration wait = config.transientBackoff().multipliedBy(1L << failures);
        Log.infof("Call %s to portal %s failed (%s); retry %d in %d ms", method, credentials.memberId(), failure.getMessage(),
                failures + 1, wait.toMillis());
        sleep(wait);
        return failures + 1;
    }

    private BitrixResponse send(PortalCredentials credentials, String method, Map<String, ?> params, String accessToken) {
        ObjectNode body = json.valueToTree(params == null ? Map.of() : params);
        body.put("auth", accessToken);
        byte[] payload;
        try {
            payload = json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("Parameters of " + method + " cannot be written as JSON", e);
        }

        PortalAddress address = credentials.address();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            hosts.requireAllowed(address);
            throttle.acquire(credentials.memberId());
            String requestId = UUID.randomUUID().toString();
            Instant sentAt = clock.instant();
            long started = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = post(address, method, payload, credentials.memberId(), requestId);
            } catch (BitrixTransportException e) {
                journal(credentials, method, started, 0, e.notSent() ? "connection_refused" : "transport_failure", requestId);
                throw e;
            }
            int status = response.statusCode();
            if (status == 301 || status == 302 || status == 307 || status == 308) {
                journal(credentials, method, started, status, "redirect", requestId);
                PortalAddress target = redirectTarget(response, method);
                Log.infof("Portal %s moved from %s to %s; repeating %s there", credentials.memberId(), address, target, method);
                hosts.requireAllowed(target);
                credentials.moved(target);
                address = target;
                continue;
            }
            try {
                BitrixResponse parsed = Envelopes.parse(json, method, status, response.body());
                operating.record(credentials.memberId(), method, parsed.time(), sentAt);
                journal(credentials, method, started, status, null, requestId);
                return parsed;
            } catch (BitrixApiException e) {
                journal(credentials, method, started, status, e.code(), requestId);
                throw e;
            } catch (BitrixTransportException e) {
                journal(credentials, method, started, status, "invalid_response", requestId);
                throw e;
            }
        }
        throw new BitrixTransportException("Portal " + credentials.memberId() + " redirected " + method + " more than "
                + MAX_REDIRECTS + " times");
    }

    private void journal(PortalCredentials credentials, String method, long startedNanos, int status, String errorCode,
            String requestId) {
        RestCallListener.RestCall call = new RestCallListener.RestCall(credentials.memberId(), credentials.userId(), method,
                (System.nanoTime() - startedNanos) / 1_000_000, status, errorCode, requestId);
        for (RestCallListener listener : listeners) {
            try {
                listener.completed(call);
            } catch (RuntimeException e) {
                // The journal must never break a call to the portal.
                Log.warnf(e, "Recording REST call %s of portal %s in the journal failed", method, credentials.memberId());
            }
        }
    }

    private HttpResponse<String> post(PortalAddress address, String method, byte[] payload, String memberId, String requestId) {
        HttpRequest request = HttpRequest.newBuilder(address.restUri(method))
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", "b24-backlog")
                .header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                .build();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Log.debugf("Portal %s %s responded with HTTP %d in %d ms (request %s)", memberId, method, response.statusCode(),
                    (System.nanoTime() - started) / 1_000_000, requestId);
            return response;
        } catch (ConnectException e) {
            throw new BitrixTransportException("Portal " + address + " refused the connection for " + method, e, true);
        } catch (HttpTimeoutException e) {
            throw new BitrixTransportException("Portal " + address + " did not respond to " + method + " within "
                    + config.requestTimeout().toMillis() + " ms", e, false);
        } catch (IOException e) {
            throw new BitrixTransportException("Portal " + address + " could not be reached for " + method + ": " + e, e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BitrixTransportException("Interrupted while calling " + method + " on " + address, e, false);
        }
    }

    private PortalAddress redirectTarget(HttpResponse<String> response, String method) {
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty()) {
            throw new BitrixTransportException(method + " responded with HTTP " + response.statusCode() + " without a Location");
        }
        try {
            return PortalAddress.ofUrl(response.uri().resolve(location.get()).toString());
        } catch (IllegalArgumentException e) {
            throw new BitrixTransportException(method + " redirected to an invalid location: " + location.get(), e);
        }
    }

    private static void sleep(Duration wait) {
        try {
            // Rounded up, so that a wait for a reset time never ends just before it.
            Thread.sleep(wait.plusNanos(999_999).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BitrixTransportException("Interrupted while waiting for the portal's rate limit", e);
        }
    }
}
