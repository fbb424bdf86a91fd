package org.b24backlog.demoportal.ui;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.b24backlog.demoportal.DemoPortal;
import org.b24backlog.demoportal.PortalUrls;
import org.b24backlog.demoportal.data.DemoGroup;
import org.b24backlog.demoportal.data.DemoUser;
import org.b24backlog.demoportal.data.PortalStore;
import org.b24backlog.demoportal.install.AppInstallation;
import org.b24backlog.demoportal.install.InstallEventMode;
import org.b24backlog.demoportal.install.InstallOptions;
import org.b24backlog.demoportal.install.InstallState;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.logging.Log;
import io.quarkus.qute.TemplateInstance;

/**
 * The portal's pages: start page, Market (install and uninstall), the app page from the left menu and workgroup pages
 * with the app's tab. Opened under another host than the portal domain they redirect to it, so that the portal and
 * the app (on {@code 127.0.0.1}) stay cross-site.
 */
@Path("/")
@IfBuildProfile(anyOf = { "dev", "test" })
public class PortalPageResource {

    @Inject
    PortalStore store;

    @Inject
    PortalUrls urls;

    @Inject
    AppInstallation installation;

    @Inject
    DemoPortal portal;

    @Inject
    GroupPageBuilder groupPages;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response start(@Context HttpHeaders headers, @Context UriInfo uri, @QueryParam("user") String user) {
        return page(headers, uri, user, "Start", "start", context -> Pages.start(context,
                context.groups().stream().filter(DemoGroup::isScrum).toList(),
                installation.state() != InstallState.NOT_INSTALLED));
    }

    @GET
    @Path("market{slash:/?}")
    @Produces(MediaType.TEXT_HTML)
    public Response market(@Context HttpHeaders headers, @Context UriInfo uri, @QueryParam("user") String user,
            @QueryParam("message") String message) {
        return page(headers, uri, user, "Market", "market", context -> Pages.market(context, installation.state(),
                installation.memberId(), installation.placements(), installation.events().size(), message));
    }

    @POST
    @Path("market/install")
    public Response install(@Context HttpHeaders headers, @FormParam("eventMode") @DefaultValue("IMMEDIATE") String mode,
            @FormParam("delaySeconds") @DefaultValue("5") int delaySeconds) {
        if (!urls.isPortalHost(headers.getHeaderString(HttpHeaders.HOST))) {
            return Response.status(404).build();
        }
        DemoUser viewer = PortalSession.viewer(store, headers, null);
        try {
            InstallOptions options = InstallOptions.defaults().withUser(viewer.id())
                    .withEventMode(InstallEventMode.valueOf(mode));
            if (options.eventMode() == InstallEventMode.DELAYED) {
                options = options.withDelay(Duration.ofSeconds(delaySeconds));
            }
            portal.install(options);
        } catch (IllegalStateException | IllegalArgumentException e) {
            Log.infof("Demo portal Market install rejected: %s", e.getMessage());
            return redirect("/market/?message=" + encode(e.getMessage()));
        }
        return redirect("/marketplace/app/" + AppInstallation.APP_ID + "/");
    }

    @POST
    @Path("market/uninstall")
    public Response uninstall(@Context HttpHeaders headers, @FormParam("clean") String clean) {
        if (!urls.isPortalHost(headers.getHeaderString(HttpHeaders.HOST))) {
            return Response.status(404).build();
        }
        DemoUser viewer = PortalSession.viewer(store, headers, null);
        if (!viewer.admin()) {
            return redirect("/market/?message=" + encode("Only a portal administrator can uninstall applications."));
        }
        portal.uninstall(clean != null);
        return redirect("/market/?message=" + encode("The application was uninstalled."));
    }

    @POST
    @Path("market/reset")
    public Response reset(@Context HttpHeaders headers) {
        if (!urls.isPortalHost(headers.getHeaderString(HttpHeaders.HOST))) {
            return Response.status(404).build();
        }
        portal.reset();
        return redirect("/market/?message=" + encode("Demo data restored and the application removed."));
    }

    @GET
    @Path("marketplace/app/{appId}{slash:/?}")
    @Produces(MediaType.TEXT_HTML)
    public Response app(@Context HttpHeaders headers, @Context UriInfo uri, @QueryParam("user") String user,
            @PathParam("appId") int appId) {
        return page(headers, uri, user, "Backlog", "app", context -> {
            if (appId != AppInstallation.APP_ID || installation.state() == InstallState.NOT_INSTALLED) {
                return Pages.app(context, null, "This application is not installed. Install it from the Market.");
            }
            if (!installation.isFinished() && !context.user().admin()) {
                return Pages.app(context, null, "The application is not fully installed yet. Please contact your "
                        + "Bitrix24 administrator to complete the installation.");
            }
            Map<String, String> options = Map.of();
            return Pages.app(context, FrameView.of(portal.launch(context.user().id(), "DEFAULT", options),
                    context.user().admin()), null);
        });
    }

    @GET
    @Path("workgroups/group/{groupId}{slash:/?}")
    @Produces(MediaType.TEXT_HTML)
    public Response group(@Context HttpHeaders headers, @Context UriInfo uri, @QueryParam("user") String user,
            @PathParam("groupId") int groupId, @QueryParam("tab") @DefaultValue("overview") String tab) {
        return page(headers, uri, user, "Workgroup", "group",
                context -> groupPages.render(context, groupId, tab));
    }

    private Response page(HttpHeaders headers, UriInfo uri, String userParameter, String title, String active,
            Function<PageContext, TemplateInstance> body) {
        String host = headers.getHeaderString(HttpHeaders.HOST);
        if (!urls.isPortalHost(host)) {
            URI target = URI.create(urls.portalBaseUrl() + uri.getRequestUri().getRawPath()
                    + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery()));
            return Response.seeOther(target).build();
        }
        DemoUser viewer = PortalSession.viewer(store, headers, userParameter);
        List<DemoGroup> groups = store.groups().stream().filter(g -> store.canSeeGroup(viewer.id(), g.id())).toList();
        PageContext context = new PageContext(viewer, store.users().stream().filter(DemoUser::active).toList(), groups,
                installation.isFinished(), "Backlog", AppInstallation.APP_ID, title, active, activeGroupId(uri),
                uri.getRequestUri().getRawPath());
        Response.ResponseBuilder response = Response.ok(body.apply(context)).type(MediaType.TEXT_HTML_TYPE);
        NewCookie cookie = PortalSession.cookieFor(userParameter, viewer);
        if (cookie != null) {
            response.cookie(cookie);
        }
        return response.build();
    }

    private static int activeGroupId(UriInfo uri) {
        String groupId = uri.getPathParameters().getFirst("groupId");
        return groupId == null ? 0 : Integer.parseInt(groupId);
    }

    private Response redirect(String path) {
        return Response.seeOther(URI.create(urls.portalBaseUrl() + path)).build();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
