package org.clientclub.loyalty.process;

import org.clientclub.loyalty.internal.PointsExpiry;
import org.springframework.stereotype.Component;

/** What PointsExpiryProcess.bpmn calls once a day. */
@Component("pointsExpiry")
public class PointsExpiryGlue {

    private final PointsExpiry expiry;

    public PointsExpiryGlue(PointsExpiry expiry) {
        this.expiry = expiry;
    }

    public void expireDuePoints() {
        expiry.expireDuePoints();
    }

    public void warnMembers() {
        expiry.warnMembers();
    }
}
