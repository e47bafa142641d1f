package org.convplay.experiment.api;

import com.fasterxml.jackson.databind.JsonNode;
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

/** Saved experiments over HTTP (api.md, "Saved experiments"), plus DELETE for their owners. */
@RestController
class ExperimentController {

    private final ExperimentService service;

    ExperimentController(ExperimentService service) {
        this.service = service;
    }

    @PostMapping(path = "/api/experiments", consumes = "application/json", produces = "application/json")
    ResponseEntity<Map<String, String>> save(@RequestBody JsonNode body, HttpServletRequest request) {
        Experiment e = service.save(service.read(body), BrowserKey.of(request));
        String url = permalink(e.getId());
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", url)
                .body(Map.of("id", e.getId(), "url", url));
    }

    @GetMapping(path = "/api/experiments/{id}", produces = "application/json")
    ObjectNode get(@PathVariable String id) {
        Experiment e = service.get(id);
        return service.export(e, permalink(e.getId()));
    }

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
