package cn.city.party.org.sheet;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.List;

/**
 * The answer to an import that creates or declares records (the organization tree, the dues bases), shaped like the
 * roster import's: whether anything was stored, the data rows read, and every refused cell. {@code created} rows were
 * new, {@code unchanged} rows matched what the platform already held (so re-importing a file changes nothing);
 * {@code ids} are the records created or changed.
 */
public record SheetReport(boolean imported, int rows, int created, int unchanged, List<String> ids, List<RowError> errors) {

    public static SheetReport refused(int rows, List<RowError> errors) {
        return new SheetReport(false, rows, 0, 0, List.of(), errors);
    }

    /** 422 when refused (nothing stored), 201 when something was created, 200 when every row was already there. */
    public ResponseEntity<SheetReport> response() {
        HttpStatus status = !imported ? HttpStatus.UNPROCESSABLE_CONTENT : created > 0 ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(this);
    }
}
