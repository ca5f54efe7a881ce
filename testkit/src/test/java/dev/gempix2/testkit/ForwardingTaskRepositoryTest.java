package dev.gempix2.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.defaults.InMemoryTaskRepository;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.port.TaskRepository;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardingTaskRepositoryTest {

    @Test
    void everyMethodOfThePortIsForwardedIncludingItsDefaults() {
        List<Method> notForwarded = Arrays.stream(TaskRepository.class.getMethods())
                .filter(method -> !Modifier.isStatic(method.getModifiers()))
                .filter(method -> !declaredByForwarder(method))
                .toList();

        assertThat(notForwarded).as("a TaskRepository method the forwarder leaves to the port's default").isEmpty();
    }

    @Test
    void aSavedRecordIsInTheStoreUnderneathAndFoundThroughTheForwarder() {
        InMemoryTaskRepository store = new InMemoryTaskRepository();
        TaskRepository forwarding = new ForwardingTaskRepository(store);
        TaskRecord record = TaskRecord.adopted("record-1", TaskId.of("t-1"), Instant.EPOCH);

        forwarding.save(record);

        assertThat(store.findByTaskId(TaskId.of("t-1"))).contains(record);
        assertThat(forwarding.findUnfinished()).containsExactly(record);
    }

    private static boolean declaredByForwarder(Method method) {
        try {
            ForwardingTaskRepository.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException missing) {
            return false;
        }
    }
}
