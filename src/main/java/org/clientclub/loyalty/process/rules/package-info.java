/**
 * The earning rules: the DMN tables ActivityPoints and PurchasePoints, evaluated (a purchase import through its own
 * FEEL engine that parses each expression once), listed, and deployed by managers without a release. Under
 * {@code process} because it is the engine's DMN and FEEL API that it uses.
 */
@org.jspecify.annotations.NullMarked
package org.clientclub.loyalty.process.rules;
