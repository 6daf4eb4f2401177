package io.distributedjob.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Reports a start-up failure that Spring Boot could analyse as one readable line (and the action on a second),
 * in place of the multi-line banner, so that a bad configuration value is obvious in a terminal or a journal.
 */
public class OneLineFailureReporter implements FailureAnalysisReporter {

    private static final Logger log = LoggerFactory.getLogger(OneLineFailureReporter.class);

    @Override
    public void report(FailureAnalysis analysis) {
        String line = "DistributedJob cannot start. " + analysis.getDescription().strip().replace('\n', ' ');
        log.error(line);
        System.err.println(line);
        if (analysis.getAction() != null) {
            System.err.println(analysis.getAction().strip().replace('\n', ' '));
        }
    }
}
