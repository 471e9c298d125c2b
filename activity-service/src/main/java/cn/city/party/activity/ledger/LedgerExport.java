package cn.city.party.activity.ledger;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes a ledger as .xlsx (one row per sitting) or .docx (a title, then one table per sitting). */
@Component
class LedgerExport {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    byte[] xlsx(String title, List<LedgerEntry> entries) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("组织生活记录台账");
            sheet.createRow(0).createCell(0).setCellValue(title);
            Row head = sheet.createRow(1);
            head.createCell(0).setCellValue("序号");
            for (int c = 0; c < LedgerEntry.HEADERS.size(); c++) {
                head.createCell(c + 1).setCellValue(LedgerEntry.HEADERS.get(c));
            }
            for (int r = 0; r < entries.size(); r++) {
                Row row = sheet.createRow(r + 2);
                row.createCell(0).setCellValue(r + 1);
                List<String> cells = entries.get(r).cells();
                for (int c = 0; c < cells.size(); c++) {
                    row.createCell(c + 1).setCellValue(cells.get(c));
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] docx(String title, List<LedgerEntry> entries) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph heading = doc.createParagraph();
            heading.createRun().setText(title);
            heading.getRuns().get(0).setBold(true);
            if (entries.isEmpty()) {
                doc.createParagraph().createRun().setText("本年度无组织生活记录。");
            }
            for (int i = 0; i < entries.size(); i++) {
                doc.createParagraph().createRun().setText("第" + (i + 1) + "次：" + entries.get(i).title());
                List<String> cells = entries.get(i).cells();
                XWPFTable table = doc.createTable(cells.size(), 2);
                for (int r = 0; r < cells.size(); r++) {
                    table.getRow(r).getCell(0).setText(LedgerEntry.HEADERS.get(r));
                    table.getRow(r).getCell(1).setText(cells.get(r));
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
