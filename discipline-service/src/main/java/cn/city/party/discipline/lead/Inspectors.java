package cn.city.party.discipline.lead;

import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.discipline.audit.AuditEntry;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * 承办人名单: the inspectors a department's lead can be handed to. The service learns no accounts from Keycloak (and
 * calls it on no request path), so the list is who has acted on the department's discipline records: the handlers
 * of its leads and the people in its audit trail (never the anonymous receipt checks, never a scheduled job).
 */
@Service
public class Inspectors {

    /** A person's account: Keycloak subjects are UUIDs; system callers ({@code system:…}) and the undisclosed are not. */
    private static final java.util.regex.Pattern ACCOUNT =
            java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final ScopedMongo store;
    private final MongoTemplate mongo;

    public Inspectors(ScopedMongo store, MongoTemplate mongo) {
        this.store = store;
        this.mongo = mongo;
    }

    public record Inspector(String id, String name) {
    }

    /** The inspectors of {@code department} (which must be in the caller's scope), by name. */
    public List<Inspector> of(String department) {
        store.requireInScope(department);
        Map<String, String> names = new TreeMap<>();
        collect(names, Lead.class, "handler", "handlerName", department);
        collect(names, AuditEntry.class, "actor", "actorName", department);
        return names.entrySet().stream().map(e -> new Inspector(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Inspector::name)).toList();
    }

    /** The distinct accounts in {@code idField} of the department's records, each with the name recorded beside it. */
    private void collect(Map<String, String> into, Class<?> type, String idField, String nameField, String department) {
        Criteria inDepartment = Criteria.where("department").is(department);
        for (String id : mongo.findDistinct(store.query(inDepartment), idField, type, String.class)) {
            if (into.containsKey(id) || !ACCOUNT.matcher(id).matches()) {
                continue;
            }
            Query one = store.query(Criteria.where("department").is(department).and(idField).is(id)).limit(1);
            one.fields().include(nameField);
            Document doc = mongo.findOne(one, Document.class, mongo.getCollectionName(type));
            if (doc != null && doc.getString(nameField) != null) {
                into.put(id, doc.getString(nameField));
            }
        }
    }
}
