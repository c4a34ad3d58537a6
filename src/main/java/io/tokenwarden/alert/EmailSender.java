package io.tokenwarden.alert;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * E-mail through the SMTP server of the settings ({@code spring.mail.host}, {@code spring.mail.port},
 * {@code spring.mail.username}...), from {@code tokenwarden.alerts.mail-from}. Without a mail server configured
 * every e-mail delivery fails with that reason, and is retried like any other.
 */
@Component
class EmailSender implements Sender {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final String publicUrl;

    EmailSender(ObjectProvider<JavaMailSender> mail, AlertProperties properties) {
        this.mail = mail;
        this.from = properties.alerts().mailFrom();
        this.publicUrl = properties.publicUrl();
    }

    @Override
    public String kind() {
        return "email";
    }

    @Override
    public Result send(Channel channel, Delivery delivery) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return Result.failed(null, "no SMTP server configured (spring.mail.host)");
        }
        JsonNode alert = JSON.readTree(delivery.alertJson());
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(channel.target());
            helper.setSubject("[Tokenwarden] " + Texts.headline(delivery.event(), alert));
            helper.setText(alert.path("summary").asString("") + "\n\n" + publicUrl + "/features/"
                    + alert.path("use_case").asString("") + "\n\nDelivery " + delivery.deliveryId() + "\n");
            message.setHeader("X-Tokenwarden-Delivery", delivery.deliveryId());
            sender.send(message);
            return Result.ok(250);
        } catch (MessagingException | MailException e) {
            return Result.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
