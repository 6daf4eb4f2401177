package io.distributedjob.web;

import io.distributedjob.kernel.ErrorCode;
import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error report in the envelope instead of its HTML page, for what the container answers before any
 * servlet runs: a request target with illegal characters or a bad {@code %} escape, a path outside the context.
 * The message is generic; what exactly was wrong stays in the container's log. Public with a no-argument
 * constructor, as Tomcat creates its host error valve by class name.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ErrorCode error = ErrorCode.forStatus(status);
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"code\":" + error.code() + ",\"message\":\"" + error.genericMessage() + "\",\"data\":null}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            container.getLogger().warn("Could not write the error report", e);
        }
    }
}
