/**
 * Loyalty: every member's card and points. Points accrue for club activity (the decision table
 * processes/loyalty/ActivityPoints.dmn) and for purchases at the tills (processes/loyalty/PurchasePoints.dmn, applied
 * to uploaded till exports); managers change both tables without a release (EarningRulesView). Every movement is an append-only ledger
 * entry whose source reference is unique, and every till receipt is booked once, so nothing is credited twice.
 * Members spend points at post offices; manual adjustments need a second person (PointsAdjustmentProcess); unspent
 * points expire (PointsExpiryProcess) and members may get a monthly statement (MonthlyStatementProcess).
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "mail",
            "membership",
            "membership :: spi",
            "security",
            "shared",
            "shared :: ui",
            "tasks :: spi",
            "workflow"
        })
package org.clientclub.loyalty;
