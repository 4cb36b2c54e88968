package org.clientclub.support;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Gives the static {@link SecurityContextHolder} the security context strategy of the running test's own Spring
 * context.
 *
 * <p>Every Spring context installs its own Vaadin-aware strategy into the static holder when it starts, so with
 * several cached contexts the last one started wins. Method security and Spring Security's test support use the
 * strategy bean of the test's context, while {@code CurrentStaff} and the tests' own sign-ins use the static
 * holder: a test running in an earlier context would sign in where its services do not look. The application has
 * one context, so this happens only in tests.
 */
public class ContextSecurityStrategy extends AbstractTestExecutionListener {

    @Override
    public int getOrder() {
        // before Spring Security's WithSecurityContextTestExecutionListener (10000) signs the test in
        return 9000;
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        testContext
                .getApplicationContext()
                .getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }
}
