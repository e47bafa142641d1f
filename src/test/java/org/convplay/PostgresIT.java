package org.convplay;

import org.convplay.shared.Hashes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.convplay.experiment.Experiment;
import org.convplay.experiment.ExperimentService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The schema and the stores on PostgreSQL, as docker-compose runs them. Needs a server: {@code .ci/run}
 * starts Debian's PostgreSQL and sets TEST_POSTGRES_URL; elsewhere the test is skipped unless that is set.
 */
class PostgresIT {

    static final String URL = System.getenv().getOrDefault("TEST_POSTGRES_URL", "jdbc:postgresql://localhost:5432/playground_test");
    static final String USER = System.getenv().getOrDefault("TEST_POSTGRES_USER", "playground");
    static final String PASSWORD = System.getenv().getOrDefault("TEST_POSTGRES_PASSWORD", "playground");

    static boolean reachable() {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
            return c.isValid(2);
        } catch (SQLException e) {
            // in CI the server must be there: a missing one is a failure, not a skip
            if (System.getenv("TEST_POSTGRES_URL") != null) {
                throw new IllegalStateException("TEST_POSTGRES_URL is set but PostgreSQL is not reachable: " + e.getMessage(), e);
            }
            return false;
        }
    }

    @Test
    void migrationsValidateAndExperimentsRoundTripOnPostgres() throws Exception {
        assumeTrue(reachable(), "no PostgreSQL at " + URL);
        // command-line arguments: builder properties are only defaults, below application.properties' H2 URL
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                .run("--server.port=0", "--spring.datasource.url=" + URL, "--spring.datasource.username=" + USER,
                        "--spring.datasource.password=" + PASSWORD, "--spring.flyway.clean-disabled=false")) {
            try (java.sql.Connection connection = app.getBean(javax.sql.DataSource.class).getConnection()) {
                assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            }
            ExperimentService experiments = app.getBean(ExperimentService.class);
            String request = "{\"input\": [[1,2],[3,4]], \"layers\": [{\"type\": \"relu\"}]}";
            Experiment saved = experiments.save(new ExperimentService.Draft("on postgres", "é ç ã", "pipeline",
                    app.getBean(ObjectMapper.class).readTree(request), null, null), "browser-key-0123456789");
            Experiment read = experiments.get(saved.getId());
            assertThat(read.getDescription()).isEqualTo("é ç ã");
            assertThat(experiments.mine("browser-key-0123456789")).extracting(Experiment::getId).contains(saved.getId());

            // the image file goes to a BYTEA column and comes back byte for byte
            byte[] png = org.convplay.image.SampleImage.GRAY.bytes();
            String sha = org.convplay.shared.Hashes.sha256(png);
            String imageRequest = "{\"image\": {\"sha256\": \"" + sha + "\", \"fileName\": \"gray.png\"}, "
                    + "\"filters\": [{\"kernels\": [[[0,0,0],[0,1,0],[0,0,0]]]}]}";
            Experiment picture = experiments.save(new ExperimentService.Draft("picture", "", "images",
                    app.getBean(ObjectMapper.class).readTree(imageRequest), null, null, java.util.List.of(png)), null);
            assertThat(app.getBean(org.convplay.image.ImageStore.class).file(sha)).isEqualTo(png);
            assertThat(experiments.get(picture.getId()).getKind()).isEqualTo("images");
        }
    }
}
