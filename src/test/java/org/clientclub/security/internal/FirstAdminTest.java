package org.clientclub.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clientclub.security.AppRoles;
import org.clientclub.security.StaffAccount;
import org.clientclub.security.StaffDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/**
 * The first ADMIN comes from the environment once, when no ADMIN exists, and its password never reaches the log.
 * The identity store is an in-memory stand-in; {@code StaffPasswordHashingTest} covers the engine's.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminTest {

    private static final String SECRET = "Tr0ub4dor&3-first-admin";

    private final Directory directory = new Directory();
    private final MockEnvironment environment = new MockEnvironment();

    @Test
    void createsTheFirstAdminOnceAndNeverLogsThePassword(CapturedOutput output) {
        environment.setProperty(FirstAdmin.PASSWORD, SECRET);

        firstAdmin().createWhenNoAdmin();

        assertThat(directory.authenticate("admin", SECRET))
                .map(StaffAccount::roles)
                .hasValue(Set.of(AppRoles.ADMIN));
        assertThat(directory.saves).isEqualTo(1);
        assertThat(output)
                .contains("created the account admin with the ADMIN role")
                .doesNotContain(SECRET);

        environment.setProperty(FirstAdmin.PASSWORD, "another-password-later");
        firstAdmin().createWhenNoAdmin();

        assertThat(directory.saves).as("an ADMIN exists: nothing happens").isEqualTo(1);
        assertThat(directory.authenticate("admin", SECRET)).isPresent();
        assertThat(directory.authenticate("admin", "another-password-later")).isEmpty();
        assertThat(output).doesNotContain("another-password-later");
    }

    @Test
    void readsThePasswordFromASecretFileWithoutItsLineBreak(@TempDir Path dir, CapturedOutput output)
            throws IOException {
        Path secret = Files.writeString(dir.resolve("admin-password"), SECRET + "\n", StandardCharsets.UTF_8);
        environment.setProperty(FirstAdmin.PASSWORD_FILE, secret.toString());
        environment.setProperty(FirstAdmin.USERNAME, "chief");

        firstAdmin().createWhenNoAdmin();

        assertThat(directory.authenticate("chief", SECRET)).isPresent();
        assertThat(directory.authenticate("chief", SECRET + "\n")).isEmpty();
        assertThat(output).contains("CLIENTCLUB_ADMIN_PASSWORD_FILE").doesNotContain(SECRET);
    }

    @Test
    void nothingHappensWhenAnAdminExists() {
        directory.save(new StaffAccount("anna", "Анна", "Админова", "", Set.of(AppRoles.ADMIN)), "hers");
        environment.setProperty(FirstAdmin.PASSWORD, SECRET);

        firstAdmin().createWhenNoAdmin();

        assertThat(directory.saves).isEqualTo(1);
        assertThat(directory.find("admin")).isEmpty();
    }

    @Test
    void withoutAnAdminOrAPasswordItWarnsHowToCreateOne(CapturedOutput output) {
        firstAdmin().createWhenNoAdmin();

        assertThat(directory.saves).isZero();
        assertThat(output)
                .contains("WARN")
                .contains("No staff account has the ADMIN role")
                .contains("CLIENTCLUB_ADMIN_PASSWORD_FILE");
    }

    @Test
    void anExistingAccountOfThatNameKeepsItsRolesAndGetsAdmin() {
        directory.save(new StaffAccount("admin", "Олег", "Менеджеров", "o@club", Set.of(AppRoles.CLUB_MANAGER)), "x");
        environment.setProperty(FirstAdmin.PASSWORD, SECRET);

        firstAdmin().createWhenNoAdmin();

        assertThat(directory.authenticate("admin", SECRET))
                .map(StaffAccount::roles)
                .hasValue(Set.of(AppRoles.CLUB_MANAGER, AppRoles.ADMIN));
        assertThat(directory.find("admin")).map(StaffAccount::lastName).hasValue("Менеджеров");
    }

    @Test
    void refusesUnclearOrUnreadablePasswords(@TempDir Path dir) throws IOException {
        environment.setProperty(FirstAdmin.PASSWORD, SECRET);
        environment.setProperty(FirstAdmin.PASSWORD_FILE, dir.resolve("x").toString());
        assertThatThrownBy(() -> firstAdmin().createWhenNoAdmin()).hasMessageContaining("not both");

        MockEnvironment missingFile = new MockEnvironment()
                .withProperty(
                        FirstAdmin.PASSWORD_FILE, dir.resolve("no-such-file").toString());
        assertThatThrownBy(() -> new FirstAdmin(directory, missingFile).createWhenNoAdmin())
                .hasMessageContaining("no-such-file")
                .hasMessageContaining("cannot be read");

        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        MockEnvironment emptyFile = new MockEnvironment().withProperty(FirstAdmin.PASSWORD_FILE, empty.toString());
        assertThatThrownBy(() -> new FirstAdmin(directory, emptyFile).createWhenNoAdmin())
                .hasMessageContaining("is empty");
        assertThat(directory.saves).isZero();
    }

    private FirstAdmin firstAdmin() {
        return new FirstAdmin(directory, environment);
    }

    /** Accounts and plain passwords in memory. */
    private static final class Directory implements StaffDirectory {

        final Map<String, StaffAccount> accounts = new HashMap<>();
        final Map<String, String> passwords = new HashMap<>();
        int saves;

        @Override
        public Optional<StaffAccount> authenticate(String username, String password) {
            return password.equals(passwords.get(username)) ? find(username) : Optional.empty();
        }

        @Override
        public Optional<StaffAccount> find(String username) {
            return Optional.ofNullable(accounts.get(username));
        }

        @Override
        public List<StaffAccount> findByRole(String role) {
            return accounts.values().stream()
                    .filter(a -> a.roles().contains(role))
                    .toList();
        }

        @Override
        public void save(StaffAccount account, String password) {
            saves++;
            accounts.put(account.username(), account);
            passwords.put(account.username(), password);
        }
    }
}
