package io.distributedjob.bench;

/**
 * The load a benchmark run puts on the scheduler.
 *
 * <ul>
 *   <li>{@code spread}: every task {@code @every 1s} from its creation, so fires spread over the second;</li>
 *   <li>{@code burst}: every task on the same whole second ({@code * * * * * *}), the herd cron jobs make at the
 *       top of a minute;</li>
 *   <li>{@code behind}: the server is stopped once the tasks fire, left down for {@code bench.downSeconds}, and
 *       started again with every task already due (a restart, a deploy);</li>
 *   <li>{@code stall}: burst tasks beside {@code bench.stalledTasks} tasks on an endpoint that sends its headers
 *       and then never the body, with a 2 s task timeout.</li>
 * </ul>
 */
enum Kind {
    SPREAD("@every 1s"), BURST("* * * * * *"), BEHIND("@every 1s"), STALL("* * * * * *");

    private final String cron;

    Kind(String cron) {
        this.cron = cron;
    }

    String defaultCron() {
        return cron;
    }

    static Kind parse(String name) {
        return valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
    }
}
