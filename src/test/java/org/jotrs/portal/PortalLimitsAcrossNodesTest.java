package org.jotrs.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jotrs.platform.DatabaseKind;
import org.jotrs.platform.RateLimit;
import org.jotrs.platform.RateLimits;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;

/**
 * The portal's mail request limits hold for the cluster, not per node: two applications on one
 * database share a login's allowance (five password-reset requests split over both, the sixth
 * refused on either), a node started afterwards still refuses, and two nodes asking at the same
 * moment for the last share get it exactly once. On all three databases.
 */
class PortalLimitsAcrossNodesTest {

    private static final String FORGOT = "/customer/password/forgot";

    @OnEveryDatabase
    void twoNodesShareTheAllowanceAndARestartKeepsIt(DatabaseKind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind)) {
            RunningJotrs a = RunningJotrs.start(database);
            try (RunningJotrs b = RunningJotrs.start(database)) {
                AgentHttp onA = a.agent();
                AgentHttp onB = b.agent();
                // An unknown login: counted exactly as a known one (nothing is looked up before the limit).
                String login = "nobody-" + kind.name().toLowerCase(java.util.Locale.ROOT);
                List<AgentHttp> nodes = List.of(onA, onB, onA, onB, onA);
                for (int i = 0; i < nodes.size(); i++) {
                    HttpResponse<String> answered = nodes.get(i).submit(FORGOT, FORGOT, Map.of("loginOrEmail", login));
                    assertThat(answered.statusCode()).as("request %d, on node %s", i + 1, i % 2 == 0 ? "A" : "B").isEqualTo(200);
                }
                for (AgentHttp node : List.of(onB, onA)) {
                    HttpResponse<String> refused = node.submit(FORGOT, FORGOT, Map.of("loginOrEmail", " NOBODY-" + kind.name() + " "));
                    assertThat(refused.statusCode()).as("the sixth request, on either node").isEqualTo(429);
                    // One share grows back every 12 minutes (5 an hour); 11 if this test took over a minute so far.
                    assertThat(refused.body()).containsPattern("Too many requests. Please try again in 1[12] minutes.");
                    assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                            seconds -> assertThat(seconds).isIn("660", "720"));
                }
                assertThat(onB.submit(FORGOT, FORGOT, Map.of("loginOrEmail", login + "-other")).statusCode())
                        .as("another login from the same client").isEqualTo(200);

                lastShareIsTakenOnce(a.bean(RateLimits.class), b.bean(RateLimits.class), kind);

                a.close();
                try (RunningJotrs c = RunningJotrs.start(database)) {
                    HttpResponse<String> afterRestart = c.agent().submit(FORGOT, FORGOT, Map.of("loginOrEmail", login));
                    assertThat(afterRestart.statusCode()).as("a node started afterwards counts on").isEqualTo(429);
                }
            } finally {
                a.close();
            }
        }
    }

    /** Rounds of two nodes (two threads each) asking at the same moment: a fresh subject (both INSERT) and a last share (both UPDATE). */
    private static void lastShareIsTakenOnce(RateLimits onA, RateLimits onB, DatabaseKind kind) throws Exception {
        RateLimit one = new RateLimit("test.race-one", 1, Duration.ofHours(1));
        RateLimit three = new RateLimit("test.race-three", 3, Duration.ofHours(1));
        List<RateLimits> askers = List.of(onA, onB, onA, onB);
        ExecutorService threads = Executors.newFixedThreadPool(askers.size());
        try {
            for (int round = 0; round < 15; round++) {
                String subject = kind + "-round-" + round;
                boolean fresh = round % 2 == 0;
                RateLimit limit = fresh ? one : three;
                if (!fresh) {
                    assertThat(onA.take(limit, subject)).isZero();
                    assertThat(onB.take(limit, subject)).isZero();
                }
                CyclicBarrier together = new CyclicBarrier(askers.size());
                List<Future<Duration>> answers = new ArrayList<>();
                for (RateLimits asker : askers) {
                    Callable<Duration> ask = () -> {
                        together.await();
                        return asker.take(limit, subject);
                    };
                    answers.add(threads.submit(ask));
                }
                int taken = 0;
                for (Future<Duration> answer : answers) {
                    Duration wait = answer.get();
                    if (wait.isZero()) {
                        taken++;
                    } else {
                        assertThat(wait).as("a refusal says how long: until one share grew back").isPositive()
                                .isLessThanOrEqualTo(Duration.ofMillis(limit.intervalMillis()));
                    }
                }
                assertThat(taken).as("round %d (%s): requests that got the last share", round, fresh ? "fresh subject" : "last of three")
                        .isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
