/**
 * Loyalty: every member's card and points. Points accrue for club activity (the decision table
 * processes/loyalty/ActivityPoints.dmn, which managers change without a release) and, later, for purchases;
 * every movement is an append-only ledger entry whose source reference is unique, so nothing is booked twice.
 */
@org.springframework.modulith.ApplicationModule
package org.clientclub.loyalty;
