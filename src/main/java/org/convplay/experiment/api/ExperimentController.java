package org.convplay.experiment.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.convplay.experiment.BrowserKey;
import org.convplay.experiment.Experiment;
import org.convplay.experiment.ExperimentService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Saved experiments over HTTP (docs/api.md, "Saved experiments"), plus DELETE for their owners. */
@RestController
class ExperimentController {

    private final ExperimentService service;

    ExperimentController(ExperimentService service) {
        this.service = service;
    }

    @Operation(summary = "Save an experiment and get its permalink",
            description = "title (at most 200 characters), optional description, parent (the id it forks), kind "
                    + "(playground, pipeline, images, animation) and request (a /api/pipeline body; the images page "
                    + "saves its own). A saved experiment never changes; the browser that saved it may delete it.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "pipeline", value = """
                    {"title": "Theano same", "description": "the odd row on top",
                     "request": {"input": [[1,2,3],[4,5,6],[7,8,9]], "convention": "theano",
                                 "layers": [{"type": "conv2d", "kernel": [[[[1,0],[0,-1]]]], "padding": "same"}]}}""")))
    @ApiResponse(responseCode = "201", description = "Its id and permalink (also in Location)",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = """
                    {"id": "q3VxW0b2TfKzYc1N", "url": "http://localhost:8080/e/q3VxW0b2TfKzYc1N"}""")))
    @ApiResponse(responseCode = "400", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = """
            {"error": "title is required"}""")))
    @PostMapping(path = "/api/experiments", consumes = "application/json", produces = "application/json")
    ResponseEntity<Map<String, String>> save(@RequestBody JsonNode body, HttpServletRequest request) {
        Experiment e = service.save(service.read(body), BrowserKey.of(request));
        String url = permalink(e.getId());
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", url)
                .body(Map.of("id", e.getId(), "url", url));
    }

    @Operation(summary = "An experiment as saved, to download and import later", description = "404 when unknown or removed.")
    @GetMapping(path = "/api/experiments/{id}", produces = "application/json")
    ObjectNode get(@PathVariable String id) {
        Experiment e = service.get(id);
        return service.export(e, permalink(e.getId()));
    }

    @Operation(summary = "Delete an experiment", description = "Only from the browser that saved it (403 otherwise); "
            + "its permalink then says it was removed.")
    @DeleteMapping(path = "/api/experiments/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, HttpServletRequest request) {
        service.delete(id, BrowserKey.of(request));
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(ExperimentService.NotOwnerException.class)
    ResponseEntity<Map<String, String>> notOwner(ExperimentService.NotOwnerException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", e.getMessage()));
    }

    static String permalink(String id) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/e/{id}").buildAndExpand(id).toUriString();
    }
}
