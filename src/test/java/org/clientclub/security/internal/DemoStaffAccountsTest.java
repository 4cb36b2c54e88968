package org.clientclub.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.clientclub.security.StaffDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Demo accounts with printed passwords start only in the embedded demo default; anywhere else the start is refused. */
class DemoStaffAccountsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(StaffDirectory.class, () -> mock(StaffDirectory.class))
            .withUserConfiguration(DemoStaffAccounts.class)
            .withPropertyValues("clientclub.demo.accounts=true");

    @Test
    void theDemoDefaultStartsWithDemoAccounts() {
        runner.run(context -> assertThat(context).hasNotFailed().hasSingleBean(DemoStaffAccounts.class));
    }

    @Test
    void theProductionProfileRefusesToStartWithDemoAccounts() {
        runner.withPropertyValues("spring.profiles.active=production")
                .run(context -> assertRefused(context.getStartupFailure(), "the production profile is active"));
    }

    @Test
    void theComposeProfileRefusesToStartWithDemoAccounts() {
        runner.withPropertyValues("spring.profiles.active=compose")
                .run(context -> assertRefused(context.getStartupFailure(), "the compose profile is active"));
    }

    @Test
    void aDatabaseServerRefusesDemoAccounts() {
        runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/club")
                .run(context ->
                        assertRefused(context.getStartupFailure(), "spring.datasource.url names a database server"));
    }

    @Test
    void aRealMailServerRefusesDemoAccounts() {
        runner.withPropertyValues("clientclub.mail.embedded=false")
                .run(context -> assertRefused(context.getStartupFailure(), "clientclub.mail.embedded is false"));
    }

    @Test
    void demoAccountsOffStartAnywhere() {
        runner.withPropertyValues("clientclub.demo.accounts=false", "spring.profiles.active=production")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DemoStaffAccounts.class));
    }

    private static void assertRefused(Throwable failure, String reason) {
        assertThat(failure).isNotNull();
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertThat(root)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Demo staff accounts")
                .hasMessageContaining(reason)
                .hasMessageContaining("CLIENTCLUB_ADMIN_PASSWORD");
    }
}
