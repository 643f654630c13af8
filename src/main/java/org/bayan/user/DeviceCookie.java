package org.bayan.user;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bayan.platform.persistence.Transactions;

/**
 * The device cookie of OWASP's "Slow Down Online Guessing Attacks with Device Cookies": a
 * browser that once logged in as an account carries proof of it, so a lock meant for guessers
 * at its address (a shared office or newsroom NAT, a proxy) need not keep it out
 * ({@link LoginThrottle}). The value is {@code name.nonce.expiry.mac}: the account name, a
 * random nonce naming this device, when it stops counting, and an HMAC-SHA256 of the three
 * under a secret of the site's, so nobody can make one for an account they have never logged
 * in to.
 */
public final class DeviceCookie {

    public static final String NAME = "bayan_device";
    public static final Duration LIFETIME = Duration.ofDays(180);
    /** Where the secret is kept: in the database, so it survives restarts and all servers share it. */
    static final String SETTING = "login.device_secret";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    private final byte[] secret;
    private final Clock clock;

    public DeviceCookie(byte[] secret, Clock clock) {
        this.secret = secret.clone();
        this.clock = clock;
    }

    /** The site's secret, made (32 random bytes) and stored the first time a server starts. */
    public static byte[] secret(Transactions tx) {
        String fresh = B64.encodeToString(random(32));
        String stored = tx.inTransaction(em -> {
            // Insert only if absent: two servers starting at once keep the same, first, secret.
            em.createNativeQuery("insert into site_setting (setting_name, setting_value) select ?1, ?2 "
                    + "where not exists (select 1 from site_setting where setting_name = ?1)")
                    .setParameter(1, SETTING).setParameter(2, fresh).executeUpdate();
            List<?> rows = em.createNativeQuery("select setting_value from site_setting where setting_name = ?1")
                    .setParameter(1, SETTING).getResultList();
            return (String) rows.get(0);
        });
        return UNB64.decode(stored);
    }

    /** A new cookie value for this account, naming a new device. */
    public String issue(String username) {
        String body = B64.encodeToString(normal(username).getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(random(16)) + "." + clock.instant().plus(LIFETIME).getEpochSecond();
        return body + "." + mac(body);
    }

    /**
     * The device's nonce if {@code value} is a genuine, unexpired cookie of this account name,
     * otherwise null (absent, forged, expired, or another account's).
     */
    public String verify(String value, String username) {
        if (value == null || value.length() > 400) return null;
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4) return null;
        String body = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(mac(body).getBytes(StandardCharsets.US_ASCII), parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        try {
            if (Long.parseLong(parts[2]) <= clock.instant().getEpochSecond()) return null;
            String name = new String(UNB64.decode(parts[0]), StandardCharsets.UTF_8);
            return name.equals(normal(username)) ? parts[1] : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String normal(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
