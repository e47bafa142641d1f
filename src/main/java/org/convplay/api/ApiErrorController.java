package org.convplay.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.MappingJackson2JsonView;

/**
 * The {@code /error} page for what never reached Spring MVC's handlers: Tomcat's own 400s (a malformed path such as
 * {@code /api/%}), Spring Security's 401 and 403, an exception in a filter. Under {@code /api} the answer is
 * {@code {"error": "..."}} whatever the client accepts; elsewhere it is Spring Boot's usual page. {@code GET /error}
 * asked for directly is a 404, not the 500 Spring Boot gives a request that carries no error.
 */
@Controller
class ApiErrorController extends BasicErrorController {

    ApiErrorController(ErrorAttributes errorAttributes, ServerProperties server, List<ErrorViewResolver> resolvers) {
        super(errorAttributes, server.getError(), resolvers);
    }

    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (underApi(request)) {
            HttpStatus status = getStatus(request);
            response.setStatus(status.value());
            MappingJackson2JsonView json = new MappingJackson2JsonView();
            json.setContentType(MediaType.APPLICATION_JSON_VALUE);
            return new ModelAndView(json, Map.of("error", message(request, status)));
        }
        return super.errorHtml(request, response);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        if (underApi(request) || request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
            HttpStatus status = getStatus(request);
            return (ResponseEntity) ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("error", message(request, status)));
        }
        return super.error(request);
    }

    /** No error on the request means someone asked for /error itself: there is no such page. */
    @Override
    protected HttpStatus getStatus(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null ? HttpStatus.NOT_FOUND : super.getStatus(request);
    }

    private static boolean underApi(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null
                && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri && uri.startsWith("/api/");
    }

    private static String message(HttpServletRequest request, HttpStatus status) {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
            return "no such page: /error shows the errors of other requests";
        }
        return switch (status) {
            case UNAUTHORIZED -> "sign in first: this part of the API needs an account";
            case FORBIDDEN -> "not allowed";
            case NOT_FOUND -> "no such path: " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            case BAD_REQUEST -> "malformed request: " + detail(request, "the path or the headers cannot be read");
            case INTERNAL_SERVER_ERROR -> "internal error; the server keeps serving, please report this request";
            default -> detail(request, status.getReasonPhrase());
        };
    }

    private static String detail(HttpServletRequest request, String otherwise) {
        return request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String m && !m.isBlank() ? m : otherwise;
    }
}
