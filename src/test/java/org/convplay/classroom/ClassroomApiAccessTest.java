package org.convplay.classroom;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.convplay.AppTest;
import org.convplay.account.AccountRef;
import org.convplay.account.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The classroom's JSON/CSV API: only the class's teacher gets the grades; the public API needs no login. */
@AppTest
class ClassroomApiAccessTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    AccountRef teacher;
    AccountRef otherTeacher;
    AccountRef student;
    AccountRef otherStudent;
    long assignmentId;

    @BeforeEach
    void aClassWithAnAssignment() {
        ClassroomFixture room = ClassroomFixture.in(context).className("Turma A").assignment("Lista 1", "dense-vs-conv").build();
        teacher = room.teacher();
        student = room.student();
        assignmentId = room.assignment().id();
        otherTeacher = room.outsider("other-teacher", Role.TEACHER);
        otherStudent = room.outsider("other-student", Role.STUDENT);
        TestUsers.anonymous();
    }

    private static RequestPostProcessor as(AccountRef who) {
        return user(who.username()).roles(who.role().name());
    }

    @Test
    void onlyTheClassesTeacherGetsTheGradeTable() throws Exception {
        String url = "/api/classroom/assignments/" + assignmentId + "/grades";
        mvc.perform(get(url)).andExpect(status().isUnauthorized());
        mvc.perform(get(url).with(as(student))).andExpect(status().isForbidden()).andExpect(jsonPath("$.error").exists());
        mvc.perform(get(url).with(as(otherStudent))).andExpect(status().isForbidden());
        mvc.perform(get(url).with(as(otherTeacher))).andExpect(status().isForbidden());
        mvc.perform(get(url).with(as(teacher))).andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].student.username").value(student.username()));
        mvc.perform(get("/api/classroom/assignments/999999/grades").with(as(teacher))).andExpect(status().isForbidden());
    }

    @Test
    void onlyTheClassesTeacherDownloadsTheCsv() throws Exception {
        String url = "/api/classroom/assignments/" + assignmentId + "/grades.csv";
        mvc.perform(get(url)).andExpect(status().isUnauthorized());
        mvc.perform(get(url).with(as(student))).andExpect(status().isForbidden());
        mvc.perform(get(url).with(as(otherTeacher))).andExpect(status().isForbidden());
        mvc.perform(get(url).with(as(teacher))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().string(containsString(student.username() + ",student Person,0.0,0,0.0")));
    }

    @Test
    void thePublicApiNeedsNoLoginAndNoCsrfToken() throws Exception {
        mvc.perform(get("/api/exercises")).andExpect(status().isOk());
        mvc.perform(post("/api/exercises/dense-vs-conv/check").contentType(MediaType.APPLICATION_JSON)
                .content("{\"seed\": 0, \"answer\": {\"output\": [98, 98], \"denseParameters\": 96049604, \"convParameters\": 10, \"reduction\": 9604960.4}}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.correct").value(true));
        // the other public API paths pass security without a login or token, whatever their own controllers then answer
        for (String path : List.of("/api/convolve", "/api/pipeline", "/api/benchmark", "/api/experiments")) {
            org.assertj.core.api.Assertions.assertThat(statusAfterSecurity(post(path).contentType(MediaType.APPLICATION_JSON).content("{}")))
                    .as(path).isNotIn(401, 403);
        }
        org.assertj.core.api.Assertions.assertThat(statusAfterSecurity(get("/api/experiments/abc"))).isNotIn(401, 403);
    }

    @Test
    void formLoginWorksWithTheStoredBcryptHash() throws Exception {
        mvc.perform(formLogin("/login").user(teacher.username()).password(TestUsers.PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andExpect(authenticated().withUsername(teacher.username()).withRoles("TEACHER"));
        mvc.perform(formLogin("/login").user(teacher.username()).password("wrong password"))
                .andExpect(unauthenticated());
    }

    /**
     * The status, or 0 when the request got past security to a path with no controller yet (another
     * branch adds it); MockMvc then fails forwarding to the Vaadin servlet, which it does not have.
     */
    private int statusAfterSecurity(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        try {
            return mvc.perform(request).andReturn().getResponse().getStatus();
        } catch (jakarta.servlet.ServletException e) {
            return 0;
        }
    }
}
