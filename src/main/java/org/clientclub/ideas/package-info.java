/**
 * Ideas: members' proposals for improving the service, each of which staff answer. A member proposes one through a
 * personal link (no password), sees similar ideas while typing the title and may support one of those instead; a
 * member supports an idea once, and never their own. Photos are kept as images re-encoded by the club, never as
 * the uploaded bytes.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"membership", "membership :: spi", "shared", "shared :: ui"})
package org.clientclub.ideas;
