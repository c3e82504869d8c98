package org.jotrs;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Jotrs: an OTRS/Znuny-compatible help desk. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class JotrsApplication {

    static {
        // jOOQ prints an ASCII-art logo and a tip at start-up unless told not to.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    public static void main(String[] args) {
        SpringApplication.run(JotrsApplication.class, args);
    }
}
