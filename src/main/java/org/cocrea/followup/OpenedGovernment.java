package org.cocrea.followup;

/** The IRM "did it open government?" scale (column {@code monitoring_evaluation.opened_government}). */
public enum OpenedGovernment {
    WORSENED, DID_NOT_CHANGE, MARGINAL, MAJOR, OUTSTANDING
}
