package org.b24backlog.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A second instance of the app in its own JVM: the packaged jar from {@code target/quarkus-app}, started in the
 * production profile with the settings a test gives it. Its output goes to a log file next to the jar.
 */
public final class AppProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Path log;
    private final Thread stopOnExit;

    private AppProcess(Process process, int port, Path log, Thread stopOnExit) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.stopOnExit = stopOnExit;
    }

    /** Starts the jar on a free port with the given settings as system properties and waits until it is ready. */
    public static AppProcess start(String name, Map<String, String> settings) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run ./mvnw verify, which packages the app before this test");
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dapp.public-url=http://127.0.0.1:" + port);
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(JAR.toString());
        Path log = JAR.resolveSibling(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // A test JVM that stops without closing the instance still takes it down, unless it is killed outright.
        Thread stopOnExit = new Thread(process::destroy, name + "-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        AppProcess app = new AppProcess(process, port, log, stopOnExit);
        try {
            app.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    /** Returns the instance's base URL. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Returns the instance's output so far, for failure messages. */
    public String output() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            if (!process.isAlive()) {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            }
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app instance exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // The server has not opened its port yet.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The app instance was not ready within " + START_LIMIT + ":\n" + output());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
