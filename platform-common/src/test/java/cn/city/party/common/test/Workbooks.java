package cn.city.party.common.test;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The .xlsx files a department uploads (its roster, tree, dues bases), as the tests build them. */
public final class Workbooks {

    private Workbooks() {
    }

    /** A one-sheet workbook (the sheet named {@code name}, or POI's default when null): the header, then the rows, every cell as text. */
    public static byte[] sheet(String name, List<String> headers, List<List<String>> rows) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = name == null ? workbook.createSheet() : workbook.createSheet(name);
            List<List<String>> all = new ArrayList<>();
            all.add(headers);
            all.addAll(rows);
            for (int r = 0; r < all.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < all.get(r).size(); c++) {
                    row.createCell(c).setCellValue(all.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
