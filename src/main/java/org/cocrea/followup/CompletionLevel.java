package org.cocrea.followup;

/** The IRM completion level of an ended commitment (column {@code monitoring_evaluation.completion_level}). */
public enum CompletionLevel {
    NOT_STARTED, LIMITED, SUBSTANTIAL, COMPLETE
}
