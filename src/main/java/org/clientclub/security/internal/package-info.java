/** Security's implementation: the web security configuration, the authentication provider, log-in throttling and the demo accounts. */
@org.jspecify.annotations.NullMarked
package org.clientclub.security.internal;
