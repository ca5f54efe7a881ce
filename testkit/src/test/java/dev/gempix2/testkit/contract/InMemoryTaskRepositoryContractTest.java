package dev.gempix2.testkit.contract;

import dev.gempix2.core.defaults.InMemoryTaskRepository;
import dev.gempix2.core.port.TaskRepository;

class InMemoryTaskRepositoryContractTest extends TaskRepositoryContract {

    @Override
    protected TaskRepository createRepository() {
        return new InMemoryTaskRepository();
    }
}
