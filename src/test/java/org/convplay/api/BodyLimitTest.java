package org.convplay.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.convplay.AppTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.unit.DataSize;

/**
 * A body sent without Content-Length (chunked) is held to the same limit as one that declares its length: the
 * server stops reading at the limit, answers 413 {@code {"error": ...}} and drops the connection, so a client
 * that goes on sending 250 MiB gets nowhere near sending it all; and the server answers the next request.
 */
@AppTest
class BodyLimitTest {

    static final long SENT_AT_MOST = 250L * 1024 * 1024;
    /** What the kernel's socket buffers on both sides may take past the limit. */
    static final long SOCKET_SLACK = 32L * 1024 * 1024;

    @LocalServerPort
    int port;

    /**
     * After the answer Tomcat reads and drops this much more of an unread body before it closes the connection (so
     * that a client refused for load sees its 503): read and thrown away, never held or parsed.
     */
    @Value("${server.tomcat.max-swallow-size}")
    DataSize swallowed;

    @ParameterizedTest
    @ValueSource(strings = {"/api/convolve", "/api/exercises/practical-gray/check", "/api/experiments", "/api/pipeline"})
    void aChunkedBodyOverTheLimitIsCutOffWhileBeingRead(String path) throws Exception {
        AtomicLong sent = new AtomicLong();
        RawHttp answer;
        CompletableFuture<Void> writer;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            writer = CompletableFuture.runAsync(() -> sendChunked(out, path, sent));
            answer = RawHttp.read(socket.getInputStream());
            writer.get(60, TimeUnit.SECONDS);
        }
        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.contentType()).as(answer.headers() + "\n" + answer.body()).startsWith("application/json");
        assertThat(answer.body()).as(answer.headers()).contains("\"error\"");
        assertThat(new ObjectMapper().readTree(answer.body()).get("error").asText()).contains("limit of " + BodySizeLimitFilter.MAX_BYTES);
        System.out.printf("%s: a chunked body of %d MiB was cut off after the client sent %.1f MiB (limit %d MiB)%n",
                path, SENT_AT_MOST >> 20, sent.get() / 1048576.0, BodySizeLimitFilter.MAX_BYTES >> 20);
        assertThat(sent.get()).isGreaterThan(BodySizeLimitFilter.MAX_BYTES).isLessThan(BodySizeLimitFilter.MAX_BYTES + swallowed.toBytes() + SOCKET_SLACK);

        RawHttp next = RawHttp.send(port, "GET", "/api/exercises", "", null);
        assertThat(next.status()).isEqualTo(200);
    }

    /**
     * A JSON object whose value is preceded by endless spaces: valid JSON as far as it goes, and cheap for both sides
     * (the parser skips spaces without keeping them), so what stops it is the byte count alone.
     */
    private static void sendChunked(OutputStream out, String path, AtomicLong sent) {
        byte[] spaces = new byte[64 * 1024];
        Arrays.fill(spaces, (byte) ' ');
        byte[] chunkHead = (Integer.toHexString(spaces.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        try {
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] start = "{\"seed\": ".getBytes(StandardCharsets.ISO_8859_1);
            out.write((Integer.toHexString(start.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(start);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            sent.addAndGet(start.length);
            while (sent.get() < SENT_AT_MOST) {
                out.write(chunkHead);
                out.write(spaces);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                sent.addAndGet(spaces.length);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException closedByTheServer) {
            // expected: the server stopped reading and closed the connection
        }
    }
}
