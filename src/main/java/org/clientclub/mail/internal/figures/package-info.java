/** Mail in figures over time: the hourly counts behind the operator's charts. */
@org.jspecify.annotations.NullMarked
package org.clientclub.mail.internal.figures;
