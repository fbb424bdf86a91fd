package org.b24backlog.demoportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.b24backlog.bitrix.BracketParams;
import org.b24backlog.demoportal.install.EventDelivery;
import org.b24backlog.demoportal.install.FrameLaunch;
import org.b24backlog.demoportal.install.InstallEventMode;
import org.b24backlog.demoportal.install.InstallOptions;
import org.b24backlog.demoportal.install.InstallResult;
import org.b24backlog.demoportal.install.InstallState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class InstallFlowTest {

    @Inject
    DemoPortal portal;

    @BeforeEach
    void setUp() {
        portal.reset();
    }

    @Test
    void installEventReachesHandler() throws Exception {
        try (EventReceiver receiver = new EventReceiver()) {
            InstallResult result = portal.install(InstallOptions.defaults().withEventHandlerUrl(receiver.url()));

            EventReceiver.Post post = receiver.next();
            EventDelivery delivery = result.installEvent().get(10, TimeUnit.SECONDS);

            assertThat(delivery.delivered()).isTrue();
            JsonNode event = BracketParams.parseToJson(post.body());
            assertThat(event.path("event").asText()).isEqualTo("ONAPPINSTALL");
            assertThat(event.path("data").path("INSTALLED").asText()).isEqualTo("N");
            assertThat(event.path("auth").path("member_id").asText()).isEqualTo(portal.memberId());
            assertThat(event.path("auth").path("application_token").asText())
                    .isEqualTo(result.applicationToken());
            assertThat(event.path("auth").path("user_id").asText()).isEqualTo("1");
            String token = event.path("auth").path("access_token").asText();
            PortalClient.call("user.admin", token, "{}").then().statusCode(200).body("result", equalTo(true));
        }
    }

    @Test
    void heldEventArrivesAfterInstallerPage() throws Exception {
        try (EventReceiver receiver = new EventReceiver()) {
            InstallResult result = portal.install(InstallOptions.defaults().withEventHandlerUrl(receiver.url())
                    .withEventMode(InstallEventMode.HELD));
            assertThat(result.installEvent()).isNotDone();
            PortalClient.call("user.current", result.installerFrame().accessToken(), "{}").then().statusCode(200);

            assertThat(portal.releaseInstallEvent()).isTrue();

            assertThat(receiver.next()).isNotNull();
            assertThat(result.installEvent().get(10, TimeUnit.SECONDS).delivered()).isTrue();
        }
    }

    @Test
    void eventSwitchedOffNeverArrives() throws Exception {
        InstallResult result = portal.install(InstallOptions.defaults().withEventMode(InstallEventMode.NEVER));

        EventDelivery delivery = result.installEvent().get(1, TimeUnit.SECONDS);

        assertThat(delivery.delivered()).isFalse();
        assertThat(portal.installState()).isEqualTo(InstallState.INSTALLED_NOT_FINISHED);
    }

    @Test
    void installerFrameCarriesFrameParameters() {
        InstallResult result = portal.install(InstallOptions.defaults().withEventMode(InstallEventMode.NEVER));

        FrameLaunch frame = result.installerFrame();

        assertThat(frame.install()).isTrue();
        assertThat(frame.url()).endsWith("/install");
        assertThat(frame.query()).containsEntry("DOMAIN", portal.domain()).containsEntry("PROTOCOL", "0")
                .containsEntry("LANG", "en").containsKey("APP_SID");
        assertThat(frame.form()).containsEntry("AUTH_EXPIRES", "3600")
                .containsEntry("SERVER_ENDPOINT", portal.serverEndpoint())
                .containsEntry("APPLICATION_TOKEN", result.applicationToken())
                .containsEntry("member_id", portal.memberId())
                .containsEntry("PLACEMENT", "DEFAULT")
                .containsEntry("PLACEMENT_OPTIONS", "[]");
        assertThat(frame.frameName()).isEqualTo(portal.domain() + "|0|" + frame.appSid());
    }

    @Test
    void placementHiddenUntilFinish() {
        portal.install(InstallOptions.defaults().withEventMode(InstallEventMode.NEVER));
        String admin = portal.issueTokens(DemoData.USER_ADMIN).accessToken();
        PortalClient.call("placement.bind", admin, """
                {"PLACEMENT": "SONET_GROUP_DETAIL_TAB", "HANDLER": "http://127.0.0.1:9/tab"}
                """).then().statusCode(200);

        assertThatThrownBy(() -> portal.launchGroupTab(DemoData.USER_DEVELOPER, 42))
                .isInstanceOf(IllegalStateException.class);
        portal.finishInstall();
        FrameLaunch tab = portal.launchGroupTab(DemoData.USER_DEVELOPER, 42);

        assertThat(tab.form()).containsEntry("PLACEMENT_OPTIONS", "{\"GROUP_ID\":\"42\",\"URI\":\"/workgroups/group/42/\"}");
        PortalClient.call("app.info", tab.accessToken(), "{}").then().body("result.INSTALLED", equalTo(true));
    }

    @Test
    void placementBindNeedsAdminAndValidHandler() {
        portal.install(InstallOptions.defaults().withEventMode(InstallEventMode.NEVER));
        String admin = portal.issueTokens(DemoData.USER_ADMIN).accessToken();
        String member = portal.issueTokens(DemoData.USER_DEVELOPER).accessToken();

        PortalClient.call("placement.bind", member, "{\"PLACEMENT\": \"SONET_GROUP_DETAIL_TAB\", "
                + "\"HANDLER\": \"http://127.0.0.1:9/tab\"}").then().statusCode(403)
                .body("error", equalTo("ACCESS_DENIED"));
        PortalClient.call("placement.bind", admin, "{\"PLACEMENT\": \"NO_SUCH_PLACE\", "
                + "\"HANDLER\": \"http://127.0.0.1:9/tab\"}").then().statusCode(200)
                .body("error", equalTo("ERROR_ARGUMENT"))
                .body("argument", equalTo("PLACEMENT"));
        PortalClient.call("placement.bind", admin, "{\"PLACEMENT\": \"SONET_GROUP_DETAIL_TAB\", "
                + "\"HANDLER\": \"http://localhost:9/tab\"}").then().statusCode(200)
                .body("error", equalTo("ERROR_ARGUMENT"))
                .body("argument", equalTo("HANDLER"));
    }

    @Test
    void boundEventsWaitForFinish() throws Exception {
        portal.install(InstallOptions.defaults().withEventMode(InstallEventMode.NEVER));
        String admin = portal.issueTokens(DemoData.USER_ADMIN).accessToken();
        try (EventReceiver receiver = new EventReceiver()) {
            PortalClient.call("event.bind", admin, "{\"event\": \"ONTASKADD\", \"handler\": \"" + receiver.url() + "\"}")
                    .then().statusCode(200).body("result", equalTo(true));
            PortalClient.call("tasks.task.add", admin, "{\"fields\": {\"TITLE\": \"Before finish\"}}").then()
                    .statusCode(200);
            portal.finishInstall();

            String afterId = PortalClient.call("tasks.task.add", admin,
                    "{\"fields\": {\"TITLE\": \"After finish\"}}").then().statusCode(200)
                    .extract().path("result.task.id");

            EventReceiver.Post post = receiver.next();
            assertThat(post).isNotNull();
            JsonNode event = BracketParams.parseToJson(post.body());
            assertThat(event.path("event").asText()).isEqualTo("ONTASKADD");
            assertThat(event.path("data").path("FIELDS_AFTER").path("ID").asText()).isEqualTo(afterId);
        }
    }

    @Test
    void reinstallGetsNewApplicationToken() {
        InstallResult first = portal.install(InstallOptions.defaults().withEventMode(InstallEventMode.NEVER));
        portal.finishInstall();
        String admin = portal.issueTokens(DemoData.USER_ADMIN).accessToken();
        PortalClient.call("placement.bind", admin, """
                {"PLACEMENT": "SONET_GROUP_DETAIL_TAB", "HANDLER": "http://127.0.0.1:9/tab"}
                """).then().statusCode(200);

        portal.uninstall(false);
        InstallResult second = portal.install(InstallOptions.defaults().withEventMode(InstallEventMode.NEVER));

        assertThat(second.applicationToken()).isNotEqualTo(first.applicationToken());
        assertThat(portal.placements()).isEmpty();
        assertThat(second.installerFrame().form().get("member_id")).isEqualTo(first.installerFrame().form()
                .get("member_id"));
    }

    @Test
    void nonAdminCannotInstall() {
        assertThatThrownBy(() -> portal.install(InstallOptions.defaults().withUser(DemoData.USER_DEVELOPER)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a portal administrator");
    }
}
