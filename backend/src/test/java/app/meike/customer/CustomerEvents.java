package app.meike.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for the features (visits, orders ...) that listen to merges and erasures. */
@ApplicationScoped
public class CustomerEvents {
    static final List<CustomerMerged> MERGED = new CopyOnWriteArrayList<>();
    static final List<CustomerErased> ERASED = new CopyOnWriteArrayList<>();

    void merged(@Observes CustomerMerged event) {
        MERGED.add(event);
    }

    void erased(@Observes CustomerErased event) {
        ERASED.add(event);
    }
}
