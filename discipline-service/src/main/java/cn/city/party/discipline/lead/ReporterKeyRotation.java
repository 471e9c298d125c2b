package cn.city.party.discipline.lead;

import cn.city.party.common.security.CurrentCaller;
import cn.city.party.discipline.audit.AuditTrail;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Re-seals named reporters' identities that a previous key sealed under the current one, so that the previous key can
 * be retired from {@code DISCIPLINE_REPORTER_PREVIOUS_KEYS}. Each re-seal is a change of the lead, audited as such.
 * Safe with several instances: a lead changed meanwhile fails on its version and is taken at the next run.
 */
@Component
public class ReporterKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(ReporterKeyRotation.class);
    private static final String CIPHERTEXT = "reporterCiphertext";

    private final MongoTemplate mongo;
    private final ReporterCipher cipher;
    private final AuditTrail audit;

    public ReporterKeyRotation(MongoTemplate mongo, ReporterCipher cipher, AuditTrail audit) {
        this.mongo = mongo;
        this.cipher = cipher;
        this.audit = audit;
    }

    @Scheduled(fixedDelayString = "${discipline.reporter-key-rotation-every:1h}",
            initialDelayString = "${discipline.reporter-key-rotation-initial-delay:1m}")
    void scheduled() {
        try {
            int resealed = run();
            if (resealed > 0) {
                log.info("reporter identities of {} leads re-sealed under key {}", resealed, cipher.currentKeyId());
            }
        } catch (RuntimeException e) {
            log.warn("reporter key rotation stopped, retrying at the next run: {}", e.getMessage());
        }
    }

    /** Re-seals every lead whose reporter is not sealed with the current key; returns how many it re-sealed. */
    public int run() {
        Query named = Query.query(Criteria.where(CIPHERTEXT).ne(null));
        named.fields().include("_id", CIPHERTEXT);
        List<Object> stale = mongo.find(named, Document.class, mongo.getCollectionName(Lead.class)).stream()
                .filter(lead -> !cipher.sealedWithCurrentKey(lead.getString(CIPHERTEXT)))
                .map(lead -> lead.get("_id")).toList();
        return CurrentCaller.runAsSystem("reporter-key-rotation", () -> {
            int resealed = 0;
            for (Object id : stale) {
                Lead lead = mongo.findById(id, Lead.class);
                if (lead == null || cipher.sealedWithCurrentKey(lead.reporterCiphertext())) {
                    continue;
                }
                lead.resealReporter(cipher);
                try {
                    audit.change(lead, "lead.reporter.resealed", cipher.currentKeyId(), mongo::save);
                    resealed++;
                } catch (OptimisticLockingFailureException changedMeanwhile) {
                    // the next run takes it
                }
            }
            return resealed;
        });
    }
}
