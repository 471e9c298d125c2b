package cn.city.party.common.outbox;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The smallest aggregate with an outbox, for the outbox's own tests: a parcel of department caizheng. */
@Document("parcels")
class Parcel extends AggregateRoot {

    @Id
    String id;

    static Parcel of(String id, PendingEvent... events) {
        Parcel parcel = new Parcel();
        parcel.id = id;
        for (PendingEvent event : events) {
            parcel.raise(event);
        }
        return parcel;
    }

    @Override
    public String department() {
        return "caizheng";
    }
}
