package org.convplay;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.stream.Stream;

/**
 * The packaged application started as its own JVM, as a user starts it ({@code java -jar target/...jar}), for the
 * integration tests that must kill a server for real (SIGKILL) or run several instances side by side. The jar is the
 * one {@code mvn package} wrote, so these tests run in the {@code integration-test} phase only.
 *
 * <p>Its output goes to a log file beside its data, printed by {@link #log()} when a test needs to say why.
 */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path logFile;

    private ServerProcess(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /** The jar {@code mvn package} built in {@code target/}. */
    public static Path packagedJar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("convolution-playground-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/convolution-playground-*.jar: run mvn package first"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the jar on a free port with the given Spring arguments (e.g. {@code --spring.datasource.url=...}) and
     * waits until the API answers.
     *
     * @param workDir the process's working directory; its log is written there as {@code server-<port>.log}
     */
    public static ServerProcess start(Path workDir, List<String> springArgs) throws IOException, InterruptedException {
        return start(workDir, springArgs, Duration.ofSeconds(120));
    }

    /** The same, waiting up to {@code startUp} (several instances starting at once on a busy machine need longer). */
    public static ServerProcess start(Path workDir, List<String> springArgs, Duration startUp) throws IOException, InterruptedException {
        int port = freePort();
        Path log = workDir.resolve("server-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Xmx1g",
                "-jar", packagedJar().toAbsolutePath().toString(),
                "--server.port=" + port));
        command.addAll(springArgs);
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ServerProcess server = new ServerProcess(process, port, log);
        server.awaitUp(startUp);
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitUp(Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + " while starting:\n" + log());
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url("/api/exercises")))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // connection refused until Tomcat listens
            }
            Thread.sleep(250);
        }
        kill();
        throw new IllegalStateException("the server did not answer within " + timeout + ":\n" + log());
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no flush, as when the machine loses power or the kernel kills the JVM. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** What the server printed so far. */
    public String log() {
        try {
            return Files.readString(logFile);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** A graceful stop (SIGTERM), waiting for the JVM to end. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }
}
