package org.b24backlog.demoportal.ui;

import java.net.URI;

import org.b24backlog.demoportal.install.FrameLaunch;

/**
 * An app frame on a portal page: the iframe with its {@code DOMAIN|PROTOCOL|APP_SID} name and the hidden form that
 * posts the frame parameters into it.
 *
 * @param appOrigin origin of the framed URL; the page accepts {@code postMessage} only from it
 */
public record FrameView(FrameLaunch launch, String appOrigin, boolean admin) {

    public static FrameView of(FrameLaunch launch, boolean admin) {
        URI uri = URI.create(launch.url());
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return new FrameView(launch, uri.getScheme() + "://" + uri.getHost() + port, admin);
    }
}
