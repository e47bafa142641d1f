package org.convplay.api;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's answer to a request it refuses before any servlet sees it (a path it cannot decode, such as
 * {@code /api/%}) is written by its error report valve as an HTML page. Under {@code /api} this valve, first in the
 * engine's pipeline, writes {@code {"error": ...}} instead; every other request passes through untouched.
 */
final class ApiErrorValve extends ValveBase {

    ApiErrorValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String uri = request.getRequestURI();
        if (response.isError() && uri != null && uri.startsWith("/api/") && response.getContentWritten() == 0
                && response.setErrorReported()) {
            String message = response.getMessage() == null || response.getMessage().isBlank() ? "the path cannot be read"
                    : response.getMessage();
            byte[] body = ("{\"error\": \"malformed request: " + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            // sendError suspended the output; lift it, as Tomcat's own error report valve does, to write the answer
            response.setSuspended(false);
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentLength(body.length);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(new String(body, StandardCharsets.UTF_8));
            }
            response.finishResponse();
            return;
        }
        getNext().invoke(request, response);
    }

    @Configuration(proxyBeanMethods = false)
    static class Install {
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiErrorValve() {
            return factory -> factory.addEngineValves(new ApiErrorValve());
        }
    }
}
