package cn.city.party.e2e;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** The .xlsx of one-time passwords that account provisioning answers with, one line a member after the header. */
public final class PasswordSheet {

    /** One member's line: 姓名, 所属支部, 登录名, 初始密码, 结果. */
    public record Line(String name, String branch, String username, String oneTimePassword, String result) {
    }

    private PasswordSheet() {
    }

    /** The lines by member name. */
    public static Map<String, Line> read(byte[] xlsx) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Map<String, Line> lines = new HashMap<>();
            for (Row row : workbook.getSheetAt(0)) {
                if (row.getRowNum() > 0) {
                    Line line = new Line(text(row, 0), text(row, 1), text(row, 2), text(row, 3), text(row, 4));
                    lines.put(line.name(), line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Row row, int column) {
        return row.getCell(column).getStringCellValue();
    }
}
