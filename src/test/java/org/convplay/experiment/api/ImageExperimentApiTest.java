package org.convplay.experiment.api;

import org.convplay.AppTest;
import org.convplay.shared.Hashes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import org.convplay.image.ImageStore;
import org.convplay.image.SampleImage;
import org.convplay.image.TestImages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Experiments saved from the images page: the picture travels in base64 and is stored once, by its SHA-256. */
@AppTest
class ImageExperimentApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper mapper;
    @Autowired
    ImageStore store;

    static final byte[] GRAY = TestImages.plain(20, 12, true, "png");
    static final byte[] COLOUR = SampleImage.COLOUR.bytes();

    static String request(byte[] file, String name, String kernels) {
        return "{\"image\": {\"sha256\": \"" + Hashes.sha256(file) + "\", \"fileName\": \"" + name + "\"}, \"scale\": \"byte\", "
                + "\"gray\": false, \"padding\": \"valid\", \"border\": \"reflect\", \"stride\": 2, "
                + "\"filters\": [{\"preset\": \"sobel-x\", \"target\": -1, \"kernels\": " + kernels + "}]}";
    }

    static final String ONE_KERNEL = "[[[-1,0,1],[-2,0,2],[-1,0,1]]]";

    static String images(byte[] file) {
        return "{\"" + Hashes.sha256(file) + "\": \"" + Base64.getEncoder().encodeToString(file) + "\"}";
    }

    static String body(String title, String request, String images) {
        return "{\"title\": \"" + title + "\", \"kind\": \"images\", \"request\": " + request
                + ", \"view\": {\"page\": \"images\", \"patch\": {\"row\": 2, \"column\": 3, \"filter\": 0, \"channel\": 0}}"
                + (images == null ? "" : ", \"images\": " + images) + "}";
    }

    ResultActions save(String body) throws Exception {
        return mvc.perform(post("/api/experiments").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    String saveId(String body) throws Exception {
        return mapper.readTree(save(body).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("id").asText();
    }

    JsonNode fetch(String id) throws Exception {
        return mapper.readTree(mvc.perform(get("/api/experiments/" + id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    @Test
    void anImageIsStoredOnceHoweverManyExperimentsUseItAndComesBackWithTheExport() throws Exception {
        long before = store.count();
        String request = request(GRAY, "ramp.png", ONE_KERNEL);
        String first = saveId(body("first", request, images(GRAY)));
        String second = saveId(body("second", request, images(GRAY)));
        // once stored, the hash alone is enough
        String third = saveId(body("third", request, null));
        assertThat(store.count()).isEqualTo(before + 1);
        assertThat(store.get(Hashes.sha256(GRAY))).hasValueSatisfying(b -> assertThat(b).isEqualTo(GRAY));

        JsonNode e = fetch(first);
        assertThat(e.get("kind").asText()).isEqualTo("images");
        assertThat(e.get("request")).isEqualTo(mapper.readTree(request));
        assertThat(e.get("view").get("patch").get("column").asInt()).isEqualTo(3);
        assertThat(Base64.getDecoder().decode(e.get("images").get(Hashes.sha256(GRAY)).asText())).isEqualTo(GRAY);
        assertThat(fetch(second).get("request")).isEqualTo(fetch(third).get("request"));
    }

    @Test
    void anExportedImageExperimentImportsAsTheSameExperiment() throws Exception {
        String kernels = "[[[0,1,0],[1,-4,1],[0,1,0]],[[0,0,0],[0,1,0],[0,0,0]],[[1,2,1],[2,4,2],[1,2,1]]]";
        String id = saveId(body("colour", request(COLOUR, "shapes-colour.png", kernels), images(COLOUR)));
        JsonNode exported = fetch(id);
        String copy = saveId(exported.toString());
        JsonNode imported = fetch(copy);
        for (String field : new String[] {"title", "kind", "request", "view", "images", "schema", "version"}) {
            assertThat(imported.get(field)).as(field).isEqualTo(exported.get(field));
        }
        assertThat(imported.get("parent")).isEqualTo(exported.get("parent"));
    }

    @Test
    void theEmbedShowsThePictureAndEveryBandAsImages() throws Exception {
        String id = saveId(body("embedded picture", request(GRAY, "ramp.png", ONE_KERNEL), images(GRAY)));
        String html = mvc.perform(get("/embed/" + id)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("embedded picture").contains("ramp.png, 20 x 12")
                .contains("data:image/png;base64," + Base64.getEncoder().encodeToString(GRAY))
                .contains("Band 1 (sobel-x)")
                // valid 3x3 over 12 x 20 with stride 2: 5 x 9
                .contains("1 band(s) of 5 x 9").contains("border reflect").doesNotContain("<script");
    }

    @Test
    void badImageExperimentsAreRefusedWithTheReasonAndNothingIsStored() throws Exception {
        long before = store.count();
        byte[] unseen = TestImages.plain(9, 7, false, "png");
        save(body("no file", request(unseen, "x.png", ONE_KERNEL), null)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("is not an image stored here")));
        String wrongKey = "{\"" + Hashes.sha256(GRAY) + "\": \"" + Base64.getEncoder().encodeToString(unseen) + "\"}";
        save(body("wrong key", request(GRAY, "x.png", ONE_KERNEL), wrongKey)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("not the key it is listed under")));
        save(body("not base64", request(GRAY, "x.png", ONE_KERNEL), "{\"" + Hashes.sha256(GRAY) + "\": \"***\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error", containsString("is not base64")));
        byte[] text = "not a picture".getBytes();
        save(body("text", request(text, "notes.png", ONE_KERNEL), images(text))).andExpect(status().isBadRequest());
        // an RGB picture needs three kernels per filter, unless it is read in gray
        save(body("rgb", request(unseen, "rgb.png", ONE_KERNEL), images(unseen))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("has 3 channel(s) to convolve")));
        save(body("bad target", request(GRAY, "x.png", ONE_KERNEL).replace("\"target\": -1", "\"target\": 4"), images(GRAY)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error", containsString("request.filters[0].target")));
        save(body("bad cell", request(GRAY, "x.png", "[[[1,\"a\",1]]]"), images(GRAY)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error", containsString("request.filters[0].kernels[0][0][1]")));
        ObjectNode pipeline = (ObjectNode) mapper.readTree("{\"title\": \"p\", \"request\": {\"input\": [[1]], \"layers\": []}}");
        pipeline.set("images", mapper.readTree(images(GRAY)));
        save(pipeline.toString()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("only with kind \"images\"")));
        assertThat(store.count()).isEqualTo(before);
    }
}
