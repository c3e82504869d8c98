package org.jotrs.live.internal;

import java.io.IOException;

/** Where one stream's events go: the browser's server-sent event connection. */
public interface StreamSink {

    /** Sends one event; blocks while the connection is slow. */
    void send(LiveEvent event) throws IOException;

    /** Ends the connection from the server's side. */
    void end();

    /**
     * Sends one event of one of the pages a shared connection serves (all of an agent's tabs on
     * one connection), marked with the page's key so that the browser passes it to that tab.
     */
    default void send(String page, LiveEvent event) throws IOException {
        throw new UnsupportedOperationException("not a shared connection");
    }
}
