package io.distributedjob.alert;

import org.springframework.stereotype.Component;

/** Delivers one message to one channel, whatever its type. */
@Component
class ChannelDelivery {

    private final HttpDelivery http;
    private final MailDelivery mail;

    ChannelDelivery(HttpDelivery http, MailDelivery mail) {
        this.http = http;
        this.mail = mail;
    }

    void deliver(AlertChannel channel, AlertMessage message) throws DeliveryException, InterruptedException {
        if (channel.type().overHttp()) {
            http.deliver(channel, message);
        } else {
            mail.deliver(channel, message);
        }
    }
}
