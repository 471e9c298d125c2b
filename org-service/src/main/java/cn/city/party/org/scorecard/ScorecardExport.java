package cn.city.party.org.scorecard;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A ranking as an .xlsx sheet with Chinese headers, one row per branch, one column per item. */
@Component
class ScorecardExport {
    static final List<String> FIXED_HEADERS = List.of("排名", "党支部", "部门", "年度", "总分", "星级");

    static List<String> headers() {
        List<String> headers = new ArrayList<>(FIXED_HEADERS);
        for (ScoreItem item : ScoreItem.values()) {
            headers.add(item.label());
        }
        return headers;
    }

    byte[] ranking(List<ScorecardService.Ranked> ranking) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("支部考核排名");
            List<String> headers = headers();
            Row head = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                head.createCell(c).setCellValue(headers.get(c));
            }
            int r = 1;
            for (ScorecardService.Ranked ranked : ranking) {
                Scorecard card = ranked.scorecard();
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(ranked.rank());
                row.createCell(1).setCellValue(card.branchName());
                row.createCell(2).setCellValue(card.department());
                row.createCell(3).setCellValue(card.year());
                row.createCell(4).setCellValue(card.total().doubleValue());
                row.createCell(5).setCellValue(card.stars());
                int c = FIXED_HEADERS.size();
                for (ScoreItem item : ScoreItem.values()) {
                    row.createCell(c++).setCellValue(card.item(item).points().doubleValue());
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
