package org.jotrs.postmaster.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code jotrs.postmaster.*}: incoming mail.
 *
 * @param defaultQueue where a new ticket goes when no account queue, trusted header or system address decides (OTRS {@code PostmasterDefaultQueue})
 * @param pollInterval pause between two fetches of every mail account
 * @param batchSize messages taken from one account per fetch at most (the rest on the next run)
 * @param pipeToken the secret an MTA's pipe command presents; blank turns the pipe endpoint off
 * @param pipeTrusted whether {@code X-OTRS-*} headers of piped mail are honoured
 * @param timeout connect and read timeout for mail servers
 * @param maxMessageSize larger messages are not made articles: fetched ones go to the quarantine, piped ones are refused
 *        (OTRS {@code PostMaster::MaxEmailSize})
 * @param maxAutoResponsesPerDay auto responses to one address per day at most (OTRS {@code PostmasterMaxEmailsPerAddress})
 */
@ConfigurationProperties("jotrs.postmaster")
record PostmasterProperties(@DefaultValue("Raw") String defaultQueue, @DefaultValue("3s") Duration pollInterval,
        @DefaultValue("500") int batchSize, String pipeToken, @DefaultValue("false") boolean pipeTrusted,
        @DefaultValue("30s") Duration timeout, @DefaultValue("20MB") DataSize maxMessageSize,
        @DefaultValue("40") int maxAutoResponsesPerDay) {
}
