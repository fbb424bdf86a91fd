package org.b24backlog.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.b24backlog.audit.AuditEntry;
import org.b24backlog.demoportal.DemoData;
import org.b24backlog.demoportal.DemoPortal;
import org.b24backlog.demoportal.install.EventDelivery;
import org.b24backlog.demoportal.install.InstallResult;
import org.b24backlog.installation.Installation;
import org.b24backlog.installation.PortalToken;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;

/** Puts the demo portal and the app's database into a known state, and installs the app as an admin would. */
public final class Installs {

    private Installs() {
    }

    /** Reseeds the demo portal, empties the app's tables and clears the app client's record of the portal's budgets. */
    public static void reset(DemoPortal portal) {
        portal.reset();
        io.quarkus.arc.Arc.container().instance(org.b24backlog.backlog.ReferenceCache.class).get().forget(portal.memberId());
        io.quarkus.arc.Arc.container().instance(org.b24backlog.bitrix.BitrixClient.class).get()
                .forgetOperatingBudget(portal.memberId());
        QuarkusTransaction.requiringNew().run(() -> {
            AuditEntry.deleteAll();
            PortalToken.deleteAll();
            Installation.deleteAll();
        });
    }

    /** Installs: the install event and the installer page, then installFinish. Returns the application token. */
    public static String install(DemoPortal portal) throws Exception {
        InstallResult result = portal.install();
        EventDelivery event = result.installEvent().get(30, TimeUnit.SECONDS);
        assertThat(event.httpStatus()).as("answer to ONAPPINSTALL").isEqualTo(200);
        Response installer = AppFrames.open(result.installerFrame());
        assertThat(installer.statusCode()).as("installer page").isEqualTo(200);
        assertThat(installer.body().asString()).contains("data-install-finish=\"true\"");
        assertThat(portal.finishInstall()).isTrue();
        return result.applicationToken();
    }

    /**
     * Reseeds the demo portal with its rate limit off, installs the app and opens the Mobile app Scrum tab as the
     * portal's admin. Returns that page's session token, with the portal's journal emptied.
     */
    public static String adminSessionWithoutRateLimit(DemoPortal portal) throws Exception {
        reset(portal);
        portal.setRateLimitEnabled(false);
        install(portal);
        String session = AppFrames.sessionToken(
                AppFrames.open(portal.launchGroupTab(DemoData.USER_ADMIN, DemoData.SCRUM_MOBILE)).body().asString());
        portal.clearJournal();
        return session;
    }
}
