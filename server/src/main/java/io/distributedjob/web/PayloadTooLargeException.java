package io.distributedjob.web;

import java.io.IOException;

/** Raised while reading a request body that turns out to exceed the configured limit. */
class PayloadTooLargeException extends IOException {

    PayloadTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes");
    }
}
