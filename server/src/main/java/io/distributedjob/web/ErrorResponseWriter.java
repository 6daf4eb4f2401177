package io.distributedjob.web;

import java.io.IOException;

import io.distributedjob.kernel.ApiResponse;
import io.distributedjob.kernel.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes the error envelope from places that run before Spring MVC: servlet filters and the error page. */
@Component
public class ErrorResponseWriter {

    private final JsonMapper json;

    public ErrorResponseWriter(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, ErrorCode error, String message) throws IOException {
        response.resetBuffer();
        response.setStatus(error.status().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), ApiResponse.error(error, message));
    }
}
