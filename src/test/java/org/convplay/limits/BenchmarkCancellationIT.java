package org.convplay.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.convplay.benchmark.BenchmarkService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A benchmark whose HTTP client goes away stops within about two seconds, seen from inside the server: the
 * benchmark service and the compute gate's big lane both come free. Meanwhile another benchmark gets 503.
 */
// Not @AppTest: it watches the compute gate's big lane empty, which no earlier test's background work may hold
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:cancellation;DB_CLOSE_DELAY=-1")
class BenchmarkCancellationIT {

    /** About a minute of work here: 100 timed runs of a 1 GFLOP convolution on every engine. */
    static final String LONG_BENCHMARK = "{\"size\": 2048, \"kernel\": 11, \"channels\": 1, \"filters\": 1, \"repeats\": 100}";

    @LocalServerPort
    int port;
    @Autowired
    BenchmarkService benchmarks;
    @Autowired
    ComputeGate gate;

    @Test
    void aBenchmarkWhoseClientDisconnectsStopsWithinTwoSeconds() throws Exception {
        long closedAt;
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            byte[] body = LONG_BENCHMARK.getBytes(StandardCharsets.UTF_8);
            out.write(("POST /api/benchmark HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = new byte[12];
            int read = in.readNBytes(head, 0, head.length);
            assertThat(new String(head, 0, read, StandardCharsets.US_ASCII)).as("the benchmark started").isEqualTo("HTTP/1.1 200");
            assertThat(benchmarks.isRunning()).isTrue();
            assertThat(gate.active(ComputeGate.Lane.BIG)).isEqualTo(1);
            HttpResponse<String> second = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/benchmark")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"size\": 64}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(second.statusCode()).as("one benchmark at a time").isEqualTo(503);
            assertThat(second.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(v).matches("\\d+"));
            assertThat(second.body()).contains("another benchmark is running");
            Thread.sleep(1_500);
            assertThat(benchmarks.isRunning()).as("still running after 1.5 s, far from done").isTrue();
            closedAt = System.nanoTime();
        }
        while (benchmarks.isRunning() && System.nanoTime() - closedAt < 30_000_000_000L) {
            Thread.sleep(20);
        }
        double stoppedAfter = (System.nanoTime() - closedAt) / 1e9;
        System.out.printf(Locale.ROOT, "CANCELLATION benchmark stopped %.2f s after its client disconnected%n", stoppedAfter);
        assertThat(benchmarks.isRunning()).isFalse();
        assertThat(stoppedAfter).isLessThan(2.5);
        assertThat(gate.active(ComputeGate.Lane.BIG)).as("the big lane is free again").isZero();
    }
}
