package org.jotrs.observer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.junit.jupiter.api.Test;

/** The SDK stays small and keeps its privacy promises in its source. */
class ObserverSdkTest {

    @Test
    void theSdkIsUnder8KbGzippedAndReadsNoInputValues() throws Exception {
        byte[] source;
        try (InputStream in = getClass().getResourceAsStream("/static/observer/sdk/v1/observer.js")) {
            assertThat(in).as("served at /observer/sdk/v1/observer.js").isNotNull();
            source = in.readAllBytes();
        }
        int gzipped = ObserverClient.gzip(source).length;
        System.out.println("[observer] SDK " + source.length + " bytes, " + gzipped + " bytes gzipped");
        assertThat(gzipped).isLessThan(8 * 1024);
        String text = new String(source, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).as("never reads what users type").doesNotContain(".value", "keydown", "keypress", "keyup", "'input'");
        assertThat(text).contains("data-jotrs-private", "data-jotrs-ignore", "sendBeacon", "Retry-After");
    }
}
