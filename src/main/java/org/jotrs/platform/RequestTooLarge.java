package org.jotrs.platform;

import java.io.IOException;

/**
 * A request body over the limit of the address it was sent to (HTTP 413), noticed while reading
 * it: a body sent without a length (chunked) cannot be refused before it arrives.
 */
public class RequestTooLarge extends IOException {

    public RequestTooLarge(long maxBytes) {
        super(Messages.t("error.request-too-large", String.valueOf(maxBytes)));
    }
}
