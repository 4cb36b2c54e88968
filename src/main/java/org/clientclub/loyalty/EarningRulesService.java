package org.clientclub.loyalty;

import java.util.List;
import java.util.Optional;
import org.clientclub.loyalty.internal.RefusedRuleUploads;
import org.clientclub.loyalty.process.rules.EarningRules;
import org.clientclub.security.AppRoles;
import org.clientclub.security.CurrentStaff;
import org.clientclub.workflow.UploadedDecisions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The earning tables managers change without a release: ActivityPoints and PurchasePoints in force, a changed table
 * deployed, and the uploads refused with why.
 */
@Service
public class EarningRulesService {

    /** A decision table is a few kilobytes; a megabyte is far more than any the club would write. */
    public static final int MAX_RULE_BYTES = UploadedDecisions.MAX_BYTES;

    private final EarningRules earningRules;
    private final RefusedRuleUploads refusedRuleUploads;

    public EarningRulesService(EarningRules earningRules, RefusedRuleUploads refusedRuleUploads) {
        this.earningRules = earningRules;
        this.refusedRuleUploads = refusedRuleUploads;
    }

    /** The earning tables in force: ActivityPoints and PurchasePoints, their versions and who deployed them. */
    @PreAuthorize(AppRoles.MANAGER_EXPRESSION)
    public List<EarningRule> earningRules() {
        return earningRules.current();
    }

    /** The table in force as DMN XML, to change in Camunda Modeler; empty for another decision id. */
    @PreAuthorize(AppRoles.MANAGER_EXPRESSION)
    public Optional<byte[]> earningRuleXml(String decisionId) {
        return earningRules.xml(decisionId);
    }

    /**
     * Deploys a changed earning table (the decision inside says which); the next evaluation uses it, no release needed.
     *
     * @throws InvalidEarningRule when the file is not a table the club can use; nothing is deployed, and the file is
     *         kept with the reason ({@link #refusedEarningRules()})
     */
    @PreAuthorize(AppRoles.MANAGER_EXPRESSION)
    @Transactional
    public EarningRule deployEarningRule(byte[] dmnXml) {
        if (dmnXml == null || dmnXml.length == 0 || dmnXml.length > MAX_RULE_BYTES) {
            throw new InvalidEarningRule("rules.invalid.size", "");
        }
        String username = CurrentStaff.require().username();
        try {
            return earningRules.deploy(dmnXml, username);
        } catch (InvalidEarningRule refused) {
            refusedRuleUploads.keep(username, dmnXml, refused);
            throw refused;
        }
    }

    /** The newest refused uploads, with why, so that a manager sees what became of a file someone tried. */
    @PreAuthorize(AppRoles.MANAGER_EXPRESSION)
    public List<RefusedEarningRule> refusedEarningRules() {
        return refusedRuleUploads.newest();
    }

    /** A refused upload as it came, to download and mend (or to see what someone tried). */
    @PreAuthorize(AppRoles.MANAGER_EXPRESSION)
    public Optional<byte[]> refusedEarningRuleXml(long id) {
        return refusedRuleUploads.content(id);
    }
}
