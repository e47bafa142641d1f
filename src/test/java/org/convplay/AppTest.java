package org.convplay;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application for a test: a real server on a free port (browsers and raw HTTP reach it), MockMvc for
 * requests without one, and the {@code test} profile (a fresh in-memory database, limits no shared test trips).
 * Every full-context test uses exactly this, so Spring's test-context cache starts the application once per test
 * JVM; adding properties, mocks or {@code @DirtiesContext} to one class would start another (README, "Tests").
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
public @interface AppTest {
}
