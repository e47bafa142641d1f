package org.convplay.experiment;

import org.convplay.shared.Hashes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convplay.Application;
import org.convplay.image.ImageExperiment;
import org.convplay.image.SampleImage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Experiments live in the file-mode H2 database: they are still there after the application restarts. */
class ExperimentsSurviveRestartIT {

    static ConfigurableApplicationContext start(Path db) {
        // command-line arguments, not builder properties: those are defaults, and application.properties' own
        // spring.datasource.url (the ./data database) would win over them
        return new SpringApplicationBuilder(Application.class)
                .run("--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + db.resolve("playground").toAbsolutePath());
    }

    @Test
    void aSavedExperimentIsStillThereAfterARestart() throws Exception {
        Path db = Files.createTempDirectory("playground-db");
        String id;
        String imageId;
        byte[] png = SampleImage.COLOUR.bytes();
        String imageRequest = "{\"image\": {\"sha256\": \"" + Hashes.sha256(png) + "\", \"fileName\": \"c.png\"}, "
                + "\"filters\": [{\"kernels\": [[[1]], [[0]], [[0]]]}]}";
        String request = "{\"input\": [[1,2],[3,4]], \"layers\": [{\"type\": \"relu\"}]}";
        try (ConfigurableApplicationContext first = start(db)) {
            ExperimentService service = first.getBean(ExperimentService.class);
            ObjectMapper mapper = first.getBean(ObjectMapper.class);
            id = service.save(new ExperimentService.Draft("kept across restarts", "", "pipeline",
                    mapper.readTree(request), null, null), null).getId();
            imageId = service.save(new ExperimentService.Draft("a picture across restarts", "", "images",
                    mapper.readTree(imageRequest), null, null, List.of(png)), null).getId();
        }
        assertThat(db.resolve("playground.mv.db")).as("the test's own database file, not ./data").exists();
        try (ConfigurableApplicationContext second = start(db)) {
            ExperimentService service = second.getBean(ExperimentService.class);
            Experiment e = service.get(id);
            assertThat(e.getTitle()).isEqualTo("kept across restarts");
            assertThat(service.body(e).get("request")).isEqualTo(second.getBean(ObjectMapper.class).readTree(request));
            Experiment picture = service.get(imageId);
            assertThat(second.getBean(org.convplay.image.ImageStore.class).file(ImageExperiment.read(service.body(picture).get("request")).sha256())).isEqualTo(png);
        }
    }
}
