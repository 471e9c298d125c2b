package cn.city.party.org.account;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The sheet of one bulk provisioning run, to print and hand out: written in memory, never to disk. */
@Component
public class AccountSheet {

    static final String SHEET_NAME = "账号开通";
    static final List<String> HEADERS = List.of("姓名", "所属支部", "登录名", "初始密码", "结果");

    private final MessageSource messages;

    public AccountSheet(MessageSource messages) {
        this.messages = messages;
    }

    byte[] write(List<AccountProvisioning.Line> lines) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SHEET_NAME);
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                header.createCell(c).setCellValue(HEADERS.get(c));
            }
            int r = 1;
            for (AccountProvisioning.Line line : lines) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(line.name());
                row.createCell(1).setCellValue(line.branch());
                row.createCell(2).setCellValue(line.username() == null ? "" : line.username());
                row.createCell(3).setCellValue(line.temporaryPassword() == null ? "" : line.temporaryPassword());
                row.createCell(4).setCellValue(line.reason() == null ? line.outcome().label() : line.outcome().label()
                        + "：" + messages.getMessage(line.reason().code(), line.reason().args().toArray(),
                        line.reason().code(), LocaleContextHolder.getLocale()));
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
