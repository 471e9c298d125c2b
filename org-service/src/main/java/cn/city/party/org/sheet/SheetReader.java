package cn.city.party.org.sheet;

import cn.city.party.common.error.DomainProblem;
import cn.city.party.common.error.Problems;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.Styles;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the .xlsx sheets that departments upload (the roster, the organization tree, the dues bases) and writes their
 * templates.
 * <p>
 * An upload is untrusted: the file is capped in size (413) and in rows, POI's zip-bomb guards are tightened, the
 * sheet is read as a stream of rows (SAX, no workbook model in memory), and a cell holding a formula is marked so the
 * importer refuses it: its text would otherwise be stored and exported again into someone's spreadsheet.
 */
@Component
public class SheetReader {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static {
        // POI's guards are JVM-wide; tighter than its defaults (ratio 0.01, 4 GB entries, 1,000 entries, 10 M chars),
        // still far above what a sheet of the row cap needs
        ZipSecureFile.setMinInflateRatio(0.02);
        ZipSecureFile.setMaxEntrySize(DataSize.ofMegabytes(20).toBytes());
        ZipSecureFile.setMaxFileCount(200);
        ZipSecureFile.setMaxTextSize(5_000_000);
    }

    private final DataSize maxFileSize;
    private final int maxRows;

    public SheetReader(@Value("${org.sheet-import.max-file-size:2MB}") DataSize maxFileSize,
                       @Value("${org.sheet-import.max-rows:2000}") int maxRows) {
        this.maxFileSize = maxFileSize;
        this.maxRows = maxRows;
    }

    /**
     * The data rows of the first sheet, or what keeps the sheet as a whole from being read row by row (a wrong header,
     * too many rows, no rows at all) as errors.
     */
    public record Rows(List<SheetRow> rows, List<RowError> errors) {
    }

    /**
     * An import's data rows, each read into a line that refuses its own cells on its {@link RowCheck}; none when the
     * sheet as a whole could not be read row by row ({@code sheetErrors}: a wrong header, too many rows, no rows).
     */
    public record Lines<L>(int rows, List<L> lines, List<RowError> sheetErrors, Function<L, RowCheck> check) {

        public boolean unreadable() {
            return !sheetErrors.isEmpty();
        }

        /** The sheet's errors, or else every refused cell of the lines, row by row (once the import's checks ran). */
        public List<RowError> errors() {
            if (unreadable()) {
                return sheetErrors;
            }
            List<RowError> errors = new ArrayList<>();
            lines.forEach(line -> errors.addAll(check.apply(line).errors()));
            return errors;
        }
    }

    /** The row loop of every import: the first sheet ({@link #read}), then each data row through {@code line}. */
    public <L> Lines<L> lines(InputStream xlsx, List<? extends SheetColumn> columns, Function<SheetRow, L> line,
                              Function<L, RowCheck> check) {
        Rows sheet = read(xlsx, columns);
        List<L> lines = sheet.errors().isEmpty() ? sheet.rows().stream().map(line).toList() : List.of();
        return new Lines<>(sheet.rows().size(), lines, sheet.errors(), check);
    }

    /** Refuses an upload over the size cap before a byte of it is parsed. */
    private void requireWithinSize(long bytes) {
        if (bytes > maxFileSize.toBytes()) {
            throw new DomainProblem(HttpStatus.CONTENT_TOO_LARGE, "import.tooLarge",
                    new Object[]{maxFileSize.toMegabytes()}, List.of(new DomainProblem.Violation("file",
                    "import.tooLarge", maxFileSize.toMegabytes())));
        }
    }

    /** Checks the upload against the size cap, then hands its bytes to {@code importer}. */
    public <T> T upload(MultipartFile file, Function<InputStream, T> importer) throws IOException {
        requireWithinSize(file.getSize());
        try (InputStream in = file.getInputStream()) {
            return importer.apply(in);
        }
    }

    /** Reads the first sheet, whose header must be {@code columns} in order. */
    public Rows read(InputStream xlsx, List<? extends SheetColumn> columns) {
        Collected sheet = collect(xlsx, columns.size());
        List<RowError> errors = new ArrayList<>();
        for (SheetColumn column : columns) {
            String found = sheet.header == null ? "" : sheet.header.value(column);
            if (!column.header().equals(found)) {
                errors.add(new RowError(1, column.header(), "第" + (column.ordinal() + 1) + "列表头应为“" + column.header() + "”"));
            }
        }
        if (!errors.isEmpty()) {
            return new Rows(List.of(), errors);
        }
        String first = columns.get(0).header();
        if (sheet.overCap) {
            return new Rows(sheet.rows, List.of(new RowError(sheet.rows.get(sheet.rows.size() - 1).number(), first,
                    "一次最多导入" + maxRows + "行，请分批导入")));
        }
        if (sheet.rows.isEmpty()) {
            return new Rows(List.of(), List.of(new RowError(2, first, "表中没有数据行")));
        }
        return new Rows(sheet.rows, List.of());
    }

    /**
     * A template: the header on the first sheet (the one read back), every column formatted as text so codes and ID
     * numbers stay text; {@code help} lines on a second sheet, 填写说明, where an example left in place is never imported.
     */
    public byte[] template(String sheetName, List<? extends SheetColumn> columns, List<String> help) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            XSSFCellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            Row header = sheet.createRow(0);
            for (SheetColumn column : columns) {
                header.createCell(column.ordinal()).setCellValue(column.header());
                sheet.setDefaultColumnStyle(column.ordinal(), text);
                sheet.setColumnWidth(column.ordinal(), 20 * 256);
            }
            Sheet notes = workbook.createSheet("填写说明");
            for (int r = 0; r < help.size(); r++) {
                notes.createRow(r).createCell(0).setCellValue(help.get(r));
            }
            notes.setColumnWidth(0, 100 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An .xlsx answer saved under a Chinese file name. */
    public static ResponseEntity<byte[]> attachment(byte[] xlsx, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(xlsx);
    }

    /** The first sheet's header and non-blank rows, at most one over the cap ({@code overCap}: reading stopped there). */
    private static final class Collected {
        SheetRow header;
        final List<SheetRow> rows = new ArrayList<>();
        boolean overCap;
    }

    private static final class RowCapReached extends RuntimeException {
        RowCapReached() {
            super(null, null, false, false);
        }
    }

    /** Streams the first sheet row by row; only the rows themselves are kept. */
    private Collected collect(InputStream in, int columns) {
        Collected sheet = new Collected();
        try (OPCPackage pkg = OPCPackage.open(in)) {
            XSSFReader reader = new XSSFReader(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw Problems.invalid("file", "import.notXlsx");
            }
            SharedStrings strings = new ReadOnlySharedStringsTable(pkg);
            Styles styles = reader.getStylesTable();
            try (InputStream first = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new FormulaAwareHandler(styles, strings, new RowCollector(sheet, columns)));
                parser.parse(new InputSource(first));
            } catch (RowCapReached stop) {
                sheet.overCap = true;
            }
            return sheet;
        } catch (DomainProblem problem) {
            throw problem;
        } catch (Exception notXlsx) {
            throw Problems.invalid("file", zipBomb(notXlsx) ? "import.unpackedTooLarge" : "import.notXlsx");
        }
    }

    private static boolean zipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().startsWith("Zip bomb detected")) {
                return true;
            }
        }
        return false;
    }

    private final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Collected sheet;
        private final int columns;
        private Map<Integer, String> values = new HashMap<>();
        private Set<Integer> formulas = new HashSet<>();

        RowCollector(Collected sheet, int columns) {
            this.sheet = sheet;
            this.columns = columns;
        }

        @Override
        public void startRow(int rowNum) {
            values = new HashMap<>();
            formulas = new HashSet<>();
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = column(reference);
            if (column < columns && formattedValue != null) {
                values.put(column, formattedValue);
            }
        }

        void formula(String reference) {
            int column = column(reference);
            if (column < columns) {
                formulas.add(column);
            }
        }

        @Override
        public void endRow(int rowNum) {
            SheetRow row = new SheetRow(rowNum + 1, values, formulas);
            if (rowNum == 0) {
                sheet.header = row;
            } else if (!row.blank()) {
                sheet.rows.add(row);
                if (sheet.rows.size() > maxRows) {
                    throw new RowCapReached();
                }
            }
        }

        private static int column(String reference) {
            return reference == null ? 0 : new CellReference(reference).getCol();
        }
    }

    /** POI's streaming sheet handler that also notes which cells hold a formula ({@code <f>} inside {@code <c>}). */
    private static final class FormulaAwareHandler extends XSSFSheetXMLHandler {
        private final RowCollector rows;
        private String cell;

        FormulaAwareHandler(Styles styles, SharedStrings strings, RowCollector rows) {
            super(styles, strings, rows, new IsoDates(), false);
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            if ("c".equals(localName)) {
                cell = attributes.getValue("r");
            } else if ("f".equals(localName)) {
                rows.formula(cell);
            }
            super.startElement(uri, localName, qName, attributes);
        }
    }

    /** Date-formatted numbers as ISO dates (whatever display format the sheet gave them), the rest as displayed. */
    private static final class IsoDates extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }
}
