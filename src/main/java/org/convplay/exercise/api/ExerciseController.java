package org.convplay.exercise.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convplay.shared.BadRequestException;
import org.convplay.shared.TooLargeException;
import org.convplay.exercise.Exercise;
import org.convplay.exercise.ExerciseLimits;
import org.convplay.exercise.Grade;
import org.convplay.exercise.Text;
import org.convplay.exercise.Variant;
import org.convplay.exercise.service.ExerciseService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public exercises API (docs/api.md, "Exercises"): anonymous practice, no accounts.
 * A malformed answer is not an error of the request: it gets 200 with {@code "gradable": false}
 * and the reason in {@code feedback}, so tools can show it like any other feedback. A malformed
 * request (no seed, no answer, not JSON) is 400 {@code {"error"}}; an unknown exercise is 404.
 * Because this is practice, the worked solution comes back after every gradable answer.
 */
@RestController
@RequestMapping("/api/exercises")
class ExerciseController {

    /** Answers hold at most a few images; anything larger is refused before it is graded. */
    static final long MAX_BODY_BYTES = 4L * 1024 * 1024;

    private final ExerciseService exercises;

    ExerciseController(ExerciseService exercises) {
        this.exercises = exercises;
    }

    record Summary(String id, String title, String kind) {
    }

    @Operation(summary = "The exercises, from the files in exercises/", description = "?lang=pt-BR or Accept-Language picks the language.")
    @GetMapping
    List<Summary> list(@RequestParam(required = false) String lang,
                       @RequestHeader(value = "Accept-Language", required = false) String accept) {
        Locale locale = Lang.of(lang, accept);
        return exercises.list().stream().map(e -> new Summary(e.id(), e.title().in(locale), e.kind().id())).toList();
    }

    @Operation(summary = "One variant of an exercise", description = "Seed 0 is the notebook's own numbers; "
            + "other seeds are variants. answerExample shows the shape of an answer.")
    @GetMapping("/{id}")
    Map<String, Object> variant(@PathVariable String id, @RequestParam(required = false) String seed,
                                @RequestParam(required = false) String lang,
                                @RequestHeader(value = "Accept-Language", required = false) String accept) {
        Locale locale = Lang.of(lang, accept);
        Variant v = exercises.variant(id, parseSeed(seed));
        Exercise e = v.exercise();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", e.id());
        body.put("seed", v.seed());
        body.put("prompt", v.prompt().in(locale));
        body.put("parameters", v.parameters().asMap());
        body.put("title", e.title().in(locale));
        body.put("kind", e.kind().id());
        body.put("answerExample", e.answerExample());
        body.put("parts", e.parts());
        return body;
    }

    /**
     * Checks exercise text (YAML, as application/yaml or text/plain) without storing anything:
     * 200 with the parsed exercise and its seed-0 parameters, or 400 naming the line and field.
     */
    @PostMapping("/validate")
    Map<String, Object> validate(@RequestBody(required = false) String yaml, HttpServletRequest request) {
        if (request.getContentLengthLong() > 4L * ExerciseLimits.MAX_FILE_BYTES) {
            throw new TooLargeException("the body has " + request.getContentLengthLong() + " bytes; an exercise file has at most "
                    + ExerciseLimits.MAX_FILE_BYTES);
        }
        if (yaml == null || yaml.isBlank()) {
            throw new BadRequestException("the body must be the exercise's YAML text (application/yaml or text/plain)");
        }
        Variant v = exercises.validate(yaml);
        Exercise e = v.exercise();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", e.id());
        body.put("title", e.title());
        body.put("kind", e.kind().id());
        body.put("parts", e.parts());
        body.put("hints", e.hints().size());
        body.put("parameters", v.parameters().asMap());
        body.put("prompt", v.prompt());
        body.put("answer", v.solution().answer());
        return body;
    }

    @Operation(summary = "Grade an answer to one variant", description = "A malformed answer is 200 with gradable false "
            + "and the reason in feedback; a malformed request is 400; an unknown exercise 404. The worked solution "
            + "comes back after every gradable answer.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "dense-vs-conv", summary = "The notebook's theory question, answered right", value = """
                    {"seed": 0, "answer": {"output": [98, 98], "denseParameters": 96049604, "convParameters": 10,
                                           "reduction": 9604960.4}}""")))
    @ApiResponse(responseCode = "200", description = "The grade, each part's check and the worked solution",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "dense-vs-conv", value = """
                    {"correct": true, "gradable": true, "score": 1.0,
                     "feedback": "✔ Output size (rows x columns): 98 x 98 is right.\\n✔ Parameters of the dense layer: 96,049,604 is right.\\n✔ Parameters of the convolutional layer: 10 is right.\\n✔ Reduction (dense / conv): 9,604,960.4 is right.",
                     "checks": [{"correct": true, "field": "output", "message": "Output size (rows x columns): 98 x 98 is right."},
                                {"correct": true, "field": "denseParameters", "message": "Parameters of the dense layer: 96,049,604 is right."},
                                {"correct": true, "field": "convParameters", "message": "Parameters of the convolutional layer: 10 is right."},
                                {"correct": true, "field": "reduction", "message": "Reduction (dense / conv): 9,604,960.4 is right."}],
                     "solution": {
                       "steps": ["A valid 3x3 kernel fits n - k + 1 = 100 - 3 + 1 times along each side: the output is 98 x 98. The dense layer connects each of the 100x100 inputs to each output and adds one bias per output: 96049604 parameters. The convolution shares one kernel: 3x3 weights + 1 bias = 10. Reduction: 96049604 / 10 = 9604960.4 times fewer."],
                       "notes": "A correction: the original notebook says the output is 99x99. It is 100 - 3 + 1 per side, which for 100 and 3 is 98x98 (a 3x3 kernel has only 98 positions along 100 pixels), so its dense count was off too: 10,000 x 9,604 weights + 9,604 biases = 96,049,604 parameters against 10, about 9.6 million times fewer.",
                       "answer": {"output": [98, 98], "denseParameters": 96049604, "convParameters": 10, "reduction": 9604960.4}}}""")))
    @ApiResponse(responseCode = "400", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = """
            {"error": "field 'seed' is required: the seed of the variant you answered"}""")))
    @PostMapping("/{id}/check")
    Map<String, Object> check(@PathVariable String id, @RequestBody JsonNode body, HttpServletRequest request,
                              @RequestParam(required = false) String lang,
                              @RequestHeader(value = "Accept-Language", required = false) String accept) {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw new TooLargeException("the body has " + request.getContentLengthLong() + " bytes; at most " + MAX_BODY_BYTES + " are accepted");
        }
        Locale locale = Lang.of(lang, accept);
        exercises.exercise(id); // 404 before complaining about the body
        if (body == null || !body.isObject()) {
            throw new BadRequestException("the body must be a JSON object {\"seed\": n, \"answer\": {...}}");
        }
        JsonNode seedNode = body.get("seed");
        if (seedNode == null || seedNode.isNull()) {
            throw new BadRequestException("field 'seed' is required: the seed of the variant you answered");
        }
        if (!seedNode.isIntegralNumber() || seedNode.asLong() < 0 || !seedNode.canConvertToLong()) {
            throw new BadRequestException("field 'seed' must be a whole number >= 0, got " + seedNode);
        }
        if (!body.has("answer")) {
            throw new BadRequestException("field 'answer' is required");
        }
        Variant v = exercises.variant(id, seedNode.asLong());
        Grade grade = exercises.grade(v, body.get("answer"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("correct", grade.correct());
        out.put("gradable", grade.gradable());
        out.put("score", grade.score());
        out.put("feedback", grade.feedback(locale));
        out.put("checks", grade.checks().stream()
                .map(c -> Map.of("field", c.field(), "correct", c.correct(), "message", c.message().in(locale))).toList());
        if (grade.gradable()) {
            out.put("solution", solution(v, locale));
        }
        return out;
    }

    static Map<String, Object> solution(Variant v, Locale locale) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("steps", v.solution().steps().stream().map(t -> t.in(locale)).toList());
        Text notes = v.exercise().notes();
        if (notes != null) {
            s.put("notes", notes.fill(v.parameters().asMap()).in(locale));
        }
        s.put("answer", v.solution().answer());
        return s;
    }

    private static long parseSeed(String seed) {
        if (seed == null || seed.isBlank()) {
            return 0;
        }
        try {
            long s = Long.parseLong(seed.trim());
            if (s >= 0) {
                return s;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new BadRequestException("query parameter 'seed' must be a whole number >= 0, got '" + seed + "'");
    }
}
