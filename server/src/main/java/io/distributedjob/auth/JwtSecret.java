package io.distributedjob.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

import io.distributedjob.config.AuthSettings;
import io.distributedjob.config.DatabaseSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMAC key that signs tokens: {@code auth.jwtSecret} when configured (at least 256 bits, never the spec's
 * sample), otherwise a random key generated once and kept in the data directory beside the embedded database,
 * readable by the owner only.
 */
final class JwtSecret {

    static final int MIN_BYTES = 32;
    static final String FILE_NAME = "jwt-secret";
    private static final int GENERATED_BYTES = 64;
    private static final Set<String> PUBLISHED_SAMPLES = Set.of("your-secret-key");

    private static final Logger log = LoggerFactory.getLogger(JwtSecret.class);

    private JwtSecret() {
    }

    static byte[] resolve(AuthSettings auth, DatabaseSettings database) {
        String configured = auth.jwtSecret();
        if (configured != null && !configured.isEmpty()) {
            return checked(configured);
        }
        Path file = Path.of(database.embeddedPath()).toAbsolutePath().normalize().resolve(FILE_NAME);
        byte[] secret = Files.exists(file) ? read(file) : generate(file);
        if (!database.embedded()) {
            log.warn("auth.jwtSecret is empty: using the secret kept in {}. Instances sharing a database must share"
                    + " one auth.jwtSecret, or tokens of one are refused by the others", file);
        }
        return secret;
    }

    private static byte[] checked(String configured) {
        if (PUBLISHED_SAMPLES.contains(configured.strip().toLowerCase(Locale.ROOT))) {
            throw new AuthConfigurationException("auth.jwtSecret is the published sample value: set a random secret of at"
                    + " least " + MIN_BYTES + " bytes, or leave it empty to have one generated");
        }
        byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES) {
            throw new AuthConfigurationException("auth.jwtSecret is " + bytes.length + " bytes long: it must be at least "
                    + MIN_BYTES + " bytes (256 bits), or empty to have one generated");
        }
        return bytes;
    }

    private static byte[] read(Path file) {
        try {
            byte[] secret = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (secret.length < MIN_BYTES) {
                throw new AuthConfigurationException("auth.jwtSecret is empty and the stored secret " + file
                        + " is shorter than " + MIN_BYTES + " bytes: delete the file to have a new one generated");
            }
            return secret;
        } catch (IOException | IllegalArgumentException e) {
            throw new AuthConfigurationException("auth.jwtSecret is empty and the stored secret " + file
                    + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static byte[] generate(Path file) {
        byte[] secret = new byte[GENERATED_BYTES];
        new SecureRandom().nextBytes(secret);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            restrictToOwner(temporary);
            Files.writeString(temporary, Base64.getEncoder().encodeToString(secret), StandardCharsets.US_ASCII,
                    StandardOpenOption.TRUNCATE_EXISTING);
            try {
                // a link fails if another process stored a secret first: then that one is used by everybody
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException e) {
                Files.delete(temporary);
                return read(file);
            } catch (UnsupportedOperationException e) {
                Files.move(temporary, file);
            }
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            throw new AuthConfigurationException("auth.jwtSecret is empty and a secret cannot be stored in " + file + ": "
                    + e.getMessage(), e);
        }
        log.info("auth.jwtSecret is empty: generated a token signing secret and stored it in {}", file);
        return secret;
    }

    private static void restrictToOwner(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        } catch (UnsupportedOperationException e) {
            log.debug("The file system of {} has no POSIX permissions", path);
        }
    }
}
