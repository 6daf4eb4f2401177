package io.distributedjob.web;

import io.distributedjob.auth.PublicEndpoint;
import io.distributedjob.kernel.ApiResponse;
import io.distributedjob.kernel.PageParameters;
import io.distributedjob.kernel.PageQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints that exist only for {@link ErrorPathsTest} and {@link ErrorEnvelopeWebMvcTest}, to reach each error path of the envelope. */
@RestController
@PublicEndpoint
@Profile(ErrorPathsTest.PROFILE)
class ErrorPathsTestController {

    record Greeting(@NotBlank String name, @Min(1) @Max(10) int times) {
    }

    @PostMapping("/test/echo")
    ApiResponse<Greeting> echo(@Valid @RequestBody Greeting greeting) {
        return ApiResponse.ok(greeting);
    }

    @GetMapping("/test/number")
    ApiResponse<Integer> number(@RequestParam int value) {
        return ApiResponse.ok(value);
    }

    @GetMapping("/test/page")
    ApiResponse<PageQuery> page(PageParameters paging) {
        return ApiResponse.ok(paging.query());
    }

    @GetMapping("/test/boom")
    ApiResponse<Void> boom() {
        throw new IllegalStateException("secret internal detail");
    }
}
