package org.b24backlog.config;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.b24backlog.installation.TokenCipher;
import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start a production instance without its secrets. Dev and test mode generate a session key pair and use
 * a marked test encryption key, so the check only runs in normal (production) launch mode.
 */
@Singleton
public class ProductionSecrets {

    void check(@Observes StartupEvent event, Config config, AppConfig app, BitrixConfig bitrix, TokenCipher cipher) {
        // Injecting TokenCipher parses app.token-encryption-key, which fails loudly when it is missing or malformed.
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        requireOne(config, List.of("smallrye.jwt.sign.key.location", "smallrye.jwt.sign.key"),
                "the private key that signs session tokens");
        requireOne(config, List.of("mp.jwt.verify.publickey.location", "mp.jwt.verify.publickey"),
                "the public key that verifies session tokens");
        if (bitrix.clientSecret().isBlank()) {
            throw new IllegalStateException("b24.client-secret is empty: set B24_CLIENT_SECRET from the app's Market card");
        }
        if (app.publicUrl().startsWith("http://") && !bitrix.allowHttp()) {
            throw new IllegalStateException("app.public-url " + app.publicUrl()
                    + " is plain HTTP; Bitrix24 frames and calls only HTTPS apps");
        }
    }

    private static void requireOne(Config config, List<String> keys, String what) {
        for (String key : keys) {
            Optional<String> value = config.getOptionalValue(key, String.class);
            if (value.isPresent() && !value.get().isBlank()) {
                return;
            }
        }
        throw new IllegalStateException("Missing " + what + ": set " + String.join(" or ", keys));
    }
}
