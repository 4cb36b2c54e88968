package org.clientclub.workflow.internal;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptionException;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Staff passwords in the engine's identity tables are hashed with bcrypt (Spring Security's encoder) instead of the
 * engine's salted SHA-512. The engine stores {@code {BCRYPT}$2a$...}; hashes written before, {@code {SHA-512}...}, still
 * verify through the engine's own checker and are rewritten as bcrypt at the next successful log-in
 * ({@link CamundaStaffDirectory#authenticate}).
 *
 * <p>bcrypt salts every hash itself and reads at most 72 bytes, so the engine's own salt, which it appends to the
 * password before hashing, is left empty for new hashes: appended, it would take 24 of those bytes.
 */
@Component
public class StaffPasswordHashing extends AbstractProcessEnginePlugin {

    static final String ALGORITHM = "BCRYPT";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setPasswordEncryptor(new Bcrypt());
        configuration.setSaltGenerator(() -> "");
    }

    /** Whether a stored password (with the engine's prefix) is a current bcrypt hash. */
    static boolean isCurrent(String storedPassword) {
        return storedPassword != null && storedPassword.startsWith("{" + ALGORITHM + "}");
    }

    static final class Bcrypt implements PasswordEncryptor {

        /** bcrypt's own limit: longer passwords would be cut without a word. */
        static final int MAX_BYTES = 72;

        private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();

        @Override
        public String encrypt(String password) {
            if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
                throw new PasswordEncryptionException(
                        "A staff password may be at most " + MAX_BYTES + " bytes long (UTF-8)");
            }
            return encoder.encode(password);
        }

        @Override
        public boolean check(String password, String encrypted) {
            return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES
                    && encoder.matches(password, encrypted);
        }

        @Override
        public String hashAlgorithmName() {
            return ALGORITHM;
        }
    }
}
