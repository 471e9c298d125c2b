package cn.city.party.activity.ledger;

import cn.city.party.activity.activity.Activity;
import cn.city.party.activity.activity.ActivityType;
import cn.city.party.activity.activity.Attendance;
import cn.city.party.activity.activity.AttendanceEntry;
import cn.city.party.activity.activity.HeldRecord;
import cn.city.party.activity.activity.LateEntryRule;
import cn.city.party.activity.period.Period;
import cn.city.party.activity.support.ActivityServiceIT;
import cn.city.party.common.test.Api;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerApiIT extends ActivityServiceIT {

    private static final String JIAOYU_BRANCH = "jiaoyu-branch-1";
    /** Two years ago: the records are written with their own entry times, so the ledger does not depend on today. */
    private final int year = Instant.now().atZone(Period.ZONE).getYear() - 2;

    private Instant at(int month, int day, int hour) {
        return LocalDateTime.of(year, month, day, hour, 0).atZone(Period.ZONE).toInstant();
    }

    private static HeldRecord held(Instant at, List<String> agenda, String minutes) {
        return new HeldRecord(at, "三楼会议室", "教育书记", "jiaoyu-m01", "教育书记", "jiaoyu-m01", agenda, minutes, List.of());
    }

    @BeforeEach
    void records() {
        demoRoster();
        if (mongo.findById("ledger-1", Activity.class) != null) {
            return;
        }
        LateEntryRule rule = new LateEntryRule(7);
        List<String> roster = List.of("jiaoyu-m01", "jiaoyu-m02");
        Activity onTime = new Activity("ledger-1", "jiaoyu", JIAOYU_BRANCH, null,
                List.of(ActivityType.BRANCH_COMMITTEE_MEETING), "三月支委会", at(3, 10, 15), at(3, 1, 9), "jiaoyu-secretary");
        onTime.hold(held(at(3, 10, 15), List.of("研究三月工作", "确定学习安排"), "研究三月工作。"), null, rule, roster,
                at(3, 11, 10), "jiaoyu-secretary");
        onTime.recordAttendance(new AttendanceEntry("jiaoyu-m01", "教育书记", Attendance.PRESENT, null, "jiaoyu-secretary",
                at(3, 11, 10), false));
        onTime.recordAttendance(new AttendanceEntry("jiaoyu-m02", "教育党员", Attendance.EXCUSED, "出差", "jiaoyu-secretary",
                at(3, 11, 10), false));

        Activity late = new Activity("ledger-2", "jiaoyu", JIAOYU_BRANCH, null,
                List.of(ActivityType.THEME_PARTY_DAY, ActivityType.PARTY_LECTURE), "五月主题党日暨党课", at(5, 20, 9),
                at(5, 1, 9), "jiaoyu-secretary");
        late.hold(held(at(5, 20, 9), List.of("学习党章"), "书记讲党课。"), "书记外出学习", rule, roster, at(6, 15, 9),
                "jiaoyu-secretary");
        late.amend(held(at(5, 20, 9), List.of("学习党章", "交流心得"), "书记讲党课，党员交流心得。"), "补充议程", null, rule,
                roster, at(6, 16, 10), "jiaoyu-secretary");
        late.recordAttendance(new AttendanceEntry("jiaoyu-m01", "教育书记", Attendance.PRESENT, null, "jiaoyu-secretary",
                at(6, 15, 9), false));
        late.recordAttendance(new AttendanceEntry("jiaoyu-m02", "教育党员", Attendance.ABSENT, "未请假", "jiaoyu-secretary",
                at(6, 15, 9), false));
        late.recordAttendance(new AttendanceEntry("jiaoyu-m02", "教育党员", Attendance.PRESENT, null, "jiaoyu-secretary",
                at(6, 16, 10), false));

        Activity cancelled = new Activity("ledger-3", "jiaoyu", JIAOYU_BRANCH, null,
                List.of(ActivityType.BRANCH_COMMITTEE_MEETING), "取消的会议", at(7, 1, 9), at(6, 1, 9), "jiaoyu-secretary");
        cancelled.cancel("改期");
        mongo.insert(onTime);
        mongo.insert(late);
        mongo.insert(cancelled);
    }

    private static List<List<String>> rows(byte[] xlsx) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        ? String.valueOf((long) c.getNumericCellValue()) : c.getStringCellValue()));
                rows.add(cells);
            }
        }
        return rows;
    }

    private List<String> onTimeRow(String number) {
        return List.of(number, "第一党支部", year + "-03-10 15:00", "支委会", "三月支委会", "三楼会议室", "教育书记",
                "研究三月工作；确定学习安排", "1", "1", "1", "0", "教育书记", "研究三月工作。", "jiaoyu-secretary",
                year + "-03-11 10:00", "否", "无");
    }

    private List<String> lateRow(String number) {
        return List.of(number, "第一党支部", year + "-05-20 09:00", "党课、主题党日", "五月主题党日暨党课", "三楼会议室", "教育书记",
                "学习党章；交流心得", "2", "2", "0", "0", "教育书记、教育党员", "书记讲党课，党员交流心得。", "jiaoyu-secretary",
                year + "-06-15 09:00", "是（会后26天登记；原因：书记外出学习）",
                "第1次修改：" + year + "-06-16 10:00 jiaoyu-secretary，原因：补充议程；出勤更正1条");
    }

    @Test
    void a_branch_ledger_as_xlsx_lists_every_sitting_held_with_late_entries_and_amendments_marked() throws IOException {
        Api.Response xlsx = api().as("jiaoyu-secretary").getBytes("/api/activities/ledger/branches/" + JIAOYU_BRANCH
                + "?year=" + year + "&format=xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).contains(LedgerExport.XLSX);
        List<List<String>> rows = rows(xlsx.bytes());
        assertThat(rows).containsExactly(
                List.of("第一党支部 " + year + "年度组织生活记录台账"),
                List.of("序号", "党支部", "召开时间", "类型", "主题", "地点", "主持人", "议程", "应到", "实到", "请假", "缺席",
                        "出席人员", "会议记录", "登记人", "登记时间", "补录", "修改记录"),
                onTimeRow("1"), lateRow("2"));
    }

    @Test
    void a_branch_ledger_as_docx_has_the_title_and_one_table_per_sitting() throws IOException {
        Api.Response docx = api().as("jiaoyu-admin").getBytes("/api/activities/ledger/branches/" + JIAOYU_BRANCH
                + "?year=" + year);
        assertThat(docx.status()).isEqualTo(200);
        assertThat(docx.headers().firstValue("Content-Type")).contains(LedgerExport.DOCX);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.bytes()))) {
            assertThat(doc.getParagraphs().stream().map(p -> p.getText()).filter(t -> !t.isEmpty())).containsExactly(
                    "第一党支部 " + year + "年度组织生活记录台账", "第1次：三月支委会", "第2次：五月主题党日暨党课");
            assertThat(doc.getTables()).hasSize(2);
            XWPFTable late = doc.getTables().get(1);
            List<String> labels = new ArrayList<>();
            List<String> values = new ArrayList<>();
            late.getRows().forEach(r -> {
                labels.add(r.getCell(0).getText());
                values.add(r.getCell(1).getText());
            });
            assertThat(labels).containsExactlyElementsOf(LedgerEntry.HEADERS);
            assertThat(values).containsExactlyElementsOf(lateRow("2").subList(1, lateRow("2").size()));
        }
    }

    @Test
    void a_department_ledger_is_its_admins_and_the_work_committees_and_nobody_reads_another_branch_or_department()
            throws IOException {
        Api.Response department = api().as("jiaoyu-admin").getBytes("/api/activities/ledger/departments/jiaoyu?year="
                + year + "&format=xlsx");
        assertThat(department.status()).isEqualTo(200);
        assertThat(rows(department.bytes())).containsExactly(List.of("jiaoyu " + year + "年度组织生活记录台账"),
                rows(api().as("work-committee").getBytes("/api/activities/ledger/departments/jiaoyu?year=" + year
                        + "&format=xlsx").bytes()).get(1), onTimeRow("1"), lateRow("2"));

        assertThat(api().as("caizheng-admin").getBytes("/api/activities/ledger/departments/jiaoyu?year=" + year).status())
                .isEqualTo(403);
        assertThat(api().as("jiaoyu-secretary").getBytes("/api/activities/ledger/departments/jiaoyu?year=" + year).status())
                .isEqualTo(403);
        assertThat(api().as("caizheng-secretary").getBytes("/api/activities/ledger/branches/" + JIAOYU_BRANCH + "?year="
                + year).status()).isEqualTo(404);
        assertThat(api().as("caizheng-admin").getBytes("/api/activities/ledger/branches/" + JIAOYU_BRANCH + "?year="
                + year).status()).isEqualTo(404);
        assertThat(api().as("jiaoyu-member").getBytes("/api/activities/ledger/branches/" + JIAOYU_BRANCH + "?year="
                + year).status()).isEqualTo(403);
        assertThat(api().as("jiaoyu-secretary").getBytes("/api/activities/ledger/branches/" + JIAOYU_BRANCH + "?year="
                + year + "&format=pdf").status()).isEqualTo(400);
    }
}
