package org.b24backlog.demoportal.install;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.b24backlog.bitrix.BracketParams;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.logging.Log;

/**
 * Posts events server to server as {@code application/x-www-form-urlencoded} bodies with bracketed keys, on a
 * background thread, as Bitrix24's queue does. Bitrix24 does not retry failed deliveries (per its documentation), and
 * neither does this sender.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class EventSender {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "demo-portal-events");
        thread.setDaemon(true);
        return thread;
    });
    private final List<EventDelivery> deliveries = new ArrayList<>();

    /** Sends the event after {@code delay} (zero for at once) and completes with the outcome. */
    public CompletableFuture<EventDelivery> send(String event, String url, Map<String, Object> payload,
            Duration delay) {
        CompletableFuture<EventDelivery> result = new CompletableFuture<>();
        executor.schedule(() -> result.complete(post(event, url, payload)), delay.toMillis(), TimeUnit.MILLISECONDS);
        return result;
    }

    /** Records an event the portal did not send, for example an install event switched off by a test. */
    public EventDelivery skip(String event, String url, Map<String, Object> payload, String reason) {
        EventDelivery delivery = new EventDelivery(event, url, payload, false, 0, reason);
        record(delivery);
        return delivery;
    }

    public synchronized List<EventDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public synchronized void clear() {
        deliveries.clear();
    }

    private EventDelivery post(String event, String url, Map<String, Object> payload) {
        EventDelivery delivery;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("User-Agent", "Bitrix24 demo portal")
                    .POST(HttpRequest.BodyPublishers.ofString(BracketParams.encode(payload)))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            boolean ok = response.statusCode() / 100 == 2;
            delivery = new EventDelivery(event, url, payload, ok, response.statusCode(),
                    ok ? null : "Handler answered HTTP " + response.statusCode());
            Log.infof("Demo portal sent %s to %s: HTTP %d", event, url, response.statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delivery = new EventDelivery(event, url, payload, false, 0, "Interrupted");
        } catch (Exception e) {
            Log.warnf("Demo portal failed to send %s to %s: %s", event, url, e.toString());
            delivery = new EventDelivery(event, url, payload, false, 0, e.toString());
        }
        record(delivery);
        return delivery;
    }

    private synchronized void record(EventDelivery delivery) {
        deliveries.add(delivery);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
