package org.jotrs.live.internal;

import java.io.IOException;

/** Where one stream's events go: the browser's server-sent event connection. */
public interface StreamSink {

    /** Sends one event; blocks while the connection is slow. */
    void send(LiveEvent event) throws IOException;

    /** Ends the connection from the server's side. */
    void end();
}
