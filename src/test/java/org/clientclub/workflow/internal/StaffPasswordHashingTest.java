package org.clientclub.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.clientclub.security.AppRoles;
import org.clientclub.security.StaffAccount;
import org.clientclub.support.ProcessTestEngine;
import org.junit.jupiter.api.Test;

/**
 * Staff passwords are stored as bcrypt through the engine's password plugin, and a hash the engine wrote before with
 * its default salted SHA-512 still logs in and is rewritten as bcrypt on that log-in. The engine is the real one on
 * PostgreSQL, without Spring.
 */
class StaffPasswordHashingTest {

    private final ProcessEngine engine = ProcessTestEngine.engine();
    private final IdentityService identity = engine.getIdentityService();
    private final CamundaStaffDirectory directory = new CamundaStaffDirectory(identity);

    @Test
    void aNewPasswordIsStoredAsBcryptAndLogsIn() {
        String username = newAccount("Пароль-с-кириллицей-1");

        User stored = identity.createUserQuery().userId(username).singleResult();
        assertThat(stored.getPassword()).startsWith("{BCRYPT}$2a$10$").doesNotContain("Пароль");
        assertThat(directory.authenticate(username, "Пароль-с-кириллицей-1"))
                .map(StaffAccount::roles)
                .hasValue(Set.of(AppRoles.CLUB_STAFF));
        assertThat(directory.authenticate(username, "Пароль-с-кириллицей-2")).isEmpty();
        assertThat(directory.authenticate(username, "")).isEmpty();
    }

    @Test
    void anOldSha512HashStillLogsInAndBecomesBcrypt() throws Exception {
        String username = newAccount("temporary-password");
        writeEngineDefaultHash(username, "old-password-from-7.23");

        assertThat(identity.createUserQuery().userId(username).singleResult().getPassword())
                .startsWith("{SHA-512}");
        assertThat(directory.authenticate(username, "wrong-password")).isEmpty();
        assertThat(identity.createUserQuery().userId(username).singleResult().getPassword())
                .as("a wrong password changes nothing")
                .startsWith("{SHA-512}");

        assertThat(directory.authenticate(username, "old-password-from-7.23")).isPresent();

        assertThat(identity.createUserQuery().userId(username).singleResult().getPassword())
                .startsWith("{BCRYPT}");
        assertThat(directory.authenticate(username, "old-password-from-7.23")).isPresent();
        assertThat(directory.authenticate(username, "temporary-password")).isEmpty();
    }

    @Test
    void aPasswordBcryptWouldCutIsRefusedWithoutShowingIt() {
        String tooLong = "ж".repeat(37); // 74 bytes in UTF-8
        String username = "long-" + UUID.randomUUID().toString().substring(0, 8);

        assertThatThrownBy(() -> directory.save(account(username), tooLong))
                .hasMessageContaining("at most 72 bytes")
                .hasMessageNotContaining(tooLong);
        assertThat(directory.authenticate(username, tooLong)).isEmpty();
        String longest = "ж".repeat(36);
        directory.save(account(username), longest);
        assertThat(directory.authenticate(username, longest)).isPresent();
        assertThat(directory.authenticate(username, longest + "ж")).isEmpty();
    }

    private String newAccount(String password) {
        String username = "hash-" + UUID.randomUUID().toString().substring(0, 8);
        directory.save(account(username), password);
        return username;
    }

    private static StaffAccount account(String username) {
        return new StaffAccount(username, "Тест", "Хеш", username + "@clientclub.local", Set.of(AppRoles.CLUB_STAFF));
    }

    /** What the engine's default password manager (7.7 and later) stored: salted SHA-512 with a 16-byte salt. */
    private void writeEngineDefaultHash(String username, String password) throws Exception {
        String salt = "0123456789abcdefghij+/==";
        String hash = new PasswordManager(new Sha512HashDigest(), List.of()).encrypt(password + salt);
        DataSource dataSource =
                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update =
                        connection.prepareStatement("UPDATE act_id_user SET pwd_ = ?, salt_ = ? WHERE id_ = ?")) {
            update.setString(1, hash);
            update.setString(2, salt);
            update.setString(3, username);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
