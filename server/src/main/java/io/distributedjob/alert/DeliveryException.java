package io.distributedjob.alert;

/** A channel did not take an alert; the message says why, safe to show to the channel's owner. */
class DeliveryException extends Exception {

    DeliveryException(String message) {
        super(message);
    }
}
