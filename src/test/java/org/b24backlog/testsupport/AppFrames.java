package org.b24backlog.testsupport;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.b24backlog.demoportal.install.FrameLaunch;

import io.restassured.response.Response;

/** Sends the demo portal's frame posts to the app over real HTTP and reads what the app's pages carry. */
public final class AppFrames {

    private static final Pattern SESSION = Pattern.compile("[?&]s=([A-Za-z0-9_\\-.]+)");

    private AppFrames() {
    }

    /** POSTs a frame launch the way the portal page's hidden form does. */
    public static Response open(FrameLaunch launch) {
        return given()
                .redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .queryParams(launch.query())
                .formParams(launch.form())
                .post(launch.url());
    }

    /** The session token that the page puts into its links and forms. */
    public static String sessionToken(String html) {
        Matcher matcher = SESSION.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("The page carries no session token:\n" + html);
        }
        return matcher.group(1);
    }
}
