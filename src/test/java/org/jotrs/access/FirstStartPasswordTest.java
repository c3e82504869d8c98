package org.jotrs.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.jooq.DSLContext;
import org.jotrs.JotrsApplication;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 11, item 6: on the very first start the administrator's password is set before the HTTP
 * port accepts anything, so no sign-in can arrive while the account still has no password.
 */
class FirstStartPasswordTest {

    @Test
    void theAdminPasswordIsSetBeforeThePortOpens() throws Exception {
        try (TestDatabase database = TestDatabase.create(DatabaseKind.H2)) {
            List<String> arguments = new ArrayList<>(List.of(database.jotrsArguments()));
            arguments.add("--server.port=0");
            arguments.add("--jotrs.data-dir=" + Files.createTempDirectory("jotrs-data-"));
            AtomicReference<String> passwordWhenPortOpened = new AtomicReference<>();
            ApplicationListener<WebServerInitializedEvent> portOpened = event -> passwordWhenPortOpened.set(
                    event.getApplicationContext().getBean(DSLContext.class)
                            .fetchSingle("SELECT pw FROM users WHERE login = 'root@localhost'").get(0, String.class));
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(JotrsApplication.class)
                    .listeners(portOpened).run(arguments.toArray(String[]::new))) {
                assertThat(passwordWhenPortOpened.get()).as("root's password hash when the port opened")
                        .isNotNull().startsWith("BCRYPT:");
            }
        }
    }
}
