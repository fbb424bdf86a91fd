package org.b24backlog.installation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.b24backlog.demoportal.DemoData;
import org.b24backlog.demoportal.DemoPortal;
import org.b24backlog.demoportal.install.EventDelivery;
import org.b24backlog.demoportal.install.InstallEventMode;
import org.b24backlog.demoportal.install.InstallOptions;
import org.b24backlog.demoportal.install.InstallResult;
import org.b24backlog.testsupport.AppFrames;
import org.b24backlog.testsupport.Installs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** ONAPPINSTALL may arrive after the installer page, or never; either way the installation works once. */
@QuarkusTest
class InstallOrderTest {

    @Inject
    DemoPortal portal;

    @BeforeEach
    void reset() {
        Installs.reset(portal);
    }

    @Test
    void installerPageAloneInstalls() {
        InstallResult result = portal.install(InstallOptions.defaults().withEventMode(InstallEventMode.NEVER));

        Response installer = AppFrames.open(result.installerFrame());
        assertThat(installer.statusCode()).isEqualTo(200);
        assertThat(portal.finishInstall()).isTrue();

        assertThat(installation().state).isEqualTo(InstallationState.INSTALLED);
        assertThat(portal.placements()).hasSize(1);
        Response app = AppFrames.open(portal.launch(DemoData.USER_SCRUM_MASTER, "DEFAULT", Map.of()));
        assertThat(app.statusCode()).isEqualTo(200);
        // The application token came with the installer page, so the uninstall event is accepted.
        assertThat(portal.uninstall(false)).singleElement().satisfies(d -> assertThat(d.httpStatus()).isEqualTo(200));
        assertThat(installation().state).isEqualTo(InstallationState.UNINSTALLED);
    }

    @Test
    void lateInstallEventKeepsOneInstallation() throws Exception {
        InstallResult result = portal.install(InstallOptions.defaults().withEventMode(InstallEventMode.HELD));
        assertThat(AppFrames.open(result.installerFrame()).statusCode()).isEqualTo(200);
        assertThat(portal.finishInstall()).isTrue();

        assertThat(portal.releaseInstallEvent()).isTrue();
        EventDelivery late = result.installEvent().get(30, TimeUnit.SECONDS);

        assertThat(late.httpStatus()).isEqualTo(200);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Installation.count())).isEqualTo(1);
        assertThat(portal.placements()).as("the tab is bound once").hasSize(1);
        assertThat(portal.eventBindings()).as("the uninstall handler is bound once").hasSize(1);
        assertThat(AppFrames.open(portal.launchGroupTab(DemoData.USER_SCRUM_MASTER, DemoData.SCRUM_MOBILE)).statusCode())
                .isEqualTo(200);
    }

    private Installation installation() {
        return QuarkusTransaction.requiringNew().call(() -> Installation.findByMemberId(portal.memberId()).orElseThrow());
    }
}
