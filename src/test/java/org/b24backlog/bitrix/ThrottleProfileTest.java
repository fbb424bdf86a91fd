package org.b24backlog.bitrix;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.b24backlog.demoportal.DemoData;
import org.b24backlog.demoportal.DemoPortal;
import org.b24backlog.demoportal.JournalEntry;
import org.b24backlog.testsupport.AppFrames;
import org.b24backlog.testsupport.Installs;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With the client's throttle set to the portal's own numbers, a run of page loads stays inside the portal's bucket:
 * the portal never has to reject a request with QUERY_LIMIT_EXCEEDED.
 */
@QuarkusTest
@TestProfile(ThrottleProfileTest.SmallBucket.class)
class ThrottleProfileTest {

    /** A small bucket on both sides, so that a short test spends it several times over. */
    public static class SmallBucket implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("b24.rate-limit.burst", "8", "b24.rate-limit.drain-per-second", "8",
                    "demo-portal.rate-limit.burst", "8", "demo-portal.rate-limit.drain-per-second", "8");
        }
    }

    @Inject
    DemoPortal portal;

    @Inject
    PortalThrottle throttle;

    @Test
    void pageLoadsStayInsidePortalBucket() throws Exception {
        Installs.reset(portal);
        portal.setRateLimitEnabled(true);
        Installs.install(portal);
        String session = AppFrames.sessionToken(
                AppFrames.open(portal.launchGroupTab(DemoData.USER_SCRUM_MASTER, DemoData.SCRUM_MOBILE)).body().asString());
        portal.clearJournal();

        // A warm page of this backlog costs one request, so 30 views spend the bucket of 8 several times over.
        for (int i = 0; i < 30; i++) {
            given().queryParam("s", session).get("/backlog/" + DemoData.SCRUM_MOBILE).then().statusCode(200);
        }

        long requests = portal.journal().stream().filter(e -> e.server().equals("portal")).count();
        assertThat(requests).as("requests sent, more than the bucket holds").isGreaterThan(16);
        assertThat(portal.journal().stream().filter(e -> "QUERY_LIMIT_EXCEEDED".equals(e.error())).map(JournalEntry::method))
                .as("requests the portal refused for its rate limit").isEmpty();
        assertThat(throttle.available(portal.memberId())).isLessThanOrEqualTo(8);
    }
}
