package org.b24backlog.demoportal.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.b24backlog.demoportal.data.PortalStore;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Static files of the portal from {@code src/main/resources/demoportal/}: the {@code BX24} frame library stand-in at
 * {@code /demo-portal/frame-sdk.js}, the portal's CSS and script, and generated avatars. They are served here rather
 * than from {@code META-INF/resources} so that the production build leaves them out with the rest of the portal.
 */
@Path("/demo-portal")
@IfBuildProfile(anyOf = { "dev", "test" })
public class PortalStaticResource {

    private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9-]+\\.(css|js)");
    private static final String[] AVATAR_COLOURS = { "#2fc6f6", "#9dcf00", "#ff5752", "#fbd14b", "#a77bde",
            "#55d0e0" };

    @Inject
    PortalStore store;

    @GET
    @Path("frame-sdk.js")
    public Response frameSdk() {
        return file("frame-sdk.js");
    }

    @GET
    @Path("static/{name}")
    public Response file(@PathParam("name") String name) {
        if (!FILE_NAME.matcher(name).matches()) {
            return Response.status(404).build();
        }
        byte[] content = read("demoportal/" + name);
        if (content == null) {
            return Response.status(404).build();
        }
        String type = name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
        return Response.ok(content, type).header("Cache-Control", "no-cache").build();
    }

    /** Returns an SVG circle with the user's initials, so that {@code PERSONAL_PHOTO} points at a real image. */
    @GET
    @Path("static/avatar/{userId: [0-9]+}.svg")
    public Response avatar(@PathParam("userId") int userId) {
        return store.user(userId).map(user -> {
            String initials = user.name().substring(0, 1) + user.lastName().substring(0, 1);
            String colour = AVATAR_COLOURS[userId % AVATAR_COLOURS.length];
            String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\" viewBox=\"0 0 64 64\">"
                    + "<circle cx=\"32\" cy=\"32\" r=\"32\" fill=\"" + colour + "\"/>"
                    + "<text x=\"32\" y=\"41\" font-family=\"Arial, sans-serif\" font-size=\"24\" fill=\"#fff\" "
                    + "text-anchor=\"middle\">" + initials + "</text></svg>";
            return Response.ok(svg, "image/svg+xml").build();
        }).orElse(Response.status(404).build());
    }

    private static byte[] read(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + path + " failed", e);
        }
    }
}
