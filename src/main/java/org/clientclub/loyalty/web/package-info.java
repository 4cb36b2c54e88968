/** Loyalty's public web endpoints: the member's card page and its barcode. */
@org.jspecify.annotations.NullMarked
package org.clientclub.loyalty.web;
