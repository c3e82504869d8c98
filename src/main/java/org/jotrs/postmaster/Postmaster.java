package org.jotrs.postmaster;

/**
 * Takes incoming messages in: the pipe for MTAs, and the fetcher for mail accounts. A message is
 * either stored (ticket and article committed), recognised as already taken in, or kept in the
 * quarantine with the reason; only a failure of the database itself is thrown, so the caller
 * leaves the message where it is and tries again later.
 */
public interface Postmaster {

    /**
     * One RFC 822 message from the pipe: dispatched by its recipient addresses (system addresses),
     * else to the default queue; {@code X-OTRS-*} headers are honoured only when the pipe is
     * trusted ({@code jotrs.postmaster.pipe-trusted}).
     *
     * @throws org.springframework.dao.DataAccessException when the database cannot be reached (retry later)
     */
    Delivery deliver(byte[] rawMessage);

    /** The largest message taken in, in bytes ({@code jotrs.postmaster.max-message-size}). */
    long maxMessageSize();
}
