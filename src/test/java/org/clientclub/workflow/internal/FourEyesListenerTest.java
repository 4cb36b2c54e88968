package org.clientclub.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.clientclub.workflow.FourEyesRefused.Reason;
import org.clientclub.workflow.internal.FourEyesPlugin.FourEyesListener;
import org.junit.jupiter.api.Test;

/** Who may complete a four-eyes task: its assignee, when that is not the requester. */
class FourEyesListenerTest {

    @Test
    void aColleagueHoldingTheTaskMayCompleteIt() {
        assertThat(FourEyesListener.refusal("pavel", null, "irina")).isNull();
        assertThat(FourEyesListener.refusal("pavel", "pavel", "irina")).isNull();
    }

    @Test
    void theRequesterMayNotEvenWhenTheyHoldTheTask() {
        assertThat(FourEyesListener.refusal("irina", null, "irina")).isEqualTo(Reason.REQUESTER);
        assertThat(FourEyesListener.refusal("irina", "irina", "irina")).isEqualTo(Reason.REQUESTER);
    }

    @Test
    void nobodyMayCompleteATaskNobodyHolds() {
        assertThat(FourEyesListener.refusal(null, null, "irina")).isEqualTo(Reason.NO_ASSIGNEE);
        assertThat(FourEyesListener.refusal(null, "pavel", "irina")).isEqualTo(Reason.NO_ASSIGNEE);
    }

    @Test
    void aLoggedInUserMayNotCompleteATaskAColleagueHolds() {
        assertThat(FourEyesListener.refusal("pavel", "irina", "irina")).isEqualTo(Reason.NOT_THE_ASSIGNEE);
        assertThat(FourEyesListener.refusal("pavel", "olga", "irina")).isEqualTo(Reason.NOT_THE_ASSIGNEE);
    }

    @Test
    void withoutARequesterOnRecordFourEyesCannotBeCheckedSoItIsRefused() {
        assertThat(FourEyesListener.refusal("pavel", null, null)).isEqualTo(Reason.NO_REQUESTER);
        assertThat(FourEyesListener.refusal("pavel", null, " ")).isEqualTo(Reason.NO_REQUESTER);
        assertThat(FourEyesListener.refusal("pavel", null, 42L)).isEqualTo(Reason.NO_REQUESTER);
    }
}
