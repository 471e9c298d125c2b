package cn.city.party.activity.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Adds up the quality inputs of many branches month by month, for department and city indicators. */
final class FiguresSum {

    private final int[][] months = new int[12][6];

    void add(Figures figures) {
        if (figures == null) {
            return;
        }
        for (int m = 0; m < 12; m++) {
            MonthFigures f = figures.months().get(m);
            months[m][0] += f.sittings();
            months[m][1] += f.attendancePresent();
            months[m][2] += f.attendanceExpected();
            months[m][3] += f.lateEntries();
            months[m][4] += f.multiPurpose();
            months[m][5] += f.withMinutes();
        }
    }

    Figures figures() {
        List<MonthFigures> list = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            int[] v = months[m];
            list.add(new MonthFigures(Map.of(), Map.of(), Map.of(), 0, v[0], v[1], v[2], v[3], v[4], v[5]));
        }
        return new Figures(list, List.of(), List.of(), Map.of());
    }
}
