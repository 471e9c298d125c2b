package cn.city.party.study.warning;

import cn.city.party.common.events.EventCodec;
import cn.city.party.common.events.EventEnvelope;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.study.material.Category;
import cn.city.party.study.material.Material;
import cn.city.party.study.material.MaterialService;
import cn.city.party.study.support.Audience;
import cn.city.party.study.support.Reach;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;

/**
 * 警示教育: a typical-case notice published by the discipline service becomes a required 廉政教育 material for the
 * audience it names. The material's id derives from the notice, so a redelivered notice creates nothing twice.
 */
@Component
public class WarningEducationListener {

    public static final String TOPIC = "party.discipline.notice";
    public static final String PUBLISHED = "party.discipline.notice.published.v1";
    /** A warning-education material earns this many 学时 and is expected to take this long. */
    static final BigDecimal CREDIT_HOURS = BigDecimal.ONE;
    static final int MINUTES = 45;

    public record NoticeData(String noticeId, String department, String title, String summary, Audience audience) {
    }

    private final EventCodec codec;
    private final MaterialService materials;

    public WarningEducationListener(EventCodec codec, MaterialService materials) {
        this.codec = codec;
        this.materials = materials;
    }

    public static String materialId(String noticeId) {
        return "notice-" + noticeId;
    }

    @KafkaListener(topics = TOPIC)
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = codec.read(record);
        switch (envelope.type()) {
            case PUBLISHED -> published(envelope);
            default -> {
                // other facts of the notices are not study
            }
        }
    }

    private void published(EventEnvelope envelope) {
        NoticeData notice = codec.data(envelope, NoticeData.class);
        String department = notice.department() == null ? Reach.CITY : notice.department();
        Audience audience = notice.audience() == Audience.DEPARTMENT && Reach.cityWide(department) ? Audience.ALL : notice.audience();
        CurrentCaller.runAsSystem("warning-education", () -> {
            try {
                return materials.createPublished(materialId(notice.noticeId()), new Reach(department, null, audience),
                        new cn.city.party.study.material.MaterialService.Draft(notice.title(), Material.Kind.TEXT,
                                notice.summary(), null, Category.INTEGRITY, true, CREDIT_HOURS, MINUTES),
                        "discipline-notice:" + notice.noticeId());
            } catch (DuplicateKeyException alreadyCreated) {
                return null; // the notice was delivered before
            }
        });
    }
}
