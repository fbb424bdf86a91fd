package org.b24backlog.installation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.b24backlog.config.AppConfig;

/**
 * Encrypts tokens at rest with AES-256-GCM. Each value gets a random 96-bit nonce, and the row it belongs to is
 * bound in as associated data, so a ciphertext copied to another row does not decrypt.
 */
@ApplicationScoped
public class TokenCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public TokenCipher(AppConfig config) {
        this.key = parseKey(config.tokenEncryptionKey());
    }

    static SecretKey parseKey(String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("app.token-encryption-key is not valid base64: generate one with "
                    + "'openssl rand -base64 32'");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("app.token-encryption-key must be 32 bytes (256 bits), but it has " + raw.length
                    + ": generate one with 'openssl rand -base64 32'");
        }
        return new SecretKeySpec(raw, "AES");
    }

    /** Encrypts {@code plaintext}; {@code context} names the row and field, for example {@code memberId|userId|access}. */
    public String encrypt(String plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Decrypts a value written by {@link #encrypt} with the same context.
     *
     * @throws IllegalStateException when the value was written with another key or for another row
     */
    public String decrypt(String ciphertext, String context) {
        if (ciphertext == null) {
            return null;
        }
        byte[] data = Base64.getDecoder().decode(ciphertext);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored token does not decrypt with app.token-encryption-key (" + context
                    + "): was the key changed?", e);
        }
    }
}
