package org.convplay.experiment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.Cookie;
import java.util.HashSet;
import java.util.Set;
import org.convplay.AppTest;
import org.convplay.experiment.BrowserKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Saved experiments over HTTP, as docs/api.md specifies them. */
@AppTest
class ExperimentApiTest {

    static final String REQUEST = "{\"input\": [[1,2,3],[4,5,6],[7,8,9]], \"convention\": \"theano\", "
            + "\"layers\": [{\"type\": \"conv2d\", \"kernel\": [[[[1,2],[3,4]]]], \"padding\": \"same\"}, {\"type\": \"relu\"}]}";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper mapper;

    ResultActions save(String body, Cookie... cookies) throws Exception {
        var req = post("/api/experiments").contentType(MediaType.APPLICATION_JSON).content(body);
        if (cookies.length > 0) {
            req = req.cookie(cookies);
        }
        return mvc.perform(req);
    }

    String saveId(String body, Cookie... cookies) throws Exception {
        String json = save(body, cookies).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return mapper.readTree(json).get("id").asText();
    }

    JsonNode fetch(String id) throws Exception {
        return mapper.readTree(mvc.perform(get("/api/experiments/" + id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    @Test
    void aSavedExperimentComesBackAsSavedWithAPermalink() throws Exception {
        save("{\"title\": \"Theano same\", \"description\": \"odd row on top\", \"request\": " + REQUEST + "}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isString())
                .andExpect(jsonPath("$.url", containsString("/e/")));
        String id = saveId("{\"title\": \"Theano same\", \"request\": " + REQUEST + "}");
        JsonNode e = fetch(id);
        assertThat(e.get("title").asText()).isEqualTo("Theano same");
        assertThat(e.get("request")).isEqualTo(mapper.readTree(REQUEST));
        assertThat(e.get("version").asInt()).isEqualTo(1);
        assertThat(e.get("schema").asText()).isEqualTo("convolution-playground/experiment");
        assertThat(e.get("parent").isNull()).isTrue();
        assertThat(e.get("url").asText()).endsWith("/e/" + id);
    }

    @Test
    void idsAreRandomSixteenCharacterTokensCarryingNinetySixBits() throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String id = saveId("{\"title\": \"t" + i + "\", \"request\": " + REQUEST + "}");
            assertThat(id).matches("[A-Za-z0-9_-]{16}");
            ids.add(id);
        }
        assertThat(ids).hasSize(20);
        // not sequential: no two consecutive ids share their first half
        assertThat(ids.stream().map(s -> s.substring(0, 8)).distinct().count()).isEqualTo(20);
    }

    @Test
    void aForkRemembersItsParentAndTheParentNeverChanges() throws Exception {
        String parent = saveId("{\"title\": \"original\", \"request\": " + REQUEST + "}");
        String changed = REQUEST.replace("\"relu\"", "\"tanh\"");
        String fork = saveId("{\"title\": \"fork\", \"parent\": \"" + parent + "\", \"request\": " + changed + "}");
        assertThat(fetch(fork).get("parent").asText()).isEqualTo(parent);
        assertThat(fetch(parent).get("request")).isEqualTo(mapper.readTree(REQUEST));
        save("{\"title\": \"orphan\", \"parent\": \"AAAAAAAAAAAAAAAA\", \"request\": " + REQUEST + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("parent AAAAAAAAAAAAAAAA is not a saved experiment")));
    }

    @Test
    void anExportedFileImportsAsTheSameExperiment() throws Exception {
        String id = saveId("{\"title\": \"to export\", \"description\": \"d\", \"kind\": \"playground\", \"request\": " + REQUEST
                + ", \"view\": {\"page\": \"playground\"}}");
        JsonNode exported = fetch(id);
        String copy = saveId(exported.toString());
        JsonNode imported = fetch(copy);
        for (String field : new String[] {"title", "description", "kind", "request", "view", "schema", "version"}) {
            assertThat(imported.get(field)).as(field).isEqualTo(exported.get(field));
        }
        ObjectNode newer = (ObjectNode) exported.deepCopy();
        newer.put("version", 99);
        save(newer.toString()).andExpect(status().isBadRequest()).andExpect(jsonPath("$.error", containsString("version 99")));
    }

    @Test
    void theSlidingWindowPageSavesItsFigureAsAPipelineBodyAndTheEmbedShowsTheKernel() throws Exception {
        String request = "{\"input\": [[1,2,3],[4,5,6],[7,8,9]], \"layers\": [{\"type\": \"conv2d\", "
                + "\"kernel\": [[[[1,0],[0,-1]]]], \"padding\": \"full\", \"stride\": [2, 2], \"border\": \"wrap\"}]}";
        String id = saveId("{\"title\": \"window\", \"kind\": \"animation\", \"request\": " + request + "}");
        assertThat(fetch(id).get("kind").asText()).isEqualTo("animation");
        // full padding adds a cell on every side of the 3x3 (5x5); a 2x2 kernel with stride 2 gives 2x2
        assertThat(mvc.perform(get("/embed/" + id)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Kernel").contains("Output [1, 2, 2]");
    }

    @Test
    void unknownIdsAre404WithAnError() throws Exception {
        mvc.perform(get("/api/experiments/doesnotexist0000")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error", containsString("no experiment with id")));
        mvc.perform(get("/api/experiments/1")).andExpect(status().isNotFound());
    }

    @Test
    void onlyTheBrowserThatSavedItCanDeleteItAndThenItIsGone() throws Exception {
        Cookie mine = new Cookie(BrowserKey.COOKIE, "my-browser-key-0123456789");
        Cookie other = new Cookie(BrowserKey.COOKIE, "another-browser-key-987654");
        String id = saveId("{\"title\": \"mine\", \"request\": " + REQUEST + "}", mine);
        mvc.perform(delete("/api/experiments/" + id).cookie(other)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error", containsString("only the account or browser")));
        mvc.perform(delete("/api/experiments/" + id)).andExpect(status().isForbidden());
        fetch(id);
        mvc.perform(delete("/api/experiments/" + id).cookie(mine)).andExpect(status().isNoContent());
        mvc.perform(get("/api/experiments/" + id)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error", containsString("was removed by its owner")));
    }

    @Test
    void badExperimentsAreRefusedAndNothingStoredIsTouched() throws Exception {
        String id = saveId("{\"title\": \"kept\", \"request\": " + REQUEST + "}");
        save("{\"request\": " + REQUEST + "}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("title is required")));
        save("{\"title\": \"x\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("request is required")));
        save("{\"title\": \"x\", \"request\": {\"input\": [[1]], \"layers\": [{\"type\": \"conv9d\"}]}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("request: layers[0]")));
        save("{\"title\": \"" + "t".repeat(201) + "\", \"request\": " + REQUEST + "}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("the limit is 200")));
        save("{\"title\": \"x\", \"kind\": \"spreadsheet\", \"request\": " + REQUEST + "}").andExpect(status().isBadRequest());
        String big = "{\"title\": \"big\", \"request\": " + REQUEST + ", \"view\": {\"notes\": \"" + "n".repeat(1_000_001) + "\"}}";
        save(big).andExpect(status().isPayloadTooLarge());
        assertThat(fetch(id).get("title").asText()).isEqualTo("kept");
    }

    @Autowired
    org.convplay.account.AccountService accounts;

    @Test
    void anExperimentSavedWhileSignedInBelongsToTheAccount() throws Exception {
        accounts.signUp("owner-ana", "Ana", "a-long-password", org.convplay.account.Role.STUDENT);
        accounts.signUp("other-bea", "Bea", "a-long-password", org.convplay.account.Role.STUDENT);
        var ana = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("owner-ana");
        var bea = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("other-bea");
        String json = mvc.perform(post("/api/experiments").with(ana).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Ana's\", \"request\": " + REQUEST + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = mapper.readTree(json).get("id").asText();
        mvc.perform(delete("/api/experiments/" + id).with(bea)).andExpect(status().isForbidden());
        mvc.perform(delete("/api/experiments/" + id).with(ana)).andExpect(status().isNoContent());
    }

    @Test
    void theEmbedIsPlainHtmlThatOtherSitesMayFrame() throws Exception {
        String id = saveId("{\"title\": \"<b>embedded</b>\", \"request\": " + REQUEST + "}");
        var response = mvc.perform(get("/embed/" + id)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentAsString())
                .contains("&lt;b&gt;embedded&lt;/b&gt;")
                .contains("Output [1, 3, 3]")
                .contains("/e/" + id)
                .doesNotContain("<script");
        assertThat(response.getHeader("X-Frame-Options")).isNull();
        assertThat(mvc.perform(get("/api/experiments/" + id)).andReturn().getResponse().getHeader("X-Frame-Options"))
                .isEqualTo("SAMEORIGIN");
        mvc.perform(get("/embed/AAAAAAAAAAAAAAAA")).andExpect(status().isNotFound());
    }

    static final String BENCHMARK = "{\"size\": 512, \"kernel\": 3, \"channels\": 1, \"filters\": 1, \"repeats\": 5, "
            + "\"results\": [{\"backend\": \"cpu\", \"medianMillis\": 1.8, \"gflops\": 2.6, \"maxAbsError\": 1e-6, \"runs\": 5, "
            + "\"note\": \"\"}, {\"backend\": \"opencv\", \"medianMillis\": 0.9, \"gflops\": 5.2, \"maxAbsError\": null, "
            + "\"runs\": 5, \"note\": \"\"}], \"machine\": {\"cores\": 2, \"cpu\": \"Test CPU\", \"jvm\": \"21\", "
            + "\"os\": \"Linux\", \"maxHeapMb\": 512, \"notes\": [\"opencv 4.9\"]}}";

    @Test
    void aBenchmarkRunIsSavedWithItsFiguresAndEmbedsThemWithoutTimingAgain() throws Exception {
        String id = saveId("{\"title\": \"Timing\", \"kind\": \"benchmark\", \"request\": " + BENCHMARK + "}");
        JsonNode e = fetch(id);
        assertThat(e.get("kind").asText()).isEqualTo("benchmark");
        assertThat(e.get("request")).isEqualTo(mapper.readTree(BENCHMARK));
        assertThat(mvc.perform(get("/embed/" + id)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("id=\"embed-benchmark\"").contains("<td>opencv</td><td>0.9</td>").contains("Test CPU");
    }

    @Test
    void aBenchmarkRequestThatIsNotARunIsRefusedNamingTheField() throws Exception {
        save("{\"title\": \"t\", \"kind\": \"benchmark\", \"request\": " + BENCHMARK.replace("\"size\": 512", "\"size\": 0") + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("request.size must be between 1 and 4096, got 0")));
        save("{\"title\": \"t\", \"kind\": \"benchmark\", \"request\": " + REQUEST + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("request.size must be a whole number")));
        save("{\"title\": \"t\", \"kind\": \"benchmark\", \"request\": " + BENCHMARK.replace("\"medianMillis\": 1.8", "\"medianMillis\": \"fast\"") + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("request.results[0] is not a row of a benchmark run")));
    }

    @Test
    void theEmbedColoursEachCellByValueAndKeepsTheExactValueOnHover() throws Exception {
        String id = saveId("{\"title\": \"colours\", \"request\": " + REQUEST + "}");
        String page = mvc.perform(get("/embed/" + id)).andReturn().getResponse().getContentAsString();
        // the input 1..9 is one sign: viridis from its lowest (v0) to its highest (v15)
        assertThat(page).contains("<td class=\"v0\" title=\"1\">1</td>").contains("<td class=\"v15\" title=\"9\">9</td>")
                .contains("td.v0,span.v0{background:#").contains("class=\"legend\"").contains("<html lang=\"en\">");
    }
}
