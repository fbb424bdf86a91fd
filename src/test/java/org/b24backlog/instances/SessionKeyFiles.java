package org.b24backlog.instances;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * A session key pair in PEM files under {@code target}, generated once per test run, so that two app instances sign
 * and verify session tokens with the same keys as a real deployment's instances do.
 */
final class SessionKeyFiles {

    static final Path DIRECTORY = Path.of("target", "two-instances");
    static final Path PRIVATE_KEY = DIRECTORY.resolve("session-private.pem");
    static final Path PUBLIC_KEY = DIRECTORY.resolve("session-public.pem");

    private SessionKeyFiles() {
    }

    /** Writes a fresh RSA pair unless this run has written one already. */
    static synchronized void ensureWritten() {
        if (Files.isRegularFile(PRIVATE_KEY) && Files.isRegularFile(PUBLIC_KEY)) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(DIRECTORY);
            Files.writeString(PRIVATE_KEY, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(PUBLIC_KEY, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the session key files under " + DIRECTORY + " failed", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
