package org.clientclub.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.core.env.Environment;

/**
 * A secret given either as a setting ({@code CLIENTCLUB_X_PASSWORD}) or, better, as the file that the setting of the
 * same name with {@code -file} names ({@code CLIENTCLUB_X_PASSWORD_FILE}, a container secret; line breaks at its end
 * are not part of it). Both at once, an unreadable file or an empty one stop the start with a message that names the
 * variables, never the secret.
 *
 * @param property the setting, e.g. {@code clientclub.admin.password}; its file is {@code property + "-file"}
 * @param variable the environment variable operators set, e.g. {@code CLIENTCLUB_ADMIN_PASSWORD}
 */
record SecretSetting(String property, String variable) {

    boolean isGiven(Environment environment) {
        return !environment.getProperty(property, "").isEmpty()
                || !environment.getProperty(property + "-file", "").isBlank();
    }

    boolean isFromFile(Environment environment) {
        return !environment.getProperty(property + "-file", "").isBlank();
    }

    Optional<String> read(Environment environment) {
        String value = environment.getProperty(property, "");
        String file = environment.getProperty(property + "-file", "").trim();
        if (!value.isEmpty() && !file.isEmpty()) {
            throw new IllegalStateException("Set " + variable + " or " + variable + "_FILE, not both");
        }
        if (file.isEmpty()) {
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }
        String content;
        try {
            content = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    variable + "_FILE names " + file + ", which cannot be read ("
                            + e.getClass().getSimpleName() + ")",
                    null);
        }
        String secret = content.replaceAll("[\\r\\n]+$", "");
        if (secret.isEmpty()) {
            throw new IllegalStateException(variable + "_FILE names " + file + ", which is empty");
        }
        return Optional.of(secret);
    }
}
