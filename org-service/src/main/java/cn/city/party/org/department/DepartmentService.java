package cn.city.party.org.department;

import cn.city.party.common.error.Problems;
import cn.city.party.common.outbox.EventFactory;
import cn.city.party.common.tenancy.ScopedMongo;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;

@Service
public class DepartmentService {

    static final String ENTITY = "entity.department";

    private final ScopedMongo store;
    private final EventFactory events;
    private final Clock clock;

    public DepartmentService(ScopedMongo store, EventFactory events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    public Department register(String code, String name, int staffHeadcount) {
        if (store.exists(Criteria.where("_id").is(code), Department.class)) {
            throw Problems.conflict("department.exists", code);
        }
        Department department = new Department(code, name, staffHeadcount, clock.instant());
        department.raise(events.create(DepartmentEvents.REGISTERED, code, code, DepartmentEvents.DepartmentData.of(department)));
        return store.insert(department);
    }

    public List<Department> list() {
        return store.find(new Criteria(), Sort.by("_id"), Department.class);
    }

    public Department get(String code) {
        return store.getById(code, Department.class, ENTITY);
    }

    public Department change(String code, String name, int staffHeadcount) {
        Department department = get(code);
        department.change(name, staffHeadcount);
        department.raise(events.create(DepartmentEvents.CHANGED, code, code, DepartmentEvents.DepartmentData.of(department)));
        return store.save(department);
    }
}
