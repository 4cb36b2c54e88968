package org.clientclub.loyalty.process;

import org.clientclub.loyalty.internal.MonthlyStatements;
import org.springframework.stereotype.Component;

/** What MonthlyStatementProcess.bpmn calls on the first of the month. */
@Component("monthlyStatement")
public class MonthlyStatementGlue {

    private final MonthlyStatements statements;

    public MonthlyStatementGlue(MonthlyStatements statements) {
        this.statements = statements;
    }

    public void send() {
        statements.sendForLastMonth();
    }
}
