package cn.city.party.e2e.city;

import cn.city.party.e2e.NationalIds;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * What the generated city holds, decided by a seed alone: the same seed and scale give the same departments, trees,
 * members, sittings and attendance, whatever order the generator sends them in (each department and each branch draws
 * from a random of its own, derived from the seed and its position).
 *
 * <p>Full scale (1.0): 50 departments × 50 branches (5 党总支 of 10 支部 under each 机关党委, 2 党小组 per branch) ×
 * 12 members = 2,500 branches and 30,000 members; a branch's year of sittings follows 三会一课 and the yearly meetings
 * (118 scheduled, a few missed), ~290,000 sittings in all. A smaller scale keeps departments whole and takes fewer of
 * them (at least one).
 */
public final class CityPlan {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int DEPARTMENTS = 50;
    static final int GENERAL_BRANCHES = 5;
    static final int BRANCHES_PER_GENERAL = 10;
    static final int MEMBERS_PER_BRANCH = 12;
    static final int GROUPS_PER_BRANCH = 2;
    /**
     * The first six of a branch are full members (正式党员): the secretary, the committee (组织委员 the 5th, 宣传委员 the
     * 6th), the department's administrator and inspector (2nd and 4th of its first branch) and a studying member (3rd);
     * a probationary member cannot be elected.
     */
    static final int FULL_MEMBERS_FIRST = 6;

    private static final String[] BUREAUS = {"发展和改革委员会", "科学技术局", "工业和信息化局", "公安局", "民政局", "司法局",
            "人力资源和社会保障局", "自然资源和规划局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局",
            "文化广电旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局", "国有资产监督管理委员会", "市场监督管理局",
            "体育局", "统计局", "医疗保障局", "城市管理局", "林业局", "人民防空办公室", "信访局", "机关事务管理局", "大数据局",
            "地方金融管理局", "粮食和物资储备局", "民族宗教事务局", "外事办公室", "档案局", "地方志办公室", "供销合作社",
            "投资促进局", "口岸办公室", "乡村振兴局", "公共资源交易中心", "政务服务管理局", "园林局", "气象局", "消防救援支队",
            "住房公积金管理中心", "社会保险事业管理中心", "广播电视台", "融媒体中心", "行政审批局"};
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏建红晨阳宇博文浩然子轩欣怡思雨佳琪梓涵一诺嘉俊志海波峰婷雪琳颖斌辉凯丹晶亮飞倩蕾慧颖鑫宁";
    private static final String[] POSTS = {"科员", "科员", "科员", "一级科员", "四级主任科员", "三级主任科员", "二级主任科员",
            "一级主任科员", "副处长", "处长"};
    private static final String[] EDUCATION = {"大学本科", "大学本科", "大学本科", "大学本科", "大学本科", "大学本科", "大学本科",
            "研究生", "研究生", "大专"};

    public record Department(int index, String code, String name, List<Branch> branches, double missRate) {
    }

    /** A 支部 with its 党总支 (by code), its 党小组 (codes) and members (the first is elected secretary). */
    public record Branch(String code, String name, String generalBranchCode, List<String> groupCodes, List<Member> members) {
    }

    public record Member(String name, String gender, LocalDate birth, String nationalId, String education, String post,
                         LocalDate joinedOn, boolean probationary, String groupCode, boolean leadingCadre,
                         BigDecimal monthlyIncome, String phone, String email, int arrearsMonths) {
    }

    /** One sitting: when, what, the group it is of (null: the whole branch) and each member's attendance. */
    public record Sitting(Instant heldAt, List<String> types, String title, String groupCode, List<Attended> attendance) {
    }

    /** Attendance of the member at {@code memberIndex} of the branch: PRESENT, EXCUSED or ABSENT. */
    public record Attended(int memberIndex, String attendance) {
    }

    private final long seed;
    private final double scale;
    private final LocalDate today;

    /** {@code today} anchors the recent joining dates of probationary members (the same seed, scale and day: the same city). */
    public CityPlan(long seed, double scale, LocalDate today) {
        if (!(scale > 0 && scale <= 1)) {
            throw new IllegalArgumentException("scale must be in (0, 1], was " + scale);
        }
        this.seed = seed;
        this.scale = scale;
        this.today = today;
    }

    public int departmentCount() {
        return Math.max(1, (int) Math.round(DEPARTMENTS * scale));
    }

    public List<Department> departments() {
        List<Department> all = new ArrayList<>();
        for (int d = 0; d < departmentCount(); d++) {
            all.add(department(d));
        }
        return all;
    }

    /** The department at {@code index} (0-based): code {@code city01}…, its tree and roster. */
    public Department department(int index) {
        Random random = new Random(seed * 1_000_003L + index);
        String code = "city%02d".formatted(index + 1);
        String name = "市" + BUREAUS[index % BUREAUS.length];
        String prefix = "C%02d".formatted(index + 1);
        Set<String> names = new HashSet<>();
        List<Branch> branches = new ArrayList<>();
        int memberIndex = 0;
        for (int g = 0; g < GENERAL_BRANCHES; g++) {
            String general = prefix + "-ZZ" + (g + 1);
            for (int b = 0; b < BRANCHES_PER_GENERAL; b++) {
                int number = g * BRANCHES_PER_GENERAL + b + 1;
                String branchCode = prefix + "-ZB%02d".formatted(number);
                List<String> groups = new ArrayList<>();
                for (int p = 0; p < GROUPS_PER_BRANCH; p++) {
                    groups.add(branchCode + "-XZ" + (p + 1));
                }
                List<Member> members = new ArrayList<>();
                for (int m = 0; m < MEMBERS_PER_BRANCH; m++) {
                    members.add(member(random, index, memberIndex++, names, groups.get(m % GROUPS_PER_BRANCH), code,
                            m >= FULL_MEMBERS_FIRST));
                }
                branches.add(new Branch(branchCode, "第" + chineseNumber(number) + "党支部", general, groups, members));
            }
        }
        // 0 to 8 % of the scheduled sittings are missed, so departments differ in compliance
        return new Department(index, code, name, branches, random.nextInt(9) / 100.0);
    }

    private Member member(Random random, int department, int index, Set<String> taken, String group, String code,
                          boolean mayBeProbationary) {
        String name;
        do {
            name = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + ""
                    + GIVEN.charAt(random.nextInt(GIVEN.length()))
                    + (random.nextInt(3) == 0 ? "" : String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))));
        } while (!taken.add(name));
        boolean male = random.nextInt(100) < 58;
        LocalDate birth = LocalDate.of(1966 + random.nextInt(36), 1 + random.nextInt(12), 1 + random.nextInt(28));
        boolean probationary = random.nextInt(100) < 8 && mayBeProbationary;
        LocalDate joined = probationary ? today.minusDays(30 + random.nextInt(300))
                : birth.plusYears(20 + random.nextInt(6)).withDayOfMonth(1).withMonth(1 + random.nextInt(12));
        if (!probationary && joined.isAfter(today.minusYears(2))) {
            joined = today.minusYears(2).withDayOfMonth(1);
        }
        String post = POSTS[random.nextInt(POSTS.length)];
        // a region-like first six digits per department and block of 400, then the birth date and a sequence: unique
        // across the city
        String first17 = "3%02d1%02d".formatted(department + 1, index / 400) + birth.toString().replace("-", "")
                + "%03d".formatted((index % 400) * 2 + (male ? 1 : 0));
        BigDecimal income = BigDecimal.valueOf(4000 + random.nextInt(111) * 100L);
        // about 3 % stopped paying 3 to 7 months ago
        int arrears = random.nextInt(100) < 3 ? 3 + random.nextInt(5) : 0;
        return new Member(name, male ? "男" : "女", birth, NationalIds.withCheck(first17),
                EDUCATION[random.nextInt(EDUCATION.length)], post, joined, probationary, group,
                post.endsWith("处长"), income, "139%08d".formatted(department * 100_000 + index),
                "m%04d@%s.city.gov.cn".formatted(index, code), arrears);
    }

    /**
     * A branch's sittings from {@code from} (inclusive) to {@code to} (exclusive), 14:30 in the city on a weekday:
     * monthly 支委会 (5th), 党小组会 of each group (10th), 主题党日 (15th), 双报到/志愿服务 (22nd) and weekly 支部集中学习;
     * quarterly 支部党员大会 (20th) and 党课 (25th) in March, June, September and December; in January 谈心谈话 (10th)
     * and the 组织生活会 with 民主评议党员 (15th). Each is missed at the department's rate; attendance is 92 % present,
     * 6 % excused, 2 % absent.
     */
    public List<Sitting> sittings(Department department, int branchIndex, LocalDate from, LocalDate to) {
        Branch branch = department.branches().get(branchIndex);
        Random random = new Random((seed * 1_000_003L + department.index()) * 10_007L + branchIndex);
        List<Sitting> sittings = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.atDay(1).isAfter(to); month = month.plusMonths(1)) {
            String label = month.getYear() + "年" + month.getMonthValue() + "月";
            add(sittings, random, department, branch, month, 5, List.of("BRANCH_COMMITTEE_MEETING"), label + "支委会", null, from, to);
            for (String group : branch.groupCodes()) {
                add(sittings, random, department, branch, month, 10, List.of("PARTY_GROUP_MEETING"),
                        label + "党小组会", group, from, to);
            }
            add(sittings, random, department, branch, month, 15, List.of("THEME_PARTY_DAY"), label + "主题党日", null, from, to);
            add(sittings, random, department, branch, month, 22, List.of("VOLUNTEER_SERVICE"), label + "志愿服务", null, from, to);
            for (int week = 0; week < 4; week++) {
                add(sittings, random, department, branch, month, 3 + 7 * week, List.of("BRANCH_STUDY"),
                        label + "第" + (week + 1) + "周集中学习", null, from, to);
            }
            if (month.getMonthValue() % 3 == 0) {
                add(sittings, random, department, branch, month, 20, List.of("BRANCH_GENERAL_MEETING"),
                        label + "支部党员大会", null, from, to);
                add(sittings, random, department, branch, month, 25, List.of("PARTY_LECTURE"), label + "党课", null, from, to);
            }
            if (month.getMonthValue() == 1) {
                add(sittings, random, department, branch, month, 10, List.of("HEART_TO_HEART_TALK"), label + "谈心谈话", null, from, to);
                add(sittings, random, department, branch, month, 15, List.of("ORGANIZATIONAL_LIFE_MEETING", "DEMOCRATIC_APPRAISAL"),
                        (month.getYear() - 1) + "年度组织生活会和民主评议党员", null, from, to);
            }
        }
        return sittings;
    }

    private static void add(List<Sitting> sittings, Random random, Department department, Branch branch, YearMonth month,
                            int day, List<String> types, String title, String group, LocalDate from, LocalDate to) {
        // the draws happen whether or not the date falls in the window, so a sitting's attendance does not depend on it
        boolean missed = random.nextDouble() < department.missRate();
        List<Attended> attendance = new ArrayList<>();
        for (int m = 0; m < branch.members().size(); m++) {
            int roll = random.nextInt(100);
            if (group == null || branch.members().get(m).groupCode().equals(group)) {
                attendance.add(new Attended(m, roll < 92 ? "PRESENT" : roll < 98 ? "EXCUSED" : "ABSENT"));
            }
        }
        LocalDate date = month.atDay(Math.min(day, month.lengthOfMonth()));
        while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            date = date.plusDays(1);
        }
        if (!missed && !date.isBefore(from) && date.isBefore(to)) {
            sittings.add(new Sitting(date.atTime(LocalTime.of(14, 30)).atZone(ZONE).toInstant(), types, title, group, attendance));
        }
    }

    private static String chineseNumber(int n) {
        String digits = "零一二三四五六七八九";
        if (n < 10) {
            return String.valueOf(digits.charAt(n));
        }
        return (n / 10 == 1 ? "" : String.valueOf(digits.charAt(n / 10))) + "十" + (n % 10 == 0 ? "" : digits.charAt(n % 10));
    }
}
