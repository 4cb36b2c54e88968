/**
 * Membership: the questionnaire (web today, PDF and mailbox next), consent to personal-data processing as a
 * document of its own, double opt-in, guardians' consent for children under 14, members and their numbers.
 * The flow is {@code processes/membership/MembershipOnboardingProcess.bpmn}.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "mail",
            "mail :: spi",
            "security",
            "shared",
            "shared :: db",
            "shared :: ui",
            "shared :: web",
            "tasks :: spi",
            "workflow"
        })
package org.clientclub.membership;
