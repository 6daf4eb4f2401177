package io.distributedjob.cluster;

/**
 * Whether this instance can still prove its registration is valid. A fenced instance may already be taken for dead by
 * the others, who take over its claimed fires: it must start none of the fires it holds until it is restored.
 */
public interface Fencing {

    /** True from the moment the registration's validity cannot be proven until a new registration succeeded. */
    boolean fenced();

    /** Called, on a coordination thread, at each change between fenced and restored. */
    void onChange(Listener listener);

    interface Listener {

        /** This instance must stop starting fires it holds: others may take them over. */
        void fenced();

        /** Registered again: this instance may claim and start fires again. */
        void restored();
    }
}
