package io.distributedjob.dispatch;

/** Whether a fire already has its execution record: a redelivered message for it is not executed again. */
public interface RecordedFires {

    boolean recorded(DispatchedFire fire);
}
