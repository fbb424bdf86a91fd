package org.b24backlog.demoportal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/** A throw-away HTTP server on 127.0.0.1 that records the form posts the demo portal sends to an event handler. */
final class EventReceiver implements AutoCloseable {

    /** One received post: its content type and raw body. */
    record Post(String contentType, String body) {
    }

    private final HttpServer server;
    private final BlockingQueue<Post> posts = new LinkedBlockingQueue<>();

    EventReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/events", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            posts.add(new Post(exchange.getRequestHeaders().getFirst("Content-Type"), body));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
    }

    /** Waits up to 10 seconds for the next post; null if none arrived. */
    Post next() throws InterruptedException {
        return posts.poll(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
