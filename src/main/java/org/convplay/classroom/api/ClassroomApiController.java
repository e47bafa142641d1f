package org.convplay.classroom.api;

import java.nio.charset.StandardCharsets;
import org.convplay.classroom.service.GradeService;
import org.convplay.classroom.service.Views;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only grade exports for a class's teacher (and outside graders signed in as that teacher).
 * Needs a login (SecurityConfig); the service checks the class is the caller's. Read-only on
 * purpose: CSRF is off under /api/, so nothing here may change data.
 */
@RestController
@RequestMapping("/api/classroom")
class ClassroomApiController {

    private final GradeService grades;

    ClassroomApiController(GradeService grades) {
        this.grades = grades;
    }

    @GetMapping("/assignments/{id}/grades")
    Views.GradeTable grades(@PathVariable long id) {
        return grades.forAssignment(id);
    }

    @GetMapping("/assignments/{id}/grades.csv")
    ResponseEntity<byte[]> csv(@PathVariable long id) {
        byte[] body = grades.csv(id).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"assignment-" + id + "-grades.csv\"")
                .body(body);
    }
}
