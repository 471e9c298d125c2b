package cn.city.party.discipline.demo;

import cn.city.party.common.security.Caller;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.security.Role;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.discipline.DisciplineRules;
import cn.city.party.discipline.lead.Lead;
import cn.city.party.discipline.lead.LeadSource;
import cn.city.party.discipline.lead.LeadState;
import cn.city.party.discipline.lead.Outcome;
import cn.city.party.discipline.lead.ReceiptCodes;
import cn.city.party.discipline.lead.WorkingCalendar;
import cn.city.party.discipline.rectification.RectificationItem;
import cn.city.party.discipline.riskpoint.RiskPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Demo data of the local platform (only with {@code platform.demo-data.enabled=true}): risk points, leads in several
 * states and a rectification ledger for the demo departments, with the fixed member, organization and user ids of
 * docs/events.md and no real names. Idempotent: nothing happens when its first lead exists. The demo leads are all
 * anonymous (no reporter identity to keep); the jiaoyu one answers to the receipt code {@value #DEMO_RECEIPT_CODE}.
 */
@Component
@ConditionalOnProperty(name = "platform.demo-data.enabled", havingValue = "true")
public class DemoDataSeeder {

    public static final String DEMO_RECEIPT_CODE = "DEMQ-RECE-IPTC-ZDEM-QJYA";
    static final String MARKER = "demo-lead-caizheng-1";
    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private static final Caller CAIZHENG_INSPECTOR = new Caller("00000000-0000-4000-8000-000000000006",
            "caizheng-inspector", "caizheng", Set.of(Role.INSPECTOR), false);
    private static final Caller JIAOYU_INSPECTOR = new Caller("00000000-0000-4000-8000-000000000010",
            "jiaoyu-inspector", "jiaoyu", Set.of(Role.INSPECTOR), false);
    private static final Caller CAIZHENG_ADMIN = new Caller("00000000-0000-4000-8000-000000000003",
            "caizheng-admin", "caizheng", Set.of(Role.DEPT_ADMIN), false);

    private final MongoTemplate mongo;
    private final WorkingCalendar calendar;
    private final DisciplineRules rules;
    private final Clock clock;
    private final PlatformCalendar platformCalendar;

    public DemoDataSeeder(MongoTemplate mongo, WorkingCalendar calendar, DisciplineRules rules, Clock clock,
    PlatformCalendar platformCalendar) {
        this.mongo = mongo;
        this.calendar = calendar;
        this.rules = rules;
        this.clock = clock;
        this.platformCalendar = platformCalendar;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        CurrentCaller.runAsSystem("demo-data", () -> {
            seed();
            return null;
        });
    }

    /** Seeds once; returns whether anything was written. */
    public boolean seed() {
        if (mongo.findById(MARKER, Lead.class) != null) {
            return false;
        }
        LocalDate today = platformCalendar.today();
        Instant now = clock.instant();
        riskPoints(today, now);
        rectifications(today, now);
        leads(today, now);
        log.info("discipline demo data seeded");
        return true;
    }

    private void riskPoints(LocalDate today, Instant now) {
        int months = rules.riskReviewMonths();
        List.of(
                new RiskPoint("demo-risk-caizheng-1", "caizheng", "政府采购岗", "供应商选择与评审中可能存在利益输送",
                        RiskPoint.Level.HIGH, "评审专家随机抽取；三人以上集体评审；全程留痕", "采购处处长", today.plusMonths(2), today, months, now),
                new RiskPoint("demo-risk-caizheng-2", "caizheng", "资金拨付岗", "拨付审核不严、先拨后审",
                        RiskPoint.Level.MEDIUM, "双人复核；系统校验预算指标", "国库处处长", today.plusMonths(6), today, months, now),
                new RiskPoint("demo-risk-caizheng-3", "caizheng", "公务接待岗", "超标准接待",
                        RiskPoint.Level.LOW, "接待清单公示；月度抽查", "办公室主任", today.plusDays(20), today, months, now),
                new RiskPoint("demo-risk-jiaoyu-1", "jiaoyu", "招生管理岗", "违规招生、择校收费",
                        RiskPoint.Level.HIGH, "招生计划公开；阳光招生平台", "基础教育处处长", today.plusMonths(3), today, months, now),
                new RiskPoint("demo-risk-jiaoyu-2", "jiaoyu", "教材采购岗", "教辅材料强制征订",
                        RiskPoint.Level.MEDIUM, "征订目录公示；家长自愿确认", "教材中心主任", today.plusMonths(9), today, months, now)
        ).forEach(mongo::insert);
    }

    private void rectifications(LocalDate today, Instant now) {
        RectificationItem open = new RectificationItem("demo-rect-caizheng-1", "caizheng",
                RectificationItem.Source.PATROL_INSPECTION, "“三重一大”事项会议记录不完整", today.minusDays(40),
                "完善议事规则，补齐会议纪要模板", "机关党委副书记", today.plusDays(50), CAIZHENG_INSPECTOR, now);
        RectificationItem overdue = new RectificationItem("demo-rect-caizheng-2", "caizheng",
                RectificationItem.Source.PATROL_INSPECTION, "公务用车使用登记不规范", today.minusDays(120),
                "建立用车审批与登记台账", "办公室主任", today.minusDays(45), CAIZHENG_INSPECTOR, now);
        RectificationItem closed = new RectificationItem("demo-rect-caizheng-3", "caizheng",
                RectificationItem.Source.INSPECTION, "廉政谈话记录缺失", today.minusDays(90),
                "补开廉政谈话并建立谈话台账", "机关纪委书记", today.minusDays(30), CAIZHENG_INSPECTOR, now.minusSeconds(86400 * 60L));
        closed.addEvidence("2026 年廉政谈话台账（演示）", CAIZHENG_ADMIN, now.minusSeconds(86400 * 40L));
        closed.closeOut("抽查谈话记录 10 份，整改到位（演示）", CAIZHENG_INSPECTOR, now.minusSeconds(86400 * 35L));
        RectificationItem jiaoyu = new RectificationItem("demo-rect-jiaoyu-1", "jiaoyu",
                RectificationItem.Source.PATROL_INSPECTION, "教辅征订程序不规范", today.minusDays(20),
                "修订征订办法并公示", "教材中心主任", today.plusDays(70), JIAOYU_INSPECTOR, now);
        List.of(open, overdue, closed, jiaoyu).forEach(mongo::insert);
    }

    private void leads(LocalDate today, Instant now) {
        int days = rules.inquiryReplyWorkingDays();
        Lead received = lead(MARKER, "caizheng", LeadSource.PETITION_REPORT, "caizheng-m03",
                "反映其在采购评审中打招呼（演示数据）", today.minusDays(3), CAIZHENG_INSPECTOR, now);
        Lead inquiry = lead("demo-lead-caizheng-2", "caizheng", LeadSource.PATROL_INSPECTION, "caizheng-m06",
                "巡察发现其违规兼职取酬（演示数据）", today.minusDays(30), CAIZHENG_INSPECTOR, now);
        inquiry.transition(LeadState.INQUIRY, "问题具有一般性，拟函询（演示）", null, CAIZHENG_INSPECTOR, now, today.minusDays(25), calendar, days);
        Lead caseFiled = lead("demo-lead-caizheng-3", "caizheng", LeadSource.AUDIT, "caizheng-m10",
                "审计发现专项资金违规拨付（演示数据）", today.minusDays(60), CAIZHENG_INSPECTOR, now);
        caseFiled.transition(LeadState.PRELIMINARY_VERIFICATION, "需初步核实（演示）", null, CAIZHENG_INSPECTOR, now, today.minusDays(55), calendar, days);
        caseFiled.transition(LeadState.CASE_FILED, "核实存在违纪事实，立案（演示）", null, CAIZHENG_INSPECTOR, now, today.minusDays(20), calendar, days);
        Lead closed = lead("demo-lead-caizheng-4", "caizheng", LeadSource.INSPECTION, "caizheng-m12",
                "明察暗访发现工作日饮酒（演示数据）", today.minusDays(80), CAIZHENG_INSPECTOR, now);
        closed.transition(LeadState.INQUIRY, "谈话了解情况（演示）", null, CAIZHENG_INSPECTOR, now, today.minusDays(78), calendar, days);
        closed.transition(LeadState.DECIDED, "本人如实说明，予以批评教育（演示）", Outcome.CRITICISM, CAIZHENG_INSPECTOR, now, today.minusDays(60), calendar, days);
        closed.transition(LeadState.CLOSED, "办结归档（演示）", null, CAIZHENG_INSPECTOR, now, today.minusDays(58), calendar, days);
        Lead setAside = lead("demo-lead-jiaoyu-1", "jiaoyu", LeadSource.PETITION_REPORT, "jiaoyu-m05",
                "反映内容笼统，暂无可查性（演示数据）", today.minusDays(15), JIAOYU_INSPECTOR, now);
        setAside.transition(LeadState.SET_ASIDE, "暂存待查（演示）", null, JIAOYU_INSPECTOR, now, today.minusDays(10), calendar, days);
        Lead verifying = lead("demo-lead-jiaoyu-2", "jiaoyu", LeadSource.OTHER, "jiaoyu-m09",
                "反映违规收受家长礼品（演示数据）", today.minusDays(5), JIAOYU_INSPECTOR, now);
        verifying.transition(LeadState.PRELIMINARY_VERIFICATION, "开展初步核实（演示）", null, JIAOYU_INSPECTOR, now, today.minusDays(4), calendar, days);
        List.of(received, inquiry, caseFiled, closed, setAside, verifying).forEach(mongo::insert);
    }

    private Lead lead(String id, String department, LeadSource source, String member, String summary, LocalDate receivedOn,
                      Caller handler, Instant now) {
        Lead lead = new Lead(id, department, source, List.of(member), null, summary, receivedOn, handler, now);
        lead.anonymousReporter(id.equals("demo-lead-jiaoyu-1") ? ReceiptCodes.hash(DEMO_RECEIPT_CODE) : null);
        return lead;
    }
}
