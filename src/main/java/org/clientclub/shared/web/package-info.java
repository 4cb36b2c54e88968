/** Named interface shared::web: web infrastructure that controllers share (the client's address, web configuration). */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.NamedInterface("web")
package org.clientclub.shared.web;
