package io.distributedjob.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.MariaDbServerTest;
import io.distributedjob.support.OrgFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ArrayNode;

/** {@link TaskFleetSuite} on every database, and a bulk import timed on the production one. */
class TaskFleetTest {

    @Nested
    class OnH2 extends H2ServerTest implements TaskFleetSuite {
    }

    @Nested
    class OnMariaDb extends MariaDbServerTest implements TaskFleetSuite {

        private static final Logger log = LoggerFactory.getLogger(TaskFleetTest.class);

        /**
         * 10,000 tasks (in requests of 1,000, each well under the body limit) on the production database, timed after
         * one warm-up request (the first request of a fresh JVM runs mostly interpreted). The rate is logged, not
         * asserted: on a shared machine it follows the load (3,100 a second on a quiet moment, under 2,000 at peak).
         */
        @Test
        void tenThousandTasksImportInBatches() {
            OrgFixture org = new OrgFixture(admin());
            long warmUp = org.department("warm-up", org.rootDepartment());
            long department = org.department("bulk", org.rootDepartment());
            String prefix = OrgFixture.unique("bulk");
            ApiClient admin = admin();
            assertThat(admin.post("/tasks/import", rows(warmUp, prefix + "-warm-up")).data().get("accepted").asInt())
                    .isEqualTo(1000);
            long nanos = 0;
            for (int request = 0; request < 10; request++) {
                ArrayNode rows = rows(department, prefix + "-" + request);
                long start = System.nanoTime();
                ApiResult result = admin.post("/tasks/import", rows);
                nanos += System.nanoTime() - start;
                assertThat(result.data().get("accepted").asInt()).as(result.toString()).isEqualTo(1000);
            }
            double perSecond = 10_000 / (nanos / 1e9);
            assertThat(admin.get("/tasks?departmentId=" + department).data().get("total").asLong()).isEqualTo(10_000);
            log.info("imported 10,000 tasks at {} a second", Math.round(perSecond));
        }

        /** 1,000 create bodies, half of them enabled on a yearly schedule against a closed loopback port. */
        private static ArrayNode rows(long department, String namePrefix) {
            ArrayNode rows = ApiClient.mapper().createArrayNode();
            for (int i = 0; i < 1000; i++) {
                rows.add(TaskApiSuite.httpTask(department, TaskApiSuite.DISABLED_TARGET + "/" + i)
                        .put("name", namePrefix + "-" + i).put("status", i % 2).put("cron", "0 0 0 1 1 *"));
            }
            return rows;
        }
    }
}
