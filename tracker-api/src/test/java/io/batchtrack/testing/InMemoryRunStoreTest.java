package io.batchtrack.testing;

import io.batchtrack.spi.RunRecord;
import io.batchtrack.spi.RunStore;
import java.util.List;

/** The in-memory store keeps the contract every store keeps, so engine tests on it mean what they say. */
class InMemoryRunStoreTest extends RunStoreContract {
    private final InMemoryRunStore store = new InMemoryRunStore();

    @Override
    protected RunStore store() {
        return store;
    }

    @Override
    protected List<RunRecord> stored() {
        return store.runs();
    }
}
