package org.convplay.engine.tornado;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.convplay.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a user starts it under the tornado profile, with nothing but the argument file that
 * {@code mvn package} wrote: {@code java @target/tornado-jvm-args.txt -jar target/convolution-playground-<version>.jar}.
 * Inside that jar the application's classes are in BOOT-INF/classes, out of the system class loader's sight, which
 * is where TornadoVM looks for a kernel's bytes: this is the test that the kernels' own jar fixes that.
 */
class TornadoPackagedJarIT {

    @TempDir
    Path work;

    @Test
    void thePackagedJarStartedWithTheArgumentFileConvolvesOnTornado() throws Exception {
        Path args = Path.of("target", "tornado-jvm-args.txt").toAbsolutePath();
        assertTrue(Files.isRegularFile(args), "mvn package should have written " + args);
        try (ServerProcess server = ServerProcess.start(work, List.of("@" + args), List.of(), Duration.ofSeconds(180))) {
            JsonNode body = convolve(server, ", \"backend\": \"tornado\"");
            assertEquals("tornado", body.path("backend").asText(), body + "\n" + server.log());
            assertArrayEquals(new double[] {7, 11, 11, 17, 25, 23, 19, 29, 23}, flat(body.path("output")),
                    body.toString());

            // no backend named: an engine the registry measured, with the same numbers
            JsonNode chosen = convolve(server, "");
            assertTrue(List.of("tornado", "cpu").contains(chosen.path("backend").asText()), chosen.toString());
            assertArrayEquals(flat(body.path("output")), flat(chosen.path("output")), chosen.toString());
        }
    }

    private static JsonNode convolve(ServerProcess server, String backend) throws Exception {
        String json = "{\"input\": [[1,2,3],[4,5,6],[7,8,9]], \"kernel\": [[0,1,0],[1,1,1],[0,1,0]],"
                + " \"padding\": \"same\"" + backend + "}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.url("/api/convolve")))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body() + "\n" + server.log());
        return new ObjectMapper().readTree(response.body());
    }

    private static double[] flat(JsonNode rows) {
        return java.util.stream.StreamSupport.stream(rows.spliterator(), false)
                .flatMap(row -> java.util.stream.StreamSupport.stream(row.spliterator(), false))
                .mapToDouble(JsonNode::asDouble).toArray();
    }
}
