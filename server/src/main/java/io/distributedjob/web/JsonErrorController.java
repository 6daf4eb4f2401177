package io.distributedjob.web;

import io.distributedjob.kernel.ApiResponse;
import io.distributedjob.kernel.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page: answers in the envelope for errors raised outside Spring MVC, such as a
 * request the container itself rejected.
 */
@RestController
class JsonErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ApiResponse<Void>> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        ErrorCode error = ErrorCode.forStatus(status instanceof Integer code ? code : 500);
        return ResponseEntity.status(error.status()).body(ApiResponse.error(error, error.genericMessage()));
    }
}
