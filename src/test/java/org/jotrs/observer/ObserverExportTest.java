package org.jotrs.observer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.observer.IncidentPipelineTest.awaitTrue;
import static org.jotrs.observer.IncidentPipelineTest.count;
import static org.jotrs.observer.IncidentPipelineTest.text;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.ConsoleCapture;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;

import tools.jackson.databind.JsonNode;

/**
 * Incidents filed in Jira Cloud and Linear against local servers that speak their APIs and fail
 * on demand: a 500, a 429 with Retry-After, Linear's RATELIMITED, and a create whose answer is lost
 * (the server creates the issue, then hangs past the timeout). Each incident still becomes exactly
 * one issue in each tracker, linked back to Jotrs; failures show on the incident; the credentials
 * appear neither in the logs nor in any page.
 */
class ObserverExportTest {

    static final String ORIGIN = "https://shop.example.com";
    static final String PAGE = "https://shop.example.com/checkout/1234";
    static final String PUBLIC_URL = "https://helpdesk.example.com";

    @OnEveryDatabase
    void incidentsBecomeOneIssueEachWhateverTheTrackersDo(DatabaseKind kind) throws Exception {
        String jiraToken = "ATATT3xFfGF0-jira-" + UUID.randomUUID();
        String linearKey = "lin_api_" + UUID.randomUUID().toString().replace("-", "");
        byte[] secretKey = new byte[32];
        new SecureRandom().nextBytes(secretKey);
        try (ConsoleCapture.Tap logs = ConsoleCapture.tapStandardOutput(); FakeTrackers trackers = new FakeTrackers(jiraToken, linearKey); TestDatabase database = TestDatabase.create(kind);
                RunningJotrs jotrs = RunningJotrs.start(database,
                        "--jotrs.secret-key=" + Base64.getEncoder().encodeToString(secretKey),
                        "--jotrs.observer.linear-api-url=" + trackers.baseUrl() + "/graphql",
                        "--jotrs.observer.export-interval=100ms",
                        "--jotrs.observer.export-timeout=1s",
                        "--jotrs.observer.export-backoff=200ms",
                        "--jotrs.mail.notifications.public-url=" + PUBLIC_URL,
                        "--logging.level.org.jotrs.observer=DEBUG")) {
            ObservedSites sites = jotrs.bean(ObservedSites.class);
            long siteId = sites.create(1, new SiteSettings("Shop", ORIGIN, 2, 1, 0, 3, 1000, 30, 2500, 1000, 5, "", 30));
            String key = sites.issueKey(1, siteId).key();
            AgentHttp agent = jotrs.agent();
            agent.signIn("root@localhost", jotrs.firstStartPassword().orElseThrow());
            String sitePage = "/admin/observer/" + siteId;

            // A form with a mistake: a clear message, nothing stored, the token not sent back.
            HttpResponse<String> wrong = agent.submit(sitePage, sitePage + "/export/jira", Map.of("baseUrl", "ftp://acme",
                    "userEmail", FakeTrackers.JIRA_EMAIL, "project", "ENG", "issueType", "Bug", "secret", jiraToken));
            assertThat(wrong.statusCode()).isEqualTo(422);
            assertThat(wrong.body()).contains("Write the address as https://your-domain.atlassian.net").doesNotContain(jiraToken);
            assertThat(count(database, "SELECT COUNT(*) FROM jotrs_observer_export_target")).isZero();

            assertThat(agent.submit(sitePage, sitePage + "/export/jira", Map.of("baseUrl", trackers.baseUrl(),
                    "userEmail", FakeTrackers.JIRA_EMAIL, "project", "ENG", "issueType", "Bug", "secret", jiraToken)).statusCode()).isEqualTo(302);
            assertThat(agent.submit(sitePage, sitePage + "/export/linear", Map.of("project", "team-" + UUID.randomUUID(),
                    "secret", linearKey)).statusCode()).isEqualTo(302);
            String admin = agent.get(sitePage).body();
            assertThat(admin).contains("…" + jiraToken.substring(jiraToken.length() - 4), "…" + linearKey.substring(linearKey.length() - 4))
                    .doesNotContain(jiraToken, linearKey);
            String sealed = text(database, "SELECT secret FROM jotrs_observer_export_target WHERE kind = 'jira'");
            assertThat(sealed).startsWith("v1:").doesNotContain(jiraToken);
            // Saving again without a token keeps the stored one.
            assertThat(agent.submit(sitePage, sitePage + "/export/jira", Map.of("baseUrl", trackers.baseUrl(),
                    "userEmail", FakeTrackers.JIRA_EMAIL, "project", "ENG", "issueType", "Bug", "secret", "")).statusCode()).isEqualTo(302);
            assertThat(text(database, "SELECT secret FROM jotrs_observer_export_target WHERE kind = 'jira'")).isEqualTo(sealed);

            // Jira: the first create fails (500); the search after it is rate-limited (429, Retry-After: 1);
            // the next create is made but its answer never arrives. Linear: rate-limited, then a lost
            // answer, then the link back fails once.
            trackers.plan("jira.create", "500", "lose");
            trackers.plan("jira.search", "429");
            trackers.plan("linear.create", "ratelimited", "lose");
            trackers.plan("linear.attach", "500");

            ObserverClient client = new ObserverClient(jotrs.baseUrl());
            assertThat(client.post(key, ORIGIN, errorLoop("checkout is undefined")).statusCode()).isEqualTo(202);
            awaitTrue(() -> count(database, "SELECT COUNT(*) FROM jotrs_observer_export WHERE status = 'created'") == 2,
                    Duration.ofSeconds(40));
            long incidentId = count(database, "SELECT id FROM jotrs_observer_incident");
            long ticketId = count(database, "SELECT ticket_id FROM jotrs_observer_incident");

            assertThat(trackers.jiraIssues).hasSize(1);
            FakeTrackers.JiraIssue jira = trackers.jiraIssues.getFirst();
            String label = text(database, "SELECT x.client_ref FROM jotrs_observer_export x JOIN jotrs_observer_export_target t ON t.id = x.target_id WHERE t.kind = 'jira'");
            assertThat(label).startsWith("jotrs-incident-" + incidentId + "-");
            assertThat(jira.fields().path("labels").get(0).asString()).isEqualTo(label);
            assertThat(jira.fields().path("issuetype").path("name").asString()).isEqualTo("Bug");
            assertThat(jira.fields().path("summary").asString()).isEqualTo("Error loop: TypeError: checkout is undefined on /checkout/:id");
            assertThat(jira.fields().path("description").toString())
                    .contains("\"href\":\"" + PUBLIC_URL + "/observer/incidents/" + incidentId + "\"",
                            "\"href\":\"" + PUBLIC_URL + "/tickets/" + ticketId + "\"");
            assertThat(trackers.callsOf("jira.create")).as("500, lost, and no third").isEqualTo(2);
            assertThat(trackers.callsOf("jira.search")).isEqualTo(3);
            assertThat(gapAfter(trackers, "jira.search", 0)).as("Retry-After honoured").isGreaterThanOrEqualTo(900);

            assertThat(trackers.linearIssues).hasSize(1);
            String linearId = text(database, "SELECT x.client_ref FROM jotrs_observer_export x JOIN jotrs_observer_export_target t ON t.id = x.target_id WHERE t.kind = 'linear'");
            assertThat(trackers.linearIssues).containsKey(linearId);
            assertThat(trackers.linearIssues.get(linearId).input().path("description").asString())
                    .contains("(" + PUBLIC_URL + "/observer/incidents/" + incidentId + ")");
            assertThat(trackers.attachments).hasSize(1);
            JsonNode attachment = trackers.attachments.getFirst();
            assertThat(attachment.path("issueId").asString()).isEqualTo(linearId);
            assertThat(attachment.path("url").asString()).isEqualTo(PUBLIC_URL + "/observer/incidents/" + incidentId);
            assertThat(gapAfter(trackers, "linear.create", 0)).as("RATELIMITED's reset honoured").isGreaterThanOrEqualTo(900);

            String page = agent.get("/observer/incidents/" + incidentId).body();
            assertThat(page).contains(trackers.baseUrl() + "/browse/" + jira.key(), ">" + jira.key() + "<",
                    "https://linear.app/acme/issue/eng-1", "created");

            // A tracker that keeps failing: the incident says so, with the next attempt; nothing is stored twice.
            trackers.always500 = true;
            assertThat(client.post(key, ORIGIN, errorLoop("total is NaN")).statusCode()).isEqualTo(202);
            awaitTrue(() -> count(database, "SELECT COUNT(*) FROM jotrs_observer_incident") == 2, Duration.ofSeconds(20));
            long failingId = count(database, "SELECT MAX(id) FROM jotrs_observer_incident");
            awaitTrue(() -> count(database, "SELECT MIN(attempts) FROM jotrs_observer_export WHERE incident_id = " + failingId) >= 2,
                    Duration.ofSeconds(20));
            String failing = agent.get("/observer/incidents/" + failingId).body();
            assertThat(failing).contains("Jira answered HTTP 500", "Linear answered HTTP 500", "still trying", "next attempt", "Retry now");
            assertThat(count(database, "SELECT COUNT(*) FROM jotrs_observer_export WHERE status = 'created'")).isEqualTo(2);
            long exportId = count(database, "SELECT MIN(id) FROM jotrs_observer_export WHERE incident_id = " + failingId);
            trackers.always500 = false;
            assertThat(agent.submit("/observer/incidents/" + failingId, "/observer/incidents/" + failingId + "/exports/" + exportId + "/retry",
                    Map.of()).statusCode()).isEqualTo(302);
            awaitTrue(() -> count(database, "SELECT COUNT(*) FROM jotrs_observer_export WHERE status = 'created'") == 4,
                    Duration.ofSeconds(40));
            assertThat(trackers.jiraIssues).hasSize(2);
            assertThat(trackers.linearIssues).hasSize(2);

            // A target added after an incident opened its ticket: nothing is filed by itself; "Export now" files it once.
            long blogId = sites.create(1, new SiteSettings("Blog", ORIGIN, 2, 1, 0, 3, 1000, 30, 2500, 1000, 5, "", 30));
            ExportTargets targets = jotrs.bean(ExportTargets.class);
            targets.save(1, blogId, ExportTargets.Kind.JIRA, new ExportTargets.Settings(trackers.baseUrl(), FakeTrackers.JIRA_EMAIL,
                    "BLOG", "Task", jiraToken));
            assertThat(client.post(sites.issueKey(1, blogId).key(), ORIGIN, errorLoop("post is undefined")).statusCode()).isEqualTo(202);
            awaitTrue(() -> count(database, "SELECT COUNT(*) FROM jotrs_observer_export WHERE status = 'created'") == 5,
                    Duration.ofSeconds(40));
            long blogIncident = count(database, "SELECT id FROM jotrs_observer_incident WHERE site_id = " + blogId);
            String incidentPage = "/observer/incidents/" + blogIncident;
            assertThat(agent.get(incidentPage).body()).doesNotContain("Not exported yet", "Export now");
            targets.save(1, blogId, ExportTargets.Kind.LINEAR, new ExportTargets.Settings("", "", "team-blog", "", linearKey));
            assertThat(count(database, "SELECT COUNT(*) FROM jotrs_observer_export WHERE incident_id = " + blogIncident)).isEqualTo(1);
            assertThat(agent.get(incidentPage).body()).contains("Not exported yet", "Export now");
            assertThat(agent.submit(incidentPage, incidentPage + "/exports", Map.of()).statusCode()).isEqualTo(302);
            awaitTrue(() -> count(database, "SELECT COUNT(*) FROM jotrs_observer_export WHERE status = 'created'") == 6,
                    Duration.ofSeconds(40));
            assertThat(trackers.linearIssues).hasSize(3);
            assertThat(trackers.jiraIssues).hasSize(3);
            assertThat(agent.get(incidentPage).body()).doesNotContain("Not exported yet", "Export now");
            assertThat(jotrs.bean(Incidents.class).exportNow(1, blogIncident)).as("nothing left to export").isEmpty();
            assertThat(count(database, "SELECT COUNT(*) FROM jotrs_observer_export WHERE incident_id = " + blogIncident)).isEqualTo(2);

            String logged = jotrs.consoleOutput() + logs.text();
            assertThat(logged).contains("observer export incident=" + incidentId).doesNotContain(jiraToken, linearKey);
            String audit = text(database, "SELECT COUNT(*) FROM jotrs_audit_log WHERE changes LIKE '%" + jiraToken.substring(0, 12) + "%'");
            assertThat(audit).isEqualTo("0");
        }
    }

    @OnEveryDatabase
    void aNodeThatStopsDuringTheCreateLeavesNoSecondIssue(DatabaseKind kind) throws Exception {
        String jiraToken = "ATATT3xFfGF0-jira-" + UUID.randomUUID();
        byte[] secretKey = new byte[32];
        new SecureRandom().nextBytes(secretKey);
        try (FakeTrackers trackers = new FakeTrackers(jiraToken, "lin_api_unused"); TestDatabase database = TestDatabase.create(kind)) {
            // The stopping node waits 1 s (not the default 20 s) for the export that waits for Jira's
            // answer, then interrupts it: the same stop mid-call, sooner.
            String[] arguments = {"--jotrs.secret-key=" + Base64.getEncoder().encodeToString(secretKey),
                    "--jotrs.observer.export-interval=100ms", "--jotrs.observer.export-timeout=30s",
                    "--jotrs.observer.export-backoff=200ms", "--jotrs.mail.notifications.public-url=" + PUBLIC_URL,
                    "--jotrs.scheduler.shutdown-max-wait=1s"};
            try (RunningJotrs jotrs = RunningJotrs.start(database, arguments)) {
                ObservedSites sites = jotrs.bean(ObservedSites.class);
                long siteId = sites.create(1, new SiteSettings("Shop", ORIGIN, 2, 1, 0, 3, 1000, 30, 2500, 1000, 5, "", 30));
                jotrs.bean(ExportTargets.class).save(1, siteId, ExportTargets.Kind.JIRA, new ExportTargets.Settings(
                        trackers.baseUrl(), FakeTrackers.JIRA_EMAIL, "OPS", "Task", jiraToken));
                // Jira creates the issue, then the node stops while it waits for the answer.
                trackers.plan("jira.create", "lose");
                assertThat(new ObserverClient(jotrs.baseUrl()).post(sites.issueKey(1, siteId).key(), ORIGIN,
                        errorLoop("basket is null")).statusCode()).isEqualTo(202);
                awaitTrue(() -> trackers.jiraIssues.size() == 1, Duration.ofSeconds(30));
            }
            assertThat(text(database, "SELECT status FROM jotrs_observer_export")).isEqualTo("pending");
            assertThat(count(database, "SELECT attempts FROM jotrs_observer_export")).as("counted before the call").isEqualTo(1);
            try (RunningJotrs again = RunningJotrs.start(database, arguments)) {
                awaitTrue(() -> "created".equals(text(database, "SELECT status FROM jotrs_observer_export")), Duration.ofSeconds(30));
            }
            assertThat(trackers.jiraIssues).hasSize(1);
            assertThat(trackers.callsOf("jira.search")).isEqualTo(1);
            assertThat(trackers.callsOf("jira.create")).isEqualTo(1);
            assertThat(text(database, "SELECT external_key FROM jotrs_observer_export")).isEqualTo("OPS-1");
        }
    }

    /** Five times the same error in one new session: one error loop. */
    static String errorLoop(String message) {
        long now = System.currentTimeMillis();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(ObserverClient.error(now - 3000 + i * 100, PAGE, message));
        }
        return ObserverClient.batch("sess-" + UUID.randomUUID(), now, events);
    }

    /** Milliseconds between the n-th call of an operation (from 0) and the next call of any kind of the same tracker. */
    static long gapAfter(FakeTrackers trackers, String operation, int n) {
        String tracker = operation.substring(0, operation.indexOf('.'));
        List<FakeTrackers.Call> calls;
        synchronized (trackers.calls) {
            calls = List.copyOf(trackers.calls);
        }
        int seen = -1;
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).operation().equals(operation) && ++seen == n) {
                for (int j = i + 1; j < calls.size(); j++) {
                    if (calls.get(j).operation().startsWith(tracker + ".")) {
                        return calls.get(j).at() - calls.get(i).at();
                    }
                }
            }
        }
        throw new AssertionError("no call after " + operation + " #" + n);
    }
}
