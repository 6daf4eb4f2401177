package io.distributedjob.record;


/** The port through which the executing side reports every fire that has ended, once its record is written. */
public interface FireOutcomes {

    /** Takes note of the outcome and alerts if a rule asks for it; returns at once, never throws. */
    void finished(FinishedFire fire);
}
