package org.b24backlog.demoportal.ui;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.b24backlog.demoportal.DemoPortalConfig;
import org.b24backlog.demoportal.PortalUrls;
import org.b24backlog.demoportal.data.DemoUser;
import org.b24backlog.demoportal.data.PortalStore;
import org.b24backlog.demoportal.install.FrameLaunch;
import org.b24backlog.demoportal.install.FrameSessions;
import org.b24backlog.demoportal.install.InstallationService;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.logging.Log;

/**
 * Calls the portal page's script makes for its frames: fresh tokens for {@code BX24.refreshAuth()} and the install
 * finish for {@code BX24.installFinish()}. A call must come from the portal host and from the user who opened the
 * frame.
 */
@Path("/demo-portal/frame/{appSid}")
@IfBuildProfile(anyOf = { "dev", "test" })
public class FrameApiResource {

    @Inject
    FrameSessions frames;

    @Inject
    InstallationService installations;

    @Inject
    PortalStore store;

    @Inject
    PortalUrls urls;

    @Inject
    DemoPortalConfig config;

    @Inject
    ObjectMapper mapper;

    @POST
    @Path("auth")
    @Produces(MediaType.APPLICATION_JSON)
    public Response refreshAuth(@PathParam("appSid") String appSid, @Context HttpHeaders headers) {
        FrameLaunch frame = ownFrame(appSid, headers);
        if (frame == null) {
            return notFound(appSid);
        }
        return Response.ok(describe(installations.refreshFrame(frame))).build();
    }

    @POST
    @Path("install-finish")
    @Produces(MediaType.APPLICATION_JSON)
    public Response installFinish(@PathParam("appSid") String appSid, @Context HttpHeaders headers) {
        FrameLaunch frame = ownFrame(appSid, headers);
        if (frame == null) {
            return notFound(appSid);
        }
        if (!frame.install()) {
            // Outside the installer, installFinish only runs the init handlers, so there is nothing to reload.
            return Response.ok(mapper.createObjectNode().put("reload", false)).build();
        }
        installations.finishInstall();
        FrameLaunch app = installations.launch(frame.userId(), config.app().applicationUrl(), "DEFAULT",
                Map.of(), false);
        ObjectNode body = describe(app);
        body.put("reload", true);
        return Response.ok(body).build();
    }

    private FrameLaunch ownFrame(String appSid, HttpHeaders headers) {
        if (!urls.isPortalHost(headers.getHeaderString(HttpHeaders.HOST))) {
            return null;
        }
        DemoUser viewer = PortalSession.viewer(store, headers, null);
        return frames.find(appSid).filter(frame -> frame.userId() == viewer.id()).orElse(null);
    }

    private Response notFound(String appSid) {
        Log.infof("Demo portal frame call for unknown APP_SID %s", appSid);
        return Response.status(404).type(MediaType.APPLICATION_JSON)
                .entity(mapper.createObjectNode().put("error", "Unknown frame " + appSid + " for this user."))
                .build();
    }

    /** Describes the frame post as JSON, which the page script puts into the hidden form and returns to {@code BX24} calls. */
    private ObjectNode describe(FrameLaunch launch) {
        ObjectNode body = mapper.createObjectNode();
        body.put("action", launch.actionUrl());
        body.put("name", launch.frameName());
        body.put("sid", launch.appSid());
        body.put("install", launch.install());
        ObjectNode fields = body.putObject("fields");
        launch.form().forEach(fields::put);
        return body;
    }
}
