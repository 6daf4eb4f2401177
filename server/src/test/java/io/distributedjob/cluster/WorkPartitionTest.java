package io.distributedjob.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class WorkPartitionTest {

    private static final List<String> THREE = List.of("host-a:101:1f2e3d4c", "host-b:202:5a6b7c8d", "host-c:303:9e0f1a2b");
    private static final int TASKS = 3000;

    @Test
    void everyTaskHasOneOwnerAndTheLoadIsSpreadEvenly() {
        Map<String, Integer> load = new HashMap<>();
        LongStream.rangeClosed(1, TASKS).forEach(task ->
                load.merge(WorkPartition.ownerOf(task, THREE).orElseThrow(), 1, Integer::sum));

        assertThat(load.keySet()).containsExactlyInAnyOrderElementsOf(THREE);
        // A fair split gives 1,000 each; allow the spread a hash has.
        assertThat(load.values()).allSatisfy(n -> assertThat(n).isBetween(850, 1150));
    }

    @Test
    void whenAMemberGoesOnlyItsTasksMoveAndTheyMoveToTheSurvivors() {
        List<String> survivors = THREE.subList(0, 2);
        String gone = THREE.get(2);

        LongStream.rangeClosed(1, TASKS).forEach(task -> {
            String before = WorkPartition.ownerOf(task, THREE).orElseThrow();
            String after = WorkPartition.ownerOf(task, survivors).orElseThrow();
            if (!before.equals(gone)) {
                assertThat(after).as("task %d", task).isEqualTo(before);
            }
            assertThat(survivors).contains(after);
        });
    }

    @Test
    void theOwnerDoesNotDependOnTheOrderMembersAreListedIn() {
        List<String> reversed = THREE.reversed();
        LongStream.rangeClosed(1, TASKS).forEach(task -> assertThat(WorkPartition.ownerOf(task, reversed))
                .isEqualTo(WorkPartition.ownerOf(task, THREE)));
    }

    @Test
    void aStandaloneInstanceOwnsEveryTask() {
        WorkPartition partition = new WorkPartition(new StandaloneCluster("solo", "host", java.time.Instant.EPOCH, true));
        assertThat(LongStream.rangeClosed(1, 100).allMatch(partition::owns)).isTrue();
    }
}
