package org.b24backlog.backlog;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.b24backlog.frame.FrameRequest;
import org.b24backlog.frame.FrameSession;
import org.b24backlog.frame.FrameVerifier;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/**
 * Where the portal opens the app: the application URL (the left menu item, placement {@code DEFAULT}) and the
 * workgroup tab ({@code SONET_GROUP_DETAIL_TAB}). Each frame POST is verified before anything is shown.
 */
@Path("/")
public class EntryResource {

    private final FrameVerifier verifier;
    private final BacklogPages pages;
    private final ObjectMapper json;

    public EntryResource(FrameVerifier verifier, BacklogPages pages, ObjectMapper json) {
        this.verifier = verifier;
        this.pages = pages;
        this.json = json;
    }

    @POST
    @Path("app")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response application(@Context UriInfo uri, MultivaluedMap<String, String> form) {
        FrameRequest request = FrameRequest.parse(uri.getQueryParameters(), form, json);
        FrameSession session = verifier.verify(request);
        return pages.groups(session);
    }

    @POST
    @Path("placement/group-tab")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response groupTab(@Context UriInfo uri, MultivaluedMap<String, String> form) {
        FrameRequest request = FrameRequest.parse(uri.getQueryParameters(), form, json);
        FrameSession session = verifier.verify(request);
        String groupId = request.groupId();
        if (groupId == null) {
            Log.infof("Group tab of portal %s opened without PLACEMENT_OPTIONS.GROUP_ID; showing the Scrum list", session.memberId());
            return pages.groups(session);
        }
        InvalidInputException.requireId(groupId, "GROUP_ID in PLACEMENT_OPTIONS");
        return pages.backlog(session, groupId, null);
    }
}
