package io.distributedjob.alert;

import java.util.Properties;

import io.distributedjob.config.AlertSettings;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.stereotype.Component;

/** Sends alert mails through the SMTP server of {@code alert.smtp}. */
@Component
class MailDelivery {

    private final AlertSettings.Smtp smtp;

    MailDelivery(AlertSettings settings) {
        this.smtp = settings.smtp();
    }

    void deliver(AlertChannel channel, AlertMessage message) throws DeliveryException {
        if (!smtp.configured()) {
            throw new DeliveryException("no SMTP server is configured (alert.smtp.host)");
        }
        try {
            MimeMessage mail = new MimeMessage(session());
            mail.setFrom(new InternetAddress(smtp.from()));
            for (String recipient : channel.recipients()) {
                mail.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
            }
            mail.setSubject(message.title(), "UTF-8");
            mail.setText(message.text(), "UTF-8");
            if (smtp.username().isBlank()) {
                Transport.send(mail);
            } else {
                Transport.send(mail, smtp.username(), smtp.password());
            }
        } catch (MessagingException e) {
            throw new DeliveryException("the SMTP server did not take the mail: " + e.getMessage());
        }
    }

    private Session session() {
        String protocol = smtp.security() == AlertSettings.Security.TLS ? "smtps" : "smtp";
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", protocol);
        String prefix = "mail." + protocol + ".";
        properties.put(prefix + "host", smtp.host());
        properties.put(prefix + "port", Integer.toString(smtp.port()));
        properties.put(prefix + "auth", Boolean.toString(!smtp.username().isBlank()));
        properties.put(prefix + "connectiontimeout", Integer.toString(smtp.timeoutMs()));
        properties.put(prefix + "timeout", Integer.toString(smtp.timeoutMs()));
        properties.put(prefix + "writetimeout", Integer.toString(smtp.timeoutMs()));
        if (smtp.security() == AlertSettings.Security.STARTTLS) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        }
        if (smtp.security() != AlertSettings.Security.NONE) {
            // the server's certificate must match its host name, as for any TLS client
            properties.put(prefix + "ssl.checkserveridentity", "true");
        }
        return Session.getInstance(properties);
    }
}
