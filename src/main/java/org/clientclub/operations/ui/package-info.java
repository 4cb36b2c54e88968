/** The operator's charts of the last day and the chart component they are drawn with. */
@org.jspecify.annotations.NullMarked
package org.clientclub.operations.ui;
