package io.distributedjob.alert;

/** Who a set of rules belongs to: a task, or a department (the default of its tasks and sub-departments). */
record RuleOwner(Type type, long id) {

    enum Type { TASK, DEPARTMENT }

    static RuleOwner task(long id) {
        return new RuleOwner(Type.TASK, id);
    }

    static RuleOwner department(long id) {
        return new RuleOwner(Type.DEPARTMENT, id);
    }
}
