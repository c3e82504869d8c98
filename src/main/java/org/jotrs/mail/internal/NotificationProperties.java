package org.jotrs.mail.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jotrs.mail.notifications.*}: how agent notifications are sent.
 *
 * @param pollInterval pause between the notifier's runs (it follows the change feed to its end each run)
 * @param batchSize change-feed rows read per step
 * @param gapHorizon how long a feed id that is not visible yet is waited for (its transaction may
 *     still commit); after that it is taken as rolled back
 * @param senderName the display name of the sender (OTRS's {@code NotificationSenderName})
 * @param senderAddress the sender address (OTRS's {@code NotificationSenderEmail}); blank:
 *     {@code jotrs@} and the mail domain ({@code jotrs.mail.fqdn})
 * @param publicUrl where agents reach Jotrs, for the links in notifications (e.g.
 *     {@code https://desk.example.com}); blank: {@code http://localhost:} and the server port
 * @param defaultLanguage the text used for agents whose language has none (OTRS's {@code DefaultLanguage})
 */
@ConfigurationProperties("jotrs.mail.notifications")
record NotificationProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("500") int batchSize,
        @DefaultValue("5m") Duration gapHorizon, @DefaultValue("Jotrs Notifications") String senderName,
        String senderAddress, String publicUrl, @DefaultValue("en") String defaultLanguage) {

    NotificationProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("jotrs.mail.notifications.batch-size must be at least 1");
        }
    }
}
