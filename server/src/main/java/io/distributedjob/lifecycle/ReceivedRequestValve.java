package io.distributedjob.lifecycle;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * First in Tomcat's pipeline, before the valve of {@code server.forward-headers-strategy=native} removes the
 * proxy's headers and replaces the peer's address with the proxy's client's: judges a shutdown request on what
 * it was when it arrived, and leaves the verdict for {@link ShutdownController}.
 */
final class ReceivedRequestValve extends ValveBase {

    static final String REFUSAL_ATTRIBUTE = ReceivedRequestValve.class.getName() + ".refusal";

    ReceivedRequestValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String path = request.getDecodedRequestURI();
        if (path != null && path.endsWith(ShutdownController.PATH)) {
            request.setAttribute(REFUSAL_ATTRIBUTE, OperatorRequest.refusal(request).orElse(""));
        }
        getNext().invoke(request, response);
    }
}
